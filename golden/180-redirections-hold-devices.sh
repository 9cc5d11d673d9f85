# redirections of a block device hold it open as long as the shell keeps the descriptor
modprobe brd rd_nr=1 rd_size=1024
dmsetup create z --table "0 8 zero"
o() { dmsetup info -c --noheadings -o open z; }
exec 4> /dev/mapper/z
o
dmsetup remove z
exec 5>&4
exec 4>&-
o
exec 5<&-
o
exec 3<> /dev/mapper/z
o
exec 6<&3 3<&-
o
exec 6<&-
o
f() { o; }
f < /dev/mapper/z
g() { o; } < /dev/mapper/z
g
o
( o ) < /dev/mapper/z
( exec 7< /dev/mapper/z; o )
o
{ o; o; } < /dev/mapper/z
while read -r l; do :; done < /dev/mapper/z
o
o < /dev/mapper/z | cat
dmsetup remove z < /dev/mapper/z
echo rc=$?
d=/dev/mapper/z
exec 8< "$d"
o
cd /dev/mapper && exec 9< z && cd /tmp
o
exec 8<&- 9<&-
o
exec 3< /dev/ram0
blockdev --getsize64 /dev/ram0
cat /sys/block/ram0/holders 2>/dev/null
dmsetup create r --table "0 8 linear /dev/ram0 0"
dmsetup info -c --noheadings -o open r
exec 3<&-
o > /dev/mapper/z
echo hi | o
echo x > /dev/mapper/z; o
dmsetup remove z r
echo rc=$?
