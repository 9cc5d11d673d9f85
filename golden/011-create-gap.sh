# tables must be contiguous from sector 0: gaps and a table not starting at 0
modprobe brd rd_nr=1 rd_size=4096
printf '0 1024 linear /dev/ram0 0\n2048 1024 linear /dev/ram0 0\n' | dmsetup create gap
echo gap rc=$?
echo "100 1024 linear /dev/ram0 0" | dmsetup create late
echo late rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
