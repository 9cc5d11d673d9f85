# losetup on sparse files: -f, --show, -a, -l, -r, --offset, --sizelimit, -d
modprobe loop
truncate -s 64M /tmp/disk.img
losetup -f
losetup -f --show /tmp/disk.img
losetup -a
losetup -f
losetup -r --show -f /tmp/disk.img
losetup -o 1048576 --sizelimit 4194304 -f --show /tmp/disk.img
blockdev --getsz /dev/loop0
blockdev --getsz /dev/loop2
blockdev --getro /dev/loop1
blockdev --getsize64 /dev/loop2
losetup -l
losetup -a
losetup /dev/loop2
losetup -d /dev/loop1 /dev/loop2
losetup -a
losetup -d /dev/loop0
losetup -a; echo rc=$?
losetup -d /dev/loop0; echo rc=$?
losetup /dev/loop0; echo rc=$?
losetup -f --show /tmp/nonexistent.img; echo rc=$?
blockdev --getsz /dev/loop0; echo rc=$?
