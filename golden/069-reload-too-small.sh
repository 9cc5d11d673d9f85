# a reload whose table does not fit its device: found at resume, not at load
modprobe brd rd_nr=2 rd_size=4096
echo "0 8192 linear /dev/ram0 0" | dmsetup create a; echo rc=$?
echo "0 9000 linear /dev/ram1 0" | dmsetup reload a; echo rc=$?
dmsetup info a
dmsetup resume a; echo rc=$?
dmsetup info a
dmsetup table a
dmsetup table --inactive a
dmsetup resume a; echo rc=$?
dmsetup info a
echo "0 4096 striped 2 4 /dev/ram0 0 /dev/ram1 0" | dmsetup reload a; echo rc=$?
dmsetup resume a; echo rc=$?
dmsetup table a
dmesg | sed 's/^\[[^]]*\] //'
