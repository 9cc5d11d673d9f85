# internal snapshots: a snapshot shares its origin's blocks; writes to either break sharing by copying
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create origin --table "0 16384 thin /dev/mapper/pool 0"
dd if=/tmp/pat of=/dev/mapper/origin bs=64k count=8 oflag=direct 2>/dev/null; echo rc=$?
md5sum /dev/mapper/origin
dmsetup status
dmsetup suspend origin
dmsetup message pool 0 create_snap 1 0; echo rc=$?
dmsetup resume origin
dmsetup create snap --table "0 16384 thin /dev/mapper/pool 1"
md5sum /dev/mapper/origin /dev/mapper/snap
dmsetup status
dd if=/dev/zero of=/dev/mapper/origin bs=4k count=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/mapper/snap bs=64k count=1 seek=5 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/mapper/snap bs=4k count=1 seek=100 oflag=direct 2>/dev/null; echo rc=$?
md5sum /dev/mapper/origin /dev/mapper/snap
dmsetup status
dmsetup message pool 0 create_snap 2 1; echo rc=$?
dmsetup remove snap
dmsetup message pool 0 create_snap 2 1; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup status pool
dmsetup create snap2 --table "0 16384 thin /dev/mapper/pool 2"
md5sum /dev/mapper/snap2
dmsetup status
dmsetup remove snap2
dmsetup remove origin
dmsetup message pool 0 delete 0
dmsetup status pool
dmsetup remove pool
dmesg | sed 's/^\[[^]]*\] //'
