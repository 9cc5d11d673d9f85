# loop_probe: a table naming 7:N for a loop device that does not exist makes it (0 sectors, which the table may map)
modprobe loop
dmsetup create x --table "0 8 linear 7:20 0"; echo rc=$?
ls /dev/loop20 && losetup -a
cat /sys/block/loop20/size
dmsetup create y --table "0 8 zero"
dmsetup create z --table "0 8 linear 254:5 0"; echo rc=$?
dmsetup create w --table "0 8 linear 1:3 0"; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //' | grep -v "^loop: module"
