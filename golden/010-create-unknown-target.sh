# dmsetup create with an unknown target type
modprobe brd rd_nr=1 rd_size=4096
dmsetup create bad --table "0 1024 nosuchtarget /dev/ram0 0"
echo rc=$?
dmsetup ls
dmsetup info bad
echo info rc=$?
ls /dev/mapper
dmesg | sed 's/^\[[^]]*\] //'
