# three levels: linear on linear on striped
modprobe brd rd_nr=2 rd_size=4096
echo "0 8192 striped 2 8 /dev/ram0 0 /dev/ram1 0" | dmsetup create bottom
echo "0 4096 linear /dev/mapper/bottom 2048" | dmsetup create middle
echo "0 1024 linear /dev/mapper/middle 1024" | dmsetup create top
dmsetup ls
dmsetup ls --tree
dmsetup deps
dmsetup deps -o devname
dmsetup table
dmsetup info -c -o name,open
printf 'TOP!' | dd of=/dev/mapper/top bs=512 conv=notrunc 2>/dev/null
sync
# top 0 = middle 1024 = bottom 3072 = chunk 384 -> ram0 (even chunk) sector 1536
dd if=/dev/ram0 bs=512 skip=1536 count=1 2>/dev/null | hexdump -C | head -2
dd if=/dev/mapper/bottom bs=512 skip=3072 count=1 2>/dev/null | head -c 4; echo
dmsetup remove middle
echo rc=$?
dmsetup remove top middle bottom
echo rc=$?
dmsetup ls
