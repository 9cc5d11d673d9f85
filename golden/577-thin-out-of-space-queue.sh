# out of data space, queueing (the default): a write that needs a block waits, and fails with ENOSPC after no_space_timeout (60 s); a reload grows the pool
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=4 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
echo "== a write to a new block waits 60 s, then fails"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=1 seek=4 oflag=direct; echo rc=$?
dmsetup status
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== overwrites still work, new blocks fail at once"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=100 oflag=direct; echo rc=$?
dd if=/dev/mapper/thin0 bs=64k count=1 skip=4 iflag=direct 2>/dev/null | md5sum
echo "== grow the pool"
dmsetup reload pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup suspend pool
dmsetup resume pool
dmsetup status
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=1 seek=4 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dmesg -c | sed 's/^\[[^]]*\] //'
