# resume with no inactive table; load while suspended
modprobe brd rd_nr=1 rd_size=4096
dmsetup create r --table "0 1024 linear /dev/ram0 0"
dmsetup resume r
echo active-resume rc=$?
dmsetup suspend r
dmsetup resume r
echo plain-resume rc=$?
dmsetup table r
dmsetup suspend r
echo "0 2048 linear /dev/ram0 0" | dmsetup load r
dmsetup info r
dmsetup resume r
echo swap rc=$?
dmsetup info r
dmsetup table r
dmsetup create n --notable
dmsetup resume n
echo notable-resume rc=$?
dmsetup info n 2>/dev/null
dmesg | sed 's/^\[[^]]*\] //'
