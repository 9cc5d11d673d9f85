# out of data space with error_if_no_space: the low water mark event, writes fail at once, a reload grows the pool
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 128 3 1 error_if_no_space"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dmsetup info -c -o name,events pool
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=5 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,events pool
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=5 seek=5 oflag=direct; echo rc=$?
dmsetup status
dmsetup info -c -o name,events pool
dd if=/dev/mapper/thin0 bs=64k count=1 skip=9 iflag=direct 2>/dev/null | md5sum
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== grow the pool"
dmsetup load pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 128 3 1 error_if_no_space"
dmsetup suspend pool
dmsetup resume pool
dmsetup status pool
dmsetup info -c -o name,events pool
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=5 seek=5 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== shrink it"
dmsetup load pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 128 3 1 error_if_no_space"
dmsetup resume pool; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,attr,tables_loaded pool
dmesg -c | sed 's/^\[[^]]*\] //'
