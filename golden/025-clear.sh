# clear drops the inactive table
modprobe brd rd_nr=1 rd_size=4096
dmsetup create c --table "0 1024 linear /dev/ram0 0"
dmsetup load c --table "0 2048 zero"
dmsetup info c
dmsetup clear c
echo clear rc=$?
dmsetup info c
dmsetup table --inactive c
dmsetup clear c
echo clear-again rc=$?
dmsetup resume c
dmsetup table c
dmsetup clear nosuch
echo nosuch rc=$?
