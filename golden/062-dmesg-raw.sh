# raw dmesg with the timestamps replaced by a fixed pattern (the one raw-dmesg script)
modprobe brd rd_nr=1 rd_size=4096
echo "0 1024 linear /dev/ram0 0 extra" | dmsetup create x
dmesg | sed 's/^\[ *[0-9]*\.[0-9]*\]/[    0.000000]/'
