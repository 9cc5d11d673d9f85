# thinfuzz v1 seed 15 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s15p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s15p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s15p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'A' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s15p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p3; done
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=18 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=15 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dmsetup create ext --table "0 2968 linear /dev/ram2 0"
dmsetup create pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 1 no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup table; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 2692610; echo rc=$?
dmsetup message pool 0 delete 2692610; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 create_snap 8333462 7; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 11631921; echo rc=$?
dmsetup message pool 0 create_snap 5 0; echo rc=$?
dmsetup reload pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 3 2 skip_block_zeroing no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 10; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup reload pool --table "0 1664 thin-pool /dev/ram0 /dev/ram1 128 3 2 skip_block_zeroing no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 5; echo rc=$?
dmsetup message pool 0 set_transaction_id 6 7; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 12525660; echo rc=$?
dmsetup create t12525660 --table "0 1434 thin /dev/mapper/pool 12525660"; echo rc=$?
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12525660 bs=4096 count=1 skip=13 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t12525660 bs=16384 count=1 skip=2 seek=28 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12525660 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12525660 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/dev/mapper/t12525660 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create t1 --table "0 1280 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup message pool 0 set_transaction_id 5 9; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t12525660 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12525660 bs=4096 count=1 skip=6 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t12525660; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup message pool 0 delete 8333462; echo rc=$?
dmsetup message pool 0 delete 11631921; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
