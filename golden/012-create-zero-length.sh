# a zero-length target
modprobe brd rd_nr=1 rd_size=4096
echo "0 0 linear /dev/ram0 0" | dmsetup create zl
echo rc=$?
printf '0 1024 linear /dev/ram0 0\n1024 0 zero\n' | dmsetup create zl2
echo rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
