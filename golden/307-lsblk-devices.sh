# lsblk with devices named on the command line
modprobe loop
modprobe brd rd_nr=1 rd_size=4096
truncate -s 8M /tmp/a
losetup -f /tmp/a
dmsetup create x --table "0 100 linear /dev/loop0 0"
dmsetup create y --table "0 100 linear /dev/ram0 0"
lsblk /dev/loop0
lsblk /dev/mapper/x
lsblk /dev/ram0
lsblk /dev/mapper/y /dev/loop0
lsblk /tmp/a; echo rc=$?
lsblk /dev/nope; echo rc=$?
