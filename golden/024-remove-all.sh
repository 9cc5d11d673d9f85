# remove_all with stacked devices
modprobe brd rd_nr=2 rd_size=4096
dmsetup create a --table "0 4096 linear /dev/ram0 0"
dmsetup create b --table "0 4096 linear /dev/ram1 0"
dmsetup create c --table "0 2048 linear /dev/mapper/a 0"
dmsetup create d --table "0 1024 linear /dev/mapper/c 0"
dmsetup ls
dmsetup remove_all
echo rc=$?
dmsetup ls
ls /dev/mapper
dmsetup remove_all
echo empty rc=$?
