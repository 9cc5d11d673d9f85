# dmsetup create --notable: a device with no table at all
modprobe brd rd_nr=1 rd_size=4096
dmsetup create empty --notable
echo rc=$?
dmsetup info empty
dmsetup table empty
echo table rc=$?
dmsetup status empty
echo status rc=$?
blockdev --getsz /dev/mapper/empty
dmsetup ls
echo "0 100 linear /dev/ram0 0" | dmsetup load empty
dmsetup info empty
dmsetup resume empty
dmsetup info empty
dmsetup table empty
