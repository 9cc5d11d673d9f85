# the kernel log after a series of failing table loads
modprobe brd rd_nr=1 rd_size=4096
dmsetup create a --table "0 1024 linear /dev/ram0"
dmsetup create b --table "0 1024 bogus"
dmsetup create c --table "0 9000 linear /dev/ram0 0"
dmsetup create d --table "0 1024 linear /dev/ram0 0"
dmsetup load d --table "0 1024 striped 2 8 /dev/ram0 0"
dmsetup info d | grep Tables
dmsetup load d --table "0 2048 linear /dev/ram0 0
1024 1024 zero"
echo rc=$?
echo == dmesg
dmesg | sed 's/^\[[^]]*\] //'
echo == device-mapper only
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
