# delay: table and status lines, constructor errors, reads and writes through it
modprobe brd rd_nr=2 rd_size=4096
echo "0 8192 delay /dev/ram0 0 100" | dmsetup create d1; echo rc=$?
echo "0 4096 delay /dev/ram0 16 50 /dev/ram1 0 0" | dmsetup create d2; echo rc=$?
echo "0 4096 delay /dev/ram0 0 10 /dev/ram1 8 20 /dev/ram1 100 30" | dmsetup create d3; echo rc=$?
dmsetup table
dmsetup status
printf 'hello' | dd of=/dev/mapper/d1 bs=512 count=1 conv=notrunc oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/d1 bs=512 count=1 iflag=direct 2>/dev/null | head -c 5; echo
dmsetup status d1
echo "0 8192 delay /dev/ram0 0" | dmsetup create bad1; echo rc=$?
echo "0 8192 delay /dev/ram0 0 10 /dev/ram1" | dmsetup create bad2; echo rc=$?
echo "0 8192 delay /dev/ram0 x 10" | dmsetup create bad3; echo rc=$?
echo "0 8192 delay /dev/ram0 0 -1" | dmsetup create bad4; echo rc=$?
echo "0 8192 delay /dev/nope 0 10" | dmsetup create bad5; echo rc=$?
dmsetup suspend d1; dmsetup resume d1; dmsetup status d1
dmesg | sed 's/^\[[^]]*\] //'
