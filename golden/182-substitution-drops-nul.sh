# NUL bytes are dropped from $(...) and backquotes, as busybox ash drops them, before trailing newlines go
x=$(printf 'a\0b'); echo ${#x}; echo "$x" | od -c | head -2
y=$(printf '\0\0\0'); echo ${#y}
modprobe brd rd_nr=1 rd_size=1024
dmsetup create z --table "0 8 zero"
z=$(dd if=/dev/mapper/z bs=512 count=1 2>/dev/null); echo ${#z}
w=$(printf 'ab\0cd\n\0\n'); echo ${#w}; printf '%s' "$w" | od -c | head -2
v=`printf 'x\0y'`; echo ${#v}
printf 'q\0r' > /tmp/n; u=$(cat /tmp/n); echo ${#u}
t=$(head -c 5 /dev/zero); echo "[${t}]" ${#t}
echo "$(printf 'p\0q')" | od -c | head -1
s=$(dd if=/dev/ram0 bs=1 count=3 2>/dev/null | tr '\0' 'Z'); echo $s
for i in $(printf 'a\0b c'); do echo "<$i>"; done
