# dmsetup create --readonly
modprobe brd rd_nr=1 rd_size=4096
dmsetup create ro --readonly --table "0 4096 linear /dev/ram0 0"
echo rc=$?
dmsetup info ro
blockdev --getro /dev/mapper/ro
dd if=/dev/zero of=/dev/mapper/ro bs=512 count=1
echo dd rc=$?
dd if=/dev/mapper/ro of=/dev/null bs=512 count=1 2>/dev/null
echo read rc=$?
dmesg | sed 's/^\[[^]]*\] //'
