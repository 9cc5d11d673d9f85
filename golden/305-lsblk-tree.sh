# lsblk trees: a dm device over two loop devices, stacked dm, read-only, -a, -n, -l; losetup alone
modprobe loop
truncate -s 8M /tmp/a.img
truncate -s 3M /tmp/b.img
losetup -f /tmp/a.img
losetup -r -f /tmp/b.img
dmsetup create cat --table "0 16384 linear /dev/loop0 0
16384 6144 linear /dev/loop1 0"
dmsetup create top --uuid CRYPT-xyz --table "0 100 linear /dev/mapper/cat 0"
lsblk
lsblk -n
lsblk -l
lsblk -a
losetup
blockdev --rereadpt /dev/mapper/cat; echo rc=$?
cat /proc/partitions
ls /sys/block/loop0/holders /sys/block/dm-0/slaves
