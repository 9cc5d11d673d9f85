# a pool reloaded read_only: mapped blocks still read and overwrite, new blocks fail, messages are refused; back to rw
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=2 oflag=direct 2>/dev/null; echo rc=$?
dmsetup load pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0 1 read_only"
dmsetup suspend pool
dmsetup resume pool
dmsetup table pool
dmsetup status
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=100 oflag=direct; echo rc=$?
dd if=/dev/mapper/thin0 bs=64k count=3 iflag=direct 2>/dev/null | md5sum
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== back to read-write"
dmsetup load pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup suspend pool
dmsetup resume pool
dmsetup status
dd if=/tmp/pat of=/dev/mapper/thin0 bs=4k count=1 seek=100 oflag=direct 2>/dev/null; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup status pool
dmesg -c | sed 's/^\[[^]]*\] //'
