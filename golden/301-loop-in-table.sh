# Loop devices over files in a dm table; data lands in the files
modprobe loop
truncate -s 8M /tmp/a.img
fallocate -l 8M /tmp/b.img
losetup -f --show /tmp/a.img
losetup -f --show /tmp/b.img
dmsetup create cat --table "0 16384 linear /dev/loop0 0
16384 16384 linear /dev/loop1 0"
dmsetup table cat
dmsetup deps cat
printf 'hello, loop' | dd of=/dev/mapper/cat bs=512 seek=16385 conv=sync oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/b.img bs=512 skip=1 count=1 2>/dev/null | head -c 11; echo
md5sum /tmp/a.img /tmp/b.img
losetup -d /dev/loop1; echo rc=$?
losetup -l
dmsetup remove cat
losetup -a
losetup -d /dev/loop0
losetup -a
