# discards to a thin device: whole blocks are unmapped (no passdown on RAM disks), partial blocks stay; a snapshot keeps its blocks; ignore_discard
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=8 oflag=direct 2>/dev/null
dmsetup status
blkdiscard -o 0 -l 65536 /dev/mapper/thin0; echo rc=$?
dmsetup status thin0
blkdiscard -o 131072 -l 4096 /dev/mapper/thin0; echo rc=$?
dmsetup status thin0
blkdiscard -o 196608 -l 196608 /dev/mapper/thin0; echo rc=$?
dmsetup status
dd if=/dev/mapper/thin0 bs=64k count=8 iflag=direct 2>/dev/null | md5sum
dmsetup suspend thin0
dmsetup message pool 0 create_snap 1 0
dmsetup resume thin0
blkdiscard /dev/mapper/thin0; echo rc=$?
dmsetup status
dmsetup create snap --table "0 16384 thin /dev/mapper/pool 1"
dd if=/dev/mapper/snap bs=64k count=8 iflag=direct 2>/dev/null | md5sum
dmsetup remove snap
dmsetup remove thin0
dmsetup table pool
dmsetup reload pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0 1 ignore_discard"
dmsetup suspend pool
dmsetup resume pool
dmsetup table pool
dmsetup status pool
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 1"
blkdiscard /dev/mapper/thin0; echo rc=$?
dmsetup status
dmsetup remove thin0
dmsetup remove pool
thin_dump /dev/ram0
md5sum /dev/ram0
dmesg | grep -v "discard unsupported" | sed 's/^\[[^]]*\] //'
