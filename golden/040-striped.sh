# striped with 2 and 3 stripes and chunk sizes 8, 16, 128
modprobe brd rd_nr=3 rd_size=4096
echo "0 16384 striped 2 8 /dev/ram0 0 /dev/ram1 0" | dmsetup create s2c8
echo rc=$?
dmsetup table s2c8
dmsetup status s2c8
blockdev --getsz /dev/mapper/s2c8
dmsetup info s2c8 | grep Read
dmsetup remove s2c8
echo "0 8192 striped 2 16 /dev/ram0 0 /dev/ram1 0" | dmsetup create s2c16
echo rc=$?
dmsetup table s2c16
dmsetup info s2c16 | grep Read
dmsetup create s3c128 --table "0 6144 striped 3 128 /dev/ram0 4096 /dev/ram1 4096 /dev/ram2 4096"
echo rc=$?
dmsetup table s3c128
dmsetup status s3c128
dmsetup info s3c128
dmsetup create s1 --table "0 1024 striped 1 8 /dev/ram2 0"
echo one-stripe rc=$?
dmsetup table s1
dmsetup status
