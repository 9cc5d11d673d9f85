# thinfuzz v1 seed 10 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s10p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s10p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'u' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s10p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s10p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'O' >> /tmp/p3; done
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=22 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=5 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1389 linear /dev/ram2 0"
dmsetup create pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 128 2 1 no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 8; echo rc=$?
dmsetup message pool 0 create_thin 16545012; echo rc=$?
dmsetup create t8 --table "0 1387 thin /dev/mapper/pool 8"; echo rc=$?
if [ ! -b /dev/mapper/t8 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t8 bs=512 count=1 skip=107 seek=1052 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t8 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t8 bs=16384 count=1 skip=2 seek=10 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t5 --table "0 988 thin /dev/mapper/pool 5 /dev/mapper/ext"; echo rc=$?
dmsetup message pool 0 create_snap 1 8; echo rc=$?
if [ ! -b /dev/mapper/t8 ]; then echo no-node; else
  blkdiscard -o 131072 -l 196608 /dev/mapper/t8; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup remove t8; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5 bs=4096 count=1 skip=2 seek=38 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup remove t5; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup reload pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 128 2 1 no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 0 5; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup reload pool --table "0 2688 thin-pool /dev/ram0 /dev/ram1 128 2 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete x; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t3 --table "0 746 thin /dev/mapper/pool 3"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  blkdiscard -o 196608 -l 65536 /dev/mapper/t3; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/dev/mapper/t3 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=16384 count=1 skip=0 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 12; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=4096 count=1 skip=14 seek=32 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
