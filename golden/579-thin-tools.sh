# thin_dump, thin_ls, thin_check on the pool's metadata: live (-m with a reserved metadata snapshot) and after remove
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
seq 1 300000 > /tmp/pat
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup message pool 0 create_thin 5
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dmsetup create thin5 --table "0 16384 thin /dev/mapper/pool 5"
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=6 oflag=direct 2>/dev/null
dmsetup status pool > /dev/null
dd if=/tmp/pat of=/dev/mapper/thin5 bs=64k count=2 seek=20 oflag=direct 2>/dev/null
dmsetup status pool > /dev/null
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=1 seek=40 oflag=direct 2>/dev/null
dmsetup suspend thin0
dmsetup message pool 0 create_snap 7 0
dmsetup resume thin0
dmsetup message pool 0 set_transaction_id 0 3
thin_dump /dev/ram0; echo rc=$?
thin_dump -m /dev/ram0; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap
dd if=/tmp/pat of=/dev/mapper/thin0 bs=64k count=1 seek=1 oflag=direct 2>/dev/null
# the held root's block number: where the metadata space map put it (see golden/FACTS.md)
dmsetup status
dd if=/dev/ram0 bs=1M iflag=direct 2>/dev/null | md5sum
thin_dump -m /dev/ram0; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
dmsetup message pool 0 release_metadata_snap
dd if=/dev/ram0 bs=1M iflag=direct 2>/dev/null | md5sum
dmsetup remove thin0
dmsetup remove thin5
dmsetup remove pool
md5sum /dev/ram0
thin_check /dev/ram0; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_dump --format xml /dev/ram0 | head -3
thin_ls /dev/ram0; echo rc=$?
dd if=/dev/zero of=/dev/ram1 bs=4k count=2 2>/dev/null
thin_check /dev/ram1; echo rc=$?
thin_dump /dev/ram1; echo rc=$?
thin_ls /dev/ram1; echo rc=$?
thin_dump; echo rc=$?
thin_check /dev/nosuch; echo rc=$?
