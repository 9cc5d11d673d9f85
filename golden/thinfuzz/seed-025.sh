# thinfuzz v1 seed 25 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s25p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s25p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 's' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s25p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'B' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s25p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dmsetup create pool --table "0 3072 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 4476608; echo rc=$?
dmsetup message pool 0 create_thin 13262054; echo rc=$?
dmsetup message pool 0 create_snap 7 4476608; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup reload pool --table "0 3072 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 error_if_no_space read_only"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t4476608 --table "0 3026 thin /dev/mapper/pool 4476608"; echo rc=$?
if [ ! -b /dev/mapper/t4476608 ]; then echo no-node; else
  dd if=/dev/mapper/t4476608 bs=512 count=1 skip=2036 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t4476608 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t4476608 bs=65536 count=1 skip=0 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t4476608 pool
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup create t5 --table "0 3072 thin /dev/mapper/pool 5"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=16384 count=1 skip=3 seek=46 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=19 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
if [ ! -b /dev/mapper/t4476608 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t4476608 bs=65536 count=1 skip=0 seek=17 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t4476608; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=4096 count=1 skip=4 seek=206 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup create t7 --table "0 11264 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=512 count=1 skip=65 seek=910 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  blkdiscard -o 0 -l 1572864 /dev/mapper/t7; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=16384 count=1 skip=0 seek=87 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=16384 count=1 skip=3 seek=13 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
