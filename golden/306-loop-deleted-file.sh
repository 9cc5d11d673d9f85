# A loop device keeps its file after rm; losetup -c follows a grown file; --sizelimit and -o
modprobe loop
dd if=/dev/zero of=/tmp/disk1.img bs=1k count=2048 2>/dev/null
losetup /dev/loop0 /tmp/disk1.img; echo rc=$?
echo hi > /tmp/hi.txt
losetup /dev/loop0 /tmp/hi.txt; echo rc=$?
printf 'hello' | dd of=/dev/loop0 bs=512 conv=sync oflag=direct 2>/dev/null
rm /tmp/disk1.img
losetup -l
losetup -a
cat /sys/block/loop0/loop/backing_file
head -c 5 /dev/loop0; echo
truncate -s 1M /tmp/g.img
losetup -f --show /tmp/g.img
truncate -s 3M /tmp/g.img
blockdev --getsz /dev/loop1
losetup -c /dev/loop1; echo rc=$?
blockdev --getsz /dev/loop1
lsblk -b
losetup -D
losetup -a; echo rc=$?
