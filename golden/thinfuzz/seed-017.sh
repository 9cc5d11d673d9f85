# thinfuzz v1 seed 17 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s17p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'W' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s17p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'g' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s17p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'i' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s17p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 0"
dmsetup create pool --table "0 2176 thin-pool /dev/mapper/meta /dev/ram1 128 1 0"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 2848617; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup create t0 --table "0 1152 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup message pool 0 create_snap 6 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 4357556; echo rc=$?
dmsetup create t6 --table "0 1024 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t0b --table "0 1152 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0b bs=512 count=1 skip=93 seek=925 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0b pool
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  blkdiscard -o 65536 -l 65536 /dev/mapper/t0b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0b
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0b bs=16384 count=1 skip=1 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0b bs=512 count=1 skip=68 seek=33 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=4096 count=1 skip=12 seek=28 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  blkdiscard -o 65536 -l 65536 /dev/mapper/t0b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 8374543; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=4096 count=1 skip=3 seek=54 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=4096 count=1 skip=5 seek=28 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=51 seek=191 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t0b
dmsetup message pool 0 create_snap 11705591 0; echo rc=$?
dmsetup resume t0b
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/dev/mapper/t0b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0b bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0b pool
if [ ! -b /dev/mapper/t0b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0b bs=4096 count=1 skip=8 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t0b; echo rc=$?
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_snap 4 0; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
