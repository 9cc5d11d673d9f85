# block zeroing: a partial write to a new block zeroes the rest of it first; with skip_block_zeroing the data device's old bytes show through
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dd if=/tmp/pat of=/dev/ram1 bs=64k count=8 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dd if=/dev/zero of=/dev/mapper/thin0 bs=4k count=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/thin0 bs=64k count=1 iflag=direct 2>/dev/null | md5sum
dd if=/dev/zero bs=64k count=1 2>/dev/null | md5sum
dmsetup remove thin0
dmsetup message pool 0 delete 0
dmsetup remove pool
dd if=/dev/zero of=/dev/ram0 bs=4k count=1 2>/dev/null
dd if=/tmp/pat of=/dev/ram1 bs=64k count=8 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0 1 skip_block_zeroing"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dd if=/dev/zero of=/dev/mapper/thin0 bs=4k count=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/thin0 bs=64k count=1 iflag=direct 2>/dev/null | md5sum
dd if=/tmp/pat bs=4k count=2 2>/dev/null > /tmp/b; dd if=/dev/zero bs=4k count=1 2>/dev/null >> /tmp/b; dd if=/tmp/pat bs=4k count=13 skip=3 2>/dev/null >> /tmp/b; md5sum < /tmp/b
dmsetup status
dmesg | sed 's/^\[[^]]*\] //'
