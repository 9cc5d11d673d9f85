# dd with iflag=direct / oflag=direct on RAM disks and dm devices
modprobe brd rd_nr=1 rd_size=4096
echo "0 8192 linear /dev/ram0 0" | dmsetup create d
dd if=/dev/zero of=/dev/mapper/d bs=4096 count=4 oflag=direct
echo rc=$?
dd if=/dev/mapper/d of=/dev/null bs=4096 count=4 iflag=direct
echo rc=$?
dd if=/dev/mapper/d of=/dev/null bs=512 count=3 iflag=direct
echo rc=$?
dd if=/dev/ram0 of=/dev/null bs=1M iflag=direct
echo rc=$?
dd if=/dev/mapper/d of=/dev/null bs=100 count=1 iflag=direct
echo unaligned-bs rc=$?
dd if=/dev/zero of=/dev/mapper/d bs=100 count=1 oflag=direct
echo unaligned-write rc=$?
printf 'direct!' | dd of=/dev/mapper/d bs=512 conv=sync oflag=direct
echo rc=$?
dd if=/dev/ram0 bs=512 count=1 iflag=direct 2>/dev/null | head -c 7; echo
