# thin-pool and thin: create a pool on two RAM disks, a thin volume, write to it, status lines, remove
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 16"
echo rc=$?
dmsetup status pool
dmsetup table pool
dmsetup message pool 0 create_thin 0
echo rc=$?
dmsetup status pool
dmsetup create thin0 --table "0 65536 thin /dev/mapper/pool 0"
echo rc=$?
dmsetup status thin0
dmsetup table thin0
dd if=/dev/zero of=/dev/mapper/thin0 bs=4k count=1 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=3 seek=10 oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/pat of=/dev/mapper/thin0 bs=512 count=1 seek=65535 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/dev/mapper/thin0 bs=64k count=1 skip=100 2>/dev/null | md5sum
dd if=/dev/mapper/thin0 bs=4k count=15 skip=1 iflag=direct 2>/dev/null | md5sum
dmsetup status thin0
dmsetup ls --tree
dmsetup remove thin0
dmsetup remove pool
dmesg | sed 's/^\[[^]]*\] //'
