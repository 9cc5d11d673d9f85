# overlapping and unsorted target lines
modprobe brd rd_nr=1 rd_size=4096
printf '0 1024 linear /dev/ram0 0\n512 1024 linear /dev/ram0 0\n' | dmsetup create ov
echo overlap rc=$?
printf '1024 1024 linear /dev/ram0 0\n0 1024 linear /dev/ram0 0\n' | dmsetup create un
echo unsorted rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
