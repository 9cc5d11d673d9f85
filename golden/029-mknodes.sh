# mknodes recreates missing /dev/mapper nodes and drops stale ones
modprobe brd rd_nr=1 rd_size=4096
dmsetup create k --table "0 1024 linear /dev/ram0 0"
rm /dev/mapper/k
ls /dev/mapper
dmsetup mknodes
echo rc=$?
ls /dev/mapper
dmsetup mknodes k
echo named rc=$?
ls /dev/mapper
