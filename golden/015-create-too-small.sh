# targets that reach past the end of the underlying device
modprobe brd rd_nr=1 rd_size=4096
echo "0 8193 linear /dev/ram0 0" | dmsetup create a
echo len rc=$?
echo "0 8192 linear /dev/ram0 1" | dmsetup create b
echo offset rc=$?
echo "0 4096 linear /dev/ram0 4096" | dmsetup create c
echo exact rc=$?
echo "0 100 linear /dev/ram0 9000" | dmsetup create d
echo beyond rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
