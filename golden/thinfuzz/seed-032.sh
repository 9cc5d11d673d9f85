# thinfuzz v1 seed 32 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s32p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s32p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'u' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s32p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'Z' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s32p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'I' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 0"
dmsetup create pool --table "0 1536 thin-pool /dev/mapper/meta /dev/ram1 256 2 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup reload pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 256 2 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t1 --table "0 2555 thin /dev/mapper/pool 1"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 262144 -l 393216 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=512 count=1 skip=31 seek=165 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 92672 -l 21504 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 5 7; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=512 count=1 skip=93 seek=582 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 0 -l 393216 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup create t7 --table "0 2643 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup message pool 0 create_snap 10643064 37; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=512 count=1 skip=93 seek=2374 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
dmsetup message pool 0 set_transaction_id 2 6; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup message pool 0 create_thin 12542714; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t7 bs=16384 count=1 skip=1 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 6 9; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup create t12542714 --table "0 2304 thin /dev/mapper/pool 12542714"; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  blkdiscard -o 0 -l 393216 /dev/mapper/t7; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=512 count=1 skip=46 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t12542714 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t12542714 bs=4096 count=1 skip=5 seek=62 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 3607161; echo rc=$?
dmsetup message pool 0 create_snap 3426812 19; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup remove t12542714; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
