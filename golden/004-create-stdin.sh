# dmsetup create with the table on stdin, then look at it
modprobe brd rd_nr=1 rd_size=4096
echo "0 8192 linear /dev/ram0 0" | dmsetup create lin
echo rc=$?
ls /dev/mapper
dmsetup table lin
dmsetup status lin
dmsetup info lin
blockdev --getsz /dev/mapper/lin
dmsetup ls
