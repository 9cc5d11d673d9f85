# suspend and resume, including --noflush and --nolockfs, and suspending twice
modprobe brd rd_nr=1 rd_size=4096
dmsetup create s --table "0 4096 linear /dev/ram0 0"
dmsetup suspend s
echo suspend rc=$?
dmsetup info s
dmsetup status s
dmsetup suspend s
echo suspend-again rc=$?
dmsetup resume s
echo resume rc=$?
dmsetup info s
dmsetup resume s
echo resume-again rc=$?
dmsetup suspend --noflush s
echo noflush rc=$?
dmsetup info s
dmsetup resume s
dmsetup suspend --nolockfs s
echo nolockfs rc=$?
dmsetup resume s
dmsetup suspend --noflush --nolockfs s
echo both rc=$?
dmsetup resume s
dmsetup info s
dmsetup suspend nosuch
echo nosuch rc=$?
dmsetup resume nosuch
echo resume-nosuch rc=$?
dmesg | sed 's/^\[[^]]*\] //'
