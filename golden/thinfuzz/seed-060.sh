# thinfuzz v1 seed 60 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s60p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'q' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s60p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'I' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s60p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'N' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s60p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'S' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 1 skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_snap 1 7; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 13; echo rc=$?
dmsetup create t7 --table "0 330 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t7 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  blkdiscard -o 33280 -l 30720 /dev/mapper/t7; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7
dmsetup create t7b --table "0 640 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup create t1 --table "0 1152 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup reload t1 --table "0 1152 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup suspend t1; dmsetup resume t1; echo rc=$?
dmsetup status t1; dmsetup info -c -o name,attr,open,segments,events t1
if [ ! -b /dev/mapper/t7b ]; then echo no-node; else
  blkdiscard -o 252416 -l 7168 /dev/mapper/t7b; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t7b ]; then echo no-node; else
  dd if=/dev/mapper/t7b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_snap 5 38; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=512 count=1 skip=115 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup message pool 0 create_thin 3435747; echo rc=$?
dmsetup reload pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=512 count=1 skip=424 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup remove t7b; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
