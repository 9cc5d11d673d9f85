# load fills the inactive table; resume makes it live
modprobe brd rd_nr=2 rd_size=4096
dmsetup create x --table "0 1024 linear /dev/ram0 0"
echo "0 2048 linear /dev/ram1 0" | dmsetup load x
echo load rc=$?
dmsetup info x
dmsetup table x
dmsetup table --inactive x
dmsetup status --inactive x
blockdev --getsz /dev/mapper/x
dmsetup resume x
echo resume rc=$?
dmsetup info x
dmsetup table x
dmsetup table --inactive x
blockdev --getsz /dev/mapper/x
dmsetup reload x --table "0 512 zero"
echo reload rc=$?
dmsetup info x
dmsetup suspend x
dmsetup resume x
dmsetup table x
dmsetup info x
