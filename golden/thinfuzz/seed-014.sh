# thinfuzz v1 seed 14 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s14p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'h' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s14p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'h' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s14p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'd' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s14p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Z' >> /tmp/p3; done
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 128 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 9022882; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_snap 6 9022882; echo rc=$?
dmsetup create t9022882 --table "0 945 thin /dev/mapper/pool 9022882"; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 7 5; echo rc=$?
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t9022882 bs=512 count=1 skip=98 seek=202 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9022882 pool
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/dev/mapper/t9022882 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create t6 --table "0 384 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=16384 count=1 skip=0 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t9022882b --table "0 640 thin /dev/mapper/pool 9022882"; echo rc=$?
dmsetup remove t9022882b; echo rc=$?
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/dev/mapper/t9022882 bs=512 count=1 skip=101 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 delete 9022882; echo rc=$?
dmsetup message pool 0 create_snap 12328237 5; echo rc=$?
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t9022882 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9022882 pool
dmsetup message pool 0 frobnicate 1; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=24 seek=383 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t9022882b --table "0 1408 thin /dev/mapper/pool 9022882"; echo rc=$?
dmsetup message pool 0 create_thin 5684296; echo rc=$?
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/dev/mapper/t9022882 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t9022882 bs=512 count=1 skip=43 seek=388 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t9022882b bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t9022882b bs=4096 count=1 skip=11 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9022882b pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=115 seek=225 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t9022882b bs=4096 count=1 skip=15 seek=56 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t9022882 bs=512 count=1 skip=78 seek=189 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882b ]; then echo no-node; else
  blkdiscard -o 196608 -l 131072 /dev/mapper/t9022882b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9022882b
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=16384 count=1 skip=1 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t9022882 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t9022882 bs=512 count=1 skip=116 seek=210 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9022882b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t9022882b bs=4096 count=1 skip=13 seek=30 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t9022882; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup remove t9022882b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
