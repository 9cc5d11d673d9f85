# dd at and beyond the end of a device
modprobe brd rd_nr=1 rd_size=4096
echo "0 16 linear /dev/ram0 0" | dmsetup create small
blockdev --getsize64 /dev/mapper/small
dd if=/dev/zero of=/dev/mapper/small bs=512 count=20
echo write-over rc=$?
dd if=/dev/zero of=/dev/mapper/small bs=512 count=1 seek=16
echo write-at-end rc=$?
dd if=/dev/zero of=/dev/mapper/small bs=512 count=1 seek=100
echo write-beyond rc=$?
dd if=/dev/zero of=/dev/mapper/small bs=4096 count=2 seek=1
echo write-partial rc=$?
dd if=/dev/zero of=/dev/mapper/small bs=1024 count=3 seek=7
echo write-straddle rc=$?
dd if=/dev/mapper/small of=/dev/null bs=512 count=20
echo read-over rc=$?
dd if=/dev/mapper/small of=/dev/null bs=512 count=1 skip=16
echo read-at-end rc=$?
dd if=/dev/mapper/small of=/dev/null bs=3000
echo read-odd rc=$?
dd if=/dev/mapper/small of=/dev/null bs=512 skip=100
echo read-beyond rc=$?
dd if=/dev/zero of=/dev/mapper/small bs=512 count=1 seek=16 oflag=direct
echo direct-at-end rc=$?
dmesg | sed 's/^\[[^]]*\] //'
