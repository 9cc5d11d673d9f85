# unstriped: each member of a striped device seen on its own; errors; status; limits
modprobe brd rd_nr=2 rd_size=1024
dmsetup create s --table "0 256 striped 2 8 /dev/ram0 0 /dev/ram1 0"
i=0; while [ $i -lt 32 ]; do printf "%04096d" $i; i=$((i+1)); done | dd of=/dev/mapper/s bs=4096 oflag=direct 2>/dev/null
dmsetup create u0 --table "0 128 unstriped 2 8 0 /dev/mapper/s 0"
dmsetup create u1 --table "0 128 unstriped 2 8 1 /dev/mapper/s 0"
dd if=/dev/mapper/u0 bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/ram0 bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/u1 bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/ram1 bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dmsetup table u0 u1
dmsetup status u1
blockdev --getiomin /dev/mapper/u0
dmsetup create e1 --table "0 128 unstriped 2 8 0 /dev/mapper/s"; echo rc=$?
dmsetup create e2 --table "0 128 unstriped 0 8 0 /dev/mapper/s 0"; echo rc=$?
dmsetup create e3 --table "0 128 unstriped 2 0 0 /dev/mapper/s 0"; echo rc=$?
dmsetup create e4 --table "0 128 unstriped 2 8 x /dev/mapper/s 0"; echo rc=$?
dmsetup create e5 --table "0 128 unstriped 2 8 3 /dev/mapper/s 0"; echo rc=$?
dmsetup create e6 --table "0 128 unstriped 2 8 2 /dev/mapper/s 0"; echo rc=$?
dmsetup create e7 --table "0 128 unstriped 2 8 0 /dev/nope 0"; echo rc=$?
dmsetup create e8 --table "0 128 unstriped 2 8 0 /dev/mapper/s x"; echo rc=$?
dmsetup create e9 --table "0 100 unstriped 2 8 0 /dev/mapper/s 0"; echo rc=$?
dmsetup create e10 --table "0 129 unstriped 2 3 0 /dev/ram0 0"; echo rc=$?
dmsetup table e6 e10
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
