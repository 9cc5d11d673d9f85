# thinfuzz v1 seed 5 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s5p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'p' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s5p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'z' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s5p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'v' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s5p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p3; done
dmsetup create pool --table "0 2816 thin-pool /dev/ram0 /dev/ram1 256 1 0"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup reload pool --table "0 2816 thin-pool /dev/ram0 /dev/ram1 256 1 2 skip_block_zeroing read_only"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 2816 thin-pool /dev/ram0 /dev/ram1 256 1 1 no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 1 6; echo rc=$?
dmsetup create t6 --table "0 768 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=4096 count=1 skip=1 seek=60 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=512 count=1 skip=425 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=4096 count=1 skip=2 seek=23 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=16384 count=1 skip=2 seek=8 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 2; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  blkdiscard -o 262144 -l 131072 /dev/mapper/t6; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=512 count=1 skip=112 seek=247 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_thin 450975; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=512 count=1 skip=674 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=512 count=1 skip=23 seek=282 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup create t450975 --table "0 1280 thin /dev/mapper/pool 450975"; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6 bs=16384 count=1 skip=3 seek=16 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t450975 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t450975 bs=512 count=1 skip=72 seek=160 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t450975 pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=512 count=1 skip=3 seek=157 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup remove t450975; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=16384 count=1 skip=2 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup create t1 --table "0 2988 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
