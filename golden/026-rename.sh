# rename by name and setting a uuid with --setuuid
modprobe brd rd_nr=1 rd_size=4096
dmsetup create old --table "0 1024 linear /dev/ram0 0"
dmsetup rename old new
echo rename rc=$?
dmsetup ls
ls /dev/mapper
dmsetup info new
dmsetup rename new --setuuid uuid-1
echo setuuid rc=$?
dmsetup info new
dmsetup rename new --setuuid uuid-2
echo setuuid-again rc=$?
dmsetup create other --table "0 1024 zero"
dmsetup rename other new
echo clash rc=$?
dmsetup rename nosuch x
echo nosuch rc=$?
dmsetup rename new
echo missing-arg rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
