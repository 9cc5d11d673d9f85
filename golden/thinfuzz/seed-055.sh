# thinfuzz v1 seed 55 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s55p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'z' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s55p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'P' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s55p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'n' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s55p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'N' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 0"
dmsetup create pool --table "0 3072 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup reload pool --table "0 11264 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
thin_dump -m /dev/mapper/meta; echo rc=$?
dmsetup table; echo rc=$?
dmsetup create t6 --table "0 10240 thin /dev/mapper/pool 6"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=28 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=4096 count=1 skip=10 seek=973 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=4096 count=1 skip=5 seek=21 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup reload t6 --table "0 6144 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup suspend t6; dmsetup resume t6; echo rc=$?
dmsetup status t6; dmsetup info -c -o name,attr,open,segments,events t6
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=512 count=1 skip=103 seek=698 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 11264 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup reload pool --table "0 14336 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup create t0 --table "0 4902 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=16384 count=1 skip=0 seek=72 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=16384 count=1 skip=3 seek=139 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  blkdiscard -o 166400 -l 188416 /dev/mapper/t0; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  blkdiscard -o 0 -l 1048576 /dev/mapper/t0; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
