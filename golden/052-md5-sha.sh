# md5sum and sha256sum of devices, of stdin and of several files
modprobe brd rd_nr=2 rd_size=4096
md5sum /dev/ram0
sha256sum /dev/ram0
md5sum /dev/ram0 /dev/ram1
printf 'hello\n' | md5sum
printf 'hello\n' | sha256sum
printf '' | md5sum
printf '' | sha256sum
printf 'hello\n' | dd of=/dev/ram1 bs=512 conv=sync status=none
md5sum /dev/ram1
dd if=/dev/ram1 bs=512 count=1 status=none | md5sum
dd if=/dev/ram1 bs=6 count=1 status=none | md5sum
echo "0 8192 linear /dev/ram1 0" | dmsetup create l
md5sum /dev/mapper/l
md5sum < /dev/mapper/l
md5sum /dev/nosuch
echo rc=$?
sha256sum /dev/nosuch 2>/dev/null
echo rc=$?
