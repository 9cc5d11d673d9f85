# brd: load RAM disks and look at them
modprobe brd rd_nr=2 rd_size=4096
echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
ls /dev/ram*
ls /dev/ram0 /dev/ram1
ls /dev/ram2
echo rc=$?
blockdev --getsz /dev/ram0
blockdev --getsz /dev/ram1
