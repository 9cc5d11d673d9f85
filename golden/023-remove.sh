# remove, remove of a busy device, remove --force, removing a missing device
modprobe brd rd_nr=1 rd_size=4096
dmsetup create base --table "0 4096 linear /dev/ram0 0"
dmsetup create top --table "0 2048 linear /dev/mapper/base 0"
dmsetup info base
dmsetup remove base
echo busy rc=$?
dmsetup ls
dmsetup remove top
echo top rc=$?
dmsetup info base
dmsetup remove base
echo base rc=$?
dmsetup ls
ls /dev/mapper
dmsetup remove base
echo again rc=$?
dmsetup create a --table "0 4096 linear /dev/ram0 0"
dmsetup create b --table "0 4096 linear /dev/mapper/a 0"
dmsetup remove --force a
echo force rc=$?
dmsetup ls
dmsetup table a
dmsetup info a
dmesg | sed 's/^\[[^]]*\] //'
