# brd_probe: a table naming 1:N for a RAM disk that does not exist yet creates it (rd_size of the loaded brd)
modprobe brd rd_nr=2 rd_size=1024
dmsetup create x --table "0 8 linear 1:20 0"
echo rc=$?
ls /dev/ram*
cat /proc/partitions
blockdev --getsize64 /dev/ram20 2>&1
dmsetup table x
dmsetup deps x
dmsetup create y --table "0 8 linear 1:5 0"
echo rc=$?
dmsetup create w --table "0 4096 linear 1:7 0"
echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
ls /sys/block | tr '\n' ' '; echo
dmsetup remove x y
rmmod brd; echo rmmod=$?
dmsetup remove w
rmmod brd; echo rmmod=$?
ls /dev/ram* 2>&1
dmsetup create v --table "0 8 linear 1:3 0"
echo rc=$?
dmesg | sed 's/^\[[^]]*\] //' | tail -3
