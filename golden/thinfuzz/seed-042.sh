# thinfuzz v1 seed 42 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s42p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'B' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s42p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s42p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'U' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s42p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 's' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=14 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=0 oflag=direct 2>/dev/null
dmsetup create ext --table "0 2625 linear /dev/ram2 0"
dmsetup create pool --table "0 5120 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 skip_block_zeroing ignore_discard error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup status; echo rc=$?
dmsetup create t5 --table "0 7168 thin /dev/mapper/pool 5 /dev/mapper/ext"; echo rc=$?
dmsetup reload pool --table "0 11264 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 error_if_no_space ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t3 --table "0 4096 thin /dev/mapper/pool 3 /dev/mapper/ext"; echo rc=$?
dmsetup reload pool --table "0 11264 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 ignore_discard error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/dev/mapper/t3 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend t3
dmsetup message pool 0 create_snap 1 3; echo rc=$?
dmsetup resume t3
dmsetup create t3b --table "0 8192 thin /dev/mapper/pool 3 /dev/mapper/ext"; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=4096 count=1 skip=12 seek=21 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup create t1 --table "0 7300 thin /dev/mapper/pool 1 /dev/mapper/ext"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=16384 count=1 skip=1 seek=139 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=31 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3b bs=65536 count=1 skip=0 seek=33 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3b pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=512 count=1 skip=7 seek=3274 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t1
dmsetup message pool 0 create_snap 5686712 1; echo rc=$?
dmsetup resume t1
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=16384 count=1 skip=0 seek=35 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup reload pool --table "0 18432 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 error_if_no_space skip_block_zeroing ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=4096 count=1 skip=6 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 4 6; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/dev/mapper/t3b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create t6 --table "0 9216 thin /dev/mapper/pool 6 /dev/mapper/ext"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=4096 count=1 skip=10 seek=195 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/dev/mapper/t3 bs=512 count=1 skip=1052 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup reload pool --table "0 18432 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 ignore_discard error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup suspend t3
dmsetup suspend t3b
dmsetup message pool 0 create_snap 5 3; echo rc=$?
dmsetup resume t3
dmsetup resume t3b
dmsetup reload t3 --table "0 11264 thin /dev/mapper/pool 3 /dev/mapper/ext"; echo rc=$?
dmsetup suspend t3; dmsetup resume t3; echo rc=$?
dmsetup status t3; dmsetup info -c -o name,attr,open,segments,events t3
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup remove t3b; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
