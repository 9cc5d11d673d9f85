# dmsetup create --table, one line and two targets
modprobe brd rd_nr=2 rd_size=4096
dmsetup create a --table "0 2048 linear /dev/ram0 0"
echo rc=$?
dmsetup table a
dmsetup create b --table "0 1024 linear /dev/ram0 2048
1024 1024 linear /dev/ram1 0"
echo rc=$?
dmsetup table b
dmsetup create c --table "0 1024 linear /dev/ram1 1024; 1024 512 zero"
echo rc=$?
dmsetup table c
dmsetup table /dev/mapper/a
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
