# remove_all walks the devices in name order and starts again after each removal: a thin device freed by a removal lets its pool go; an open device stays
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 16"
dmsetup message pool 0 create_thin 0
dmsetup create vol --table "0 65536 thin /dev/mapper/pool 0"
dmsetup create a --table "0 100 linear /dev/mapper/vol 0"
dmsetup create b --table "0 100 linear /dev/ram0 30000"
exec 3</dev/mapper/b
dmsetup remove_all; echo rc=$?
dmsetup ls
exec 3<&-
dmsetup remove_all; echo rc=$?
dmsetup ls
rmmod brd; echo rmmod=$?
dmesg | sed 's/^\[[^]]*\] //' | grep -v "discard unsupported"
