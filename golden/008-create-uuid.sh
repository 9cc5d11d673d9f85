# dmsetup create -u UUID and --uuid
modprobe brd rd_nr=1 rd_size=4096
dmsetup create u1 -u LVM-abc123 --table "0 1024 linear /dev/ram0 0"
echo rc=$?
dmsetup create u2 --uuid my-uuid-2 --table "0 1024 linear /dev/ram0 1024"
echo rc=$?
dmsetup info u1
dmsetup info -u my-uuid-2
dmsetup create u3 -u LVM-abc123 --table "0 1024 linear /dev/ram0 2048"
echo dup uuid rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
