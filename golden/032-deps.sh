# dmsetup deps with the default and devname formats
modprobe brd rd_nr=2 rd_size=4096
dmsetup create one --table "0 4096 linear /dev/ram0 0"
dmsetup create two --table "0 4096 striped 2 8 /dev/ram0 4096 /dev/ram1 0"
dmsetup create z --table "0 100 zero"
dmsetup create up --table "0 1024 linear /dev/mapper/one 0
1024 1024 linear /dev/mapper/two 0"
dmsetup deps
dmsetup deps one
dmsetup deps z
dmsetup deps up
dmsetup deps -o devname up
echo rc=$?
dmsetup deps -o devname
echo rc=$?
dmsetup deps -o blkdevname up
echo rc=$?
dmsetup deps nosuch
echo rc=$?
