# thinfuzz v1 seed 23 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s23p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'i' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s23p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'r' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s23p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'n' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s23p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'A' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 2048"
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 12485071; echo rc=$?
dmsetup message pool 0 delete 10; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup reload pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 3 error_if_no_space no_discard_passdown skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t4 --table "0 768 thin /dev/mapper/pool 4"; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t4 bs=4096 count=1 skip=13 seek=21 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  blkdiscard -o 53248 -l 6656 /dev/mapper/t4; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t4b --table "0 1317 thin /dev/mapper/pool 4"; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4 bs=4096 count=1 skip=5 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4 bs=16384 count=1 skip=2 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t4 bs=4096 count=1 skip=2 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  blkdiscard -o 0 -l 196608 /dev/mapper/t4b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t4b
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t4 bs=512 count=1 skip=102 seek=121 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4b bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/dev/mapper/t4 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t4b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t4b bs=16384 count=1 skip=3 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup table; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup remove t4b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
