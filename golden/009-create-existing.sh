# dmsetup create of a name that already exists
modprobe brd rd_nr=1 rd_size=4096
dmsetup create x --table "0 1024 linear /dev/ram0 0"
echo rc=$?
dmsetup create x --table "0 2048 linear /dev/ram0 0"
echo rc=$?
dmsetup create x --table "0 2048 linear /dev/ram0 0" 2>/dev/null
echo quiet rc=$?
dmsetup table x
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
