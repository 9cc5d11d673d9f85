# thinfuzz v1 seed 39 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s39p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'p' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s39p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s39p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'g' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s39p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=22 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=0 oflag=direct 2>/dev/null
dmsetup create pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_snap 2 6; echo rc=$?
dmsetup create t2 --table "0 1064 thin /dev/mapper/pool 2"; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup reload pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload t2 --table "0 768 thin /dev/mapper/pool 2"; echo rc=$?
dmsetup suspend t2; dmsetup resume t2; echo rc=$?
dmsetup status t2; dmsetup info -c -o name,attr,open,segments,events t2
dmsetup create t6 --table "0 512 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 create_thin 9; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2 bs=512 count=1 skip=69 seek=27 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2 pool
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=16384 count=1 skip=3 seek=12 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=512 count=1 skip=41 seek=71 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t9 --table "0 384 thin /dev/mapper/pool 9 /dev/ram2"; echo rc=$?
dmsetup message pool 0 create_thin 15071560; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 222720 -l 13824 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2
if [ ! -b /dev/mapper/t9 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t9 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=16384 count=1 skip=1 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t6 --table "0 1536 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup suspend t6; dmsetup resume t6; echo rc=$?
dmsetup status t6; dmsetup info -c -o name,attr,open,segments,events t6
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=4096 count=1 skip=8 seek=54 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=512 count=1 skip=33 seek=867 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9 ]; then echo no-node; else
  blkdiscard -o 0 -l 131072 /dev/mapper/t9; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9
dmsetup create t6b --table "0 384 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  blkdiscard -o 202240 -l 23040 /dev/mapper/t6; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=4096 count=1 skip=5 seek=18 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2 pool
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=512 count=1 skip=40 seek=125 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t9 bs=4096 count=1 skip=14 seek=17 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup suspend t9
dmsetup message pool 0 create_snap 0 9; echo rc=$?
dmsetup resume t9
dmsetup remove t6; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t2; echo rc=$?
dmsetup remove t9; echo rc=$?
dmsetup remove t6b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
