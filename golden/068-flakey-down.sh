# flakey while down: reads and writes fail, or writes are dropped, until it comes back up
modprobe brd rd_nr=1 rd_size=4096
printf 'AAAA' | dd of=/dev/ram0 bs=512 count=1 conv=notrunc 2>/dev/null
blockdev --flushbufs /dev/ram0
echo "0 8192 flakey /dev/ram0 0 0 100" | dmsetup create down; echo rc=$?
dd if=/dev/mapper/down of=/dev/null bs=512 count=1 iflag=direct; echo rc=$?
dd if=/dev/zero of=/dev/mapper/down bs=512 count=1 oflag=direct; echo rc=$?
echo "0 8192 flakey /dev/ram0 0 0 100 1 drop_writes" | dmsetup create drop; echo rc=$?
printf 'BBBB' | dd of=/dev/mapper/drop bs=512 count=1 conv=notrunc oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/drop bs=512 count=1 iflag=direct 2>/dev/null | head -c 4; echo
echo "0 8192 flakey /dev/ram0 0 0 100 1 error_writes" | dmsetup create errw; echo rc=$?
printf 'CCCC' | dd of=/dev/mapper/errw bs=512 count=1 conv=notrunc oflag=direct; echo rc=$?
dd if=/dev/mapper/errw bs=512 count=1 iflag=direct 2>/dev/null | head -c 4; echo
dmesg | sed 's/^\[[^]]*\] //'
