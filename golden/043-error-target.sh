# error target: every read and write fails
echo "0 2048 error" | dmsetup create e
dmsetup table e
dmsetup status e
blockdev --getsz /dev/mapper/e
dd if=/dev/mapper/e of=/dev/null bs=512 count=1
echo read rc=$?
dd if=/dev/mapper/e of=/dev/null bs=4096 count=1 iflag=direct
echo direct-read rc=$?
dd if=/dev/zero of=/dev/mapper/e bs=512 count=1
echo write rc=$?
dd if=/dev/zero of=/dev/mapper/e bs=4096 count=1
echo page-write rc=$?
dd if=/dev/zero of=/dev/mapper/e bs=4096 count=1 oflag=direct
echo direct-write rc=$?
hexdump -C /dev/mapper/e
echo hexdump rc=$?
md5sum /dev/mapper/e
echo md5sum rc=$?
echo == dmesg
dmesg | sed 's/^\[[^]]*\] //'
