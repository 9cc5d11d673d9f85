# thinfuzz v1 seed 12 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s12p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 's' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s12p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'M' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s12p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'e' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s12p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p3; done
dmsetup create pool --table "0 2560 thin-pool /dev/ram0 /dev/ram1 256 3 1 skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 set_transaction_id 0 5; echo rc=$?
dmsetup reload pool --table "0 4608 thin-pool /dev/ram0 /dev/ram1 256 3 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t5 --table "0 2048 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup message pool 0 delete 17; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=512 count=1 skip=68 seek=481 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=13 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=4096 count=1 skip=8 seek=75 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=16384 count=1 skip=0 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup message pool 0 create_snap 7 1; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 812073; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 262144 -l 393216 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=512 count=1 skip=82 seek=406 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup remove t5; echo rc=$?
dmsetup reload pool --table "0 6656 thin-pool /dev/ram0 /dev/ram1 256 3 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup create t7 --table "0 848 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
