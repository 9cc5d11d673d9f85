# remove --force, remove_all --force and wipe_table on open, table-less and suspended devices
modprobe brd rd_nr=1 rd_size=1024
dmsetup create a --table "0 100 linear /dev/ram0 0"
dmsetup create b --table "0 50 linear /dev/mapper/a 0"
dmsetup create n --notable
dmsetup wipe_table n; echo rc=$?
dmsetup wipe_table a; echo rc=$?
dmsetup table
dmsetup remove --force a; echo rc=$?
dmsetup table a
dmsetup suspend b
dmsetup remove_all --force; echo rc=$?
dmsetup ls
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
