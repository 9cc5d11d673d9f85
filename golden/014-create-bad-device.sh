# device paths that do not exist or are not block devices
modprobe brd rd_nr=1 rd_size=4096
echo "0 1024 linear /dev/nosuchdisk 0" | dmsetup create a
echo nosuchdisk rc=$?
echo "0 1024 linear /dev/null 0" | dmsetup create b
echo devnull rc=$?
echo "0 1024 linear 7:99 0" | dmsetup create c
echo majmin rc=$?
echo "0 1024 linear 1:0 0" | dmsetup create d
echo ram-by-number rc=$?
dmsetup table d
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
