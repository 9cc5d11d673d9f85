# thinfuzz v1 seed 46 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s46p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'x' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s46p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'Q' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s46p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'S' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s46p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dmsetup create pool --table "0 256 thin-pool /dev/ram0 /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3984772; echo rc=$?
dmsetup message pool 0 create_snap 2 3984772; echo rc=$?
dmsetup message pool 0 create_snap 1 3984772; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 256 thin-pool /dev/ram0 /dev/ram1 128 1 3 no_discard_passdown skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup message pool 0 create_snap 5 2; echo rc=$?
dmsetup create t1 --table "0 1152 thin /dev/mapper/pool 1"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 6 5; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 12184032; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=4096 count=1 skip=10 seek=29 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup ls; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/ram0; echo rc=$?
dmsetup create pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup message pool 0 delete 12184032; echo rc=$?
dmsetup message pool 0 create_snap 0 6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup create t6 --table "0 1076 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup reload t6 --table "0 512 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup suspend t6; dmsetup resume t6; echo rc=$?
dmsetup status t6; dmsetup info -c -o name,attr,open,segments,events t6
dmsetup remove t6; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 256 1 1 error_if_no_space"; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 768 thin-pool /dev/ram0 /dev/ram1 128 1 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 9; echo rc=$?
dmsetup message pool 0 create_snap 1837365 3984772; echo rc=$?
dmsetup reload pool --table "0 1152 thin-pool /dev/ram0 /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t5 --table "0 1280 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup message pool 0 create_snap 1337876 33; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=4096 count=1 skip=2 seek=43 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup message pool 0 delete 3984772; echo rc=$?
dmsetup reload pool --table "0 1152 thin-pool /dev/ram0 /dev/ram1 128 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
