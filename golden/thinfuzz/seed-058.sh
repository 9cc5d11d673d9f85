# thinfuzz v1 seed 58 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s58p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'h' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s58p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'P' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s58p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s58p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'z' >> /tmp/p3; done
dmsetup create pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 4 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup message pool 0 create_snap 1 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
thin_dump -m /dev/ram0; echo rc=$?
dmsetup message pool 0 create_snap 1 1; echo rc=$?
dmsetup create t1 --table "0 1280 thin /dev/mapper/pool 1"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=512 count=1 skip=16 seek=1048 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t1b --table "0 896 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t1b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1b bs=16384 count=1 skip=2 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=4096 count=1 skip=4 seek=140 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=16384 count=1 skip=1 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1b ]; then echo no-node; else
  blkdiscard -o 65536 -l 131072 /dev/mapper/t1b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1b
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=512 count=1 skip=107 seek=349 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 4 6; echo rc=$?
dmsetup reload pool --table "0 1152 thin-pool /dev/ram0 /dev/ram1 128 4 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=512 count=1 skip=48 seek=747 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=512 count=1 skip=27 seek=429 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
dmsetup message pool 0 set_transaction_id 3 4; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t1b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1b bs=512 count=1 skip=9 seek=339 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1b pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
