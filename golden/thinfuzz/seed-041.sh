# thinfuzz v1 seed 41 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s41p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'a' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s41p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s41p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'V' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s41p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'g' >> /tmp/p3; done
dmsetup create pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 0 3 skip_block_zeroing error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
thin_dump -m /dev/ram0; echo rc=$?
dmsetup message pool 0 create_thin 1266752; echo rc=$?
dmsetup message pool 0 set_transaction_id 3 3; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_thin 1742795; echo rc=$?
dmsetup create t1266752 --table "0 1792 thin /dev/mapper/pool 1266752"; echo rc=$?
dmsetup message pool 0 create_snap 7 1266752; echo rc=$?
dmsetup remove t1266752; echo rc=$?
dmsetup create t7 --table "0 768 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 create_snap 4 1266752; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 delete 17; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 0 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 0 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 636391 4; echo rc=$?
dmsetup create t1266752 --table "0 2304 thin /dev/mapper/pool 1266752"; echo rc=$?
dmsetup create t4 --table "0 768 thin /dev/mapper/pool 4"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4 bs=4096 count=1 skip=4 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t1266752; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/ram0; echo rc=$?
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 1024 0 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 0 2 read_only error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 8 3; echo rc=$?
dmsetup message pool 0 create_snap 0 4; echo rc=$?
dmsetup create t2 --table "0 2048 thin /dev/mapper/pool 2"; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 262144 -l 131072 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=512 count=1 skip=63 seek=386 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t2; echo rc=$?
dmsetup message pool 0 delete 1266752; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 delete 6; echo rc=$?
dmsetup message pool 0 delete 636391; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
