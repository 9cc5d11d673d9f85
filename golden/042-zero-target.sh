# zero target: reads give zeros, writes are accepted and discarded
modprobe dm-zero
echo "0 2048 zero" | dmsetup create z
dmsetup table z
dmsetup status z
blockdev --getsz /dev/mapper/z
hexdump -C /dev/mapper/z
printf 'hello' | dd of=/dev/mapper/z bs=512 conv=notrunc 2>/dev/null
echo write rc=$?
dd if=/dev/mapper/z bs=512 count=1 2>/dev/null | hexdump -C
dd if=/dev/mapper/z bs=4096 2>/dev/null | md5sum
dd if=/dev/zero bs=4096 count=256 2>/dev/null | md5sum
dd if=/dev/mapper/z of=/dev/null bs=4096
echo rc=$?
