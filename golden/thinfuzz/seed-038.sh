# thinfuzz v1 seed 38 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s38p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'u' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s38p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'y' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s38p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'H' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s38p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 0"
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=5 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=0 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dmsetup create pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 3 1 skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup create t0 --table "0 679 thin /dev/mapper/pool 0 /dev/ram2"; echo rc=$?
dmsetup reload t0 --table "0 128 thin /dev/mapper/pool 0 /dev/ram2"; echo rc=$?
dmsetup suspend t0; dmsetup resume t0; echo rc=$?
dmsetup status t0; dmsetup info -c -o name,attr,open,segments,events t0
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=512 count=1 skip=85 seek=127 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=16384 count=1 skip=2 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
dmsetup message pool 0 create_thin 0; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=4096 count=1 skip=15 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=4096 count=1 skip=13 seek=12 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0 bs=4096 count=1 skip=10 seek=8 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup message pool 0 create_thin 10875284; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=512 count=1 skip=76 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup reload pool --table "0 1536 thin-pool /dev/mapper/meta /dev/ram1 128 3 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=16384 count=1 skip=2 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
dmsetup message pool 0 create_thin 10875284; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0 bs=4096 count=1 skip=10 seek=12 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t0 --table "0 1436 thin /dev/mapper/pool 0 /dev/ram2"; echo rc=$?
dmsetup suspend t0; dmsetup resume t0; echo rc=$?
dmsetup status t0; dmsetup info -c -o name,attr,open,segments,events t0
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=16384 count=1 skip=1 seek=18 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  blkdiscard -o 196608 -l 65536 /dev/mapper/t0; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup create t0b --table "0 896 thin /dev/mapper/pool 0 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup remove t0b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
