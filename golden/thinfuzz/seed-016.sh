# thinfuzz v1 seed 16 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s16p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'f' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s16p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'Q' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s16p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'n' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s16p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'q' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 0"
dmsetup create pool --table "0 1920 thin-pool /dev/mapper/meta /dev/ram1 128 4 1 no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup message pool 0 create_snap 0 7; echo rc=$?
dmsetup create t28 --table "0 1408 thin /dev/mapper/pool 28"; echo rc=$?
dmsetup message pool 0 create_thin 3512518; echo rc=$?
dmsetup message pool 0 create_snap 4874007 0; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t1 --table "0 1443 thin /dev/mapper/pool 1"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=4096 count=1 skip=14 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 3; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=512 count=1 skip=107 seek=131 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=4096 count=1 skip=13 seek=30 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t1; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t1 --table "0 768 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup message pool 0 create_thin 1132636; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t1b --table "0 768 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup reload pool --table "0 1920 thin-pool /dev/mapper/meta /dev/ram1 128 4 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t1b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1b bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 2304 thin-pool /dev/mapper/meta /dev/ram1 128 4 2 skip_block_zeroing no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup create t3512518 --table "0 1408 thin /dev/mapper/pool 3512518"; echo rc=$?
dmsetup message pool 0 delete x; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t3512518 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3512518 bs=16384 count=1 skip=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 7 4874007; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status pool; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove t1b; echo rc=$?
dmsetup remove t3512518; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
