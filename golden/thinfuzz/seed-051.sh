# thinfuzz v1 seed 51 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s51p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s51p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s51p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s51p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'm' >> /tmp/p3; done
dmsetup create pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup reload pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 2 read_only error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 6152036; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup reload pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 3 error_if_no_space read_only skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 12 2; echo rc=$?
dmsetup create t2 --table "0 512 thin /dev/mapper/pool 2"; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=512 count=1 skip=114 seek=261 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=4096 count=1 skip=11 seek=44 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=512 count=1 skip=106 seek=33 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 12237590; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2 bs=16384 count=1 skip=1 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=4096 count=1 skip=1 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 7 12237590; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 1 5; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2 bs=16384 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 1765353 12237590; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_snap 7746318 7; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t2; echo rc=$?
dmsetup message pool 0 create_snap 6 7746318; echo rc=$?
dmsetup create t12237590 --table "0 973 thin /dev/mapper/pool 12237590"; echo rc=$?
dmsetup create t1765353 --table "0 512 thin /dev/mapper/pool 1765353"; echo rc=$?
if [ ! -b /dev/mapper/t12237590 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t12237590 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t12237590 pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t12237590; echo rc=$?
dmsetup remove t1765353; echo rc=$?
dmsetup message pool 0 delete 12237590; echo rc=$?
dmsetup message pool 0 delete 7746318; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
