# thin-pool features: the table line keeps them in the kernel's order, the status shows their effect
dmesg -n 1
modprobe brd rd_nr=4 rd_size=16384
P="/dev/ram0 /dev/ram1"
dmsetup create pool --table "0 32768 thin-pool $P 128 16 4 error_if_no_space no_discard_passdown Ignore_Discard skip_block_zeroing"
echo rc=$?
dmsetup table pool
dmsetup status pool
dmsetup remove pool
dmsetup create pool --table "0 32768 thin-pool $P 128 16 2 skip_block_zeroing error_if_no_space"
dmsetup table pool
dmsetup status pool
dmsetup remove pool
dmsetup create pool --table "0 32768 thin-pool $P 128 16 1 ignore_discard"
dmsetup table pool
dmsetup status pool
dmsetup remove pool
dmsetup create pool --table "0 32768 thin-pool $P 128 0 4 READ_ONLY no_discard_passdown skip_block_zeroing error_if_no_space"
echo rc=$?
dmsetup table pool
dmsetup status pool
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup remove pool
echo "== the metadata remembers the block size"
dmsetup create pool --table "0 32768 thin-pool $P 1024 0 1 no_discard_passdown"
echo rc=$?
dmsetup create pool --table "0 32768 thin-pool $P 256 0"
echo rc=$?
echo "== read_only needs formatted metadata"
dmsetup create pool --table "0 32768 thin-pool /dev/ram2 /dev/ram3 256 0 1 read_only"
echo rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
