# thin-pool metadata snapshot: reserve, changes after it (shadowing the held trees), thin_dump -m, release; md5sum and hexdump of the metadata device
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 65536 thin /dev/mapper/pool 0"
for b in 0 1 2 40; do dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup message pool 0 reserve_metadata_snap
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
for b in 1 41; do dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup message pool 0 create_thin 1
dmsetup status pool
thin_dump -m /dev/mapper/pool_tmeta 2>&1 || thin_dump -m /dev/ram0
dmsetup message pool 0 release_metadata_snap
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup status pool
dmsetup remove thin0
dmsetup remove pool
thin_dump /dev/ram0
md5sum /dev/ram0
hexdump -C /dev/ram0
dmesg | grep -E "device-mapper" | sed 's/^\[[^]]*\] //'
