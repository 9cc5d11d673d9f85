# lsblk, /proc/partitions and /sys/block for RAM disks, loop and dm devices
modprobe brd rd_nr=2 rd_size=8192
modprobe loop
truncate -s 16M /tmp/d.img
losetup -f --show /tmp/d.img
dmsetup create lin --table "0 8192 linear /dev/ram0 0"
dmsetup create top --table "0 4096 linear /dev/mapper/lin 0"
dmsetup create l2 --uuid LVM-abc --table "0 8192 linear /dev/loop0 0"
dmsetup create empty --notable
lsblk
lsblk -b
cat /proc/partitions
ls /sys/block
cat /sys/block/dm-0/size /sys/block/dm-0/ro /sys/block/dm-0/dev
cat /sys/block/dm-0/dm/name /sys/block/dm-0/dm/uuid /sys/block/dm-0/dm/suspended
cat /sys/block/dm-2/dm/name /sys/block/dm-2/dm/uuid
ls /sys/block/dm-0/holders /sys/block/dm-0/slaves /sys/block/ram0/holders /sys/block/dm-1/slaves
dmsetup suspend lin
cat /sys/block/dm-0/dm/suspended
dmsetup resume lin
ls /sys/block/dm-0/dm
cat /sys/block/ram0/size /sys/block/ram0/ro /sys/block/ram0/dev
cat /sys/block/loop0/size /sys/block/loop0/dev /sys/block/loop0/loop/backing_file /sys/block/loop0/loop/offset /sys/block/loop0/loop/sizelimit
cat /sys/block/dm-3/size
blockdev --setro /dev/mapper/top
cat /sys/block/dm-1/ro
