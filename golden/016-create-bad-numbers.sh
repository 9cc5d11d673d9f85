# bad start, length and offset numbers
modprobe brd rd_nr=1 rd_size=4096
echo "0 1024 linear /dev/ram0 -1" | dmsetup create a
echo neg-offset rc=$?
echo "0 1024 linear /dev/ram0 99999999999999999999999" | dmsetup create b
echo huge-offset rc=$?
echo "0 1024 linear /dev/ram0 abc" | dmsetup create c
echo alpha-offset rc=$?
echo "0 1024 linear /dev/ram0 12x" | dmsetup create d
echo suffix-offset rc=$?
echo "0 -5 linear /dev/ram0 0" | dmsetup create e
echo neg-length rc=$?
echo "0 abc linear /dev/ram0 0" | dmsetup create f
echo alpha-length rc=$?
echo "x 1024 linear /dev/ram0 0" | dmsetup create g
echo alpha-start rc=$?
echo "0 1024 linear /dev/ram0 0x10" | dmsetup create h
echo hex-offset rc=$?
dmsetup table h
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
