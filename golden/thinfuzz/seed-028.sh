# thinfuzz v1 seed 28 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s28p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s28p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s28p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'x' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s28p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'I' >> /tmp/p3; done
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 256 3 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup status; echo rc=$?
dmsetup reload pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 640281; echo rc=$?
dmsetup message pool 0 delete 640281; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup create t6 --table "0 768 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=4096 count=1 skip=13 seek=44 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=16384 count=1 skip=3 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=121 seek=150 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=4096 count=1 skip=4 seek=53 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=112 seek=214 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=16384 count=1 skip=1 seek=22 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t6
dmsetup message pool 0 create_snap 4 6; echo rc=$?
dmsetup resume t6
dmsetup create t4 --table "0 1024 thin /dev/mapper/pool 4"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=4096 count=1 skip=9 seek=74 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4 bs=16384 count=1 skip=1 seek=22 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t4 pool
dmsetup suspend t6
dmsetup message pool 0 create_snap 2 6; echo rc=$?
dmsetup resume t6
dmsetup message pool 0 create_thin 7; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=16384 count=1 skip=2 seek=16 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4 bs=512 count=1 skip=62 seek=93 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup create t4b --table "0 2560 thin /dev/mapper/pool 4"; echo rc=$?
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  dd if=/dev/mapper/t4b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4b bs=512 count=1 skip=65 seek=1593 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t4b pool
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t4b bs=65536 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t4 bs=16384 count=1 skip=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup remove t4b; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
