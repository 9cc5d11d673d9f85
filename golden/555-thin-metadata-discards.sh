# thin discards and the metadata: unmapping ranges (dm_thin_remove_range), a discard of a shared block after a snapshot; thin_dump, md5sum and hexdump of the metadata device
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 65536 thin /dev/mapper/pool 0"
for b in 0 1 2 3 4 5 8 9 20 21; do dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup status pool
blkdiscard -o 65536 -l 196608 /dev/mapper/thin0; echo rc=$?
sync
dmsetup status pool
dmsetup suspend thin0
dmsetup message pool 0 create_snap 1 0
dmsetup resume thin0
blkdiscard -o 524288 -l 917504 /dev/mapper/thin0; echo rc=$?
sync
dmsetup status pool
dmsetup status thin0
dmsetup remove thin0
dmsetup remove pool
thin_dump /dev/ram0
md5sum /dev/ram0
hexdump -C /dev/ram0
