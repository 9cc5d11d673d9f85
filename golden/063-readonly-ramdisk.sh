# a read-only RAM disk: direct writes fail, and dm tables on top of it
modprobe brd rd_nr=1 rd_size=4096
blockdev --setro /dev/ram0
dd if=/dev/zero of=/dev/ram0 bs=512 count=1
echo rc=$?
echo "0 1024 linear /dev/ram0 0" | dmsetup create rw-on-ro
echo create rc=$?
dmsetup info rw-on-ro | grep State
printf 'sneaky' | dd of=/dev/mapper/rw-on-ro bs=512 conv=sync
echo write-through-dm rc=$?
dd if=/dev/ram0 bs=512 count=1 status=none | head -c 6; echo
dmsetup create ro-on-ro --readonly --table "0 1024 linear /dev/ram0 0"
echo readonly create rc=$?
dmsetup info ro-on-ro
dd if=/dev/mapper/ro-on-ro of=/dev/null bs=512 count=1 status=none
echo read rc=$?
blockdev --setrw /dev/ram0
dd if=/dev/zero of=/dev/ram0 bs=512 count=1 status=none
echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
