# thin-pool metadata through thin writes (fsync'd), a snapshot, breaking sharing, a new thin, set_transaction_id, a delete: thin_dump, md5sum and hexdump of the metadata device
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 65536 thin /dev/mapper/pool 0"
for b in 0 5 6 7 100; do dd if=/dev/urandom of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup status pool
dmsetup suspend thin0
dmsetup message pool 0 create_snap 1 0
dmsetup resume thin0
dmsetup create snap1 --table "0 65536 thin /dev/mapper/pool 1"
for b in 5 200; do dd if=/dev/urandom of=/dev/mapper/snap1 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
for b in 6 300; do dd if=/dev/urandom of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup status pool
dmsetup message pool 0 create_thin 2
dmsetup message pool 0 set_transaction_id 0 7
dmsetup remove snap1
dmsetup message pool 0 delete 1
dmsetup status pool
dmsetup remove thin0
dmsetup remove pool
thin_dump /dev/ram0
md5sum /dev/ram0
hexdump -C /dev/ram0
