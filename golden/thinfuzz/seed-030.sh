# thinfuzz v1 seed 30 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s30p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'e' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s30p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'A' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s30p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s30p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=8 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=20 oflag=direct 2>/dev/null
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 2 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup reload pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 2 3 skip_block_zeroing ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t1 --table "0 256 thin /dev/mapper/pool 1 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=16384 count=1 skip=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 65536 -l 65536 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=4096 count=1 skip=3 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
dmsetup remove t1; echo rc=$?
dmsetup reload pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 2 3 skip_block_zeroing ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup create t1 --table "0 384 thin /dev/mapper/pool 1 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=16384 count=1 skip=1 seek=10 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=4096 count=1 skip=4 seek=25 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
