# thinfuzz v1 seed 31 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s31p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'S' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s31p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'J' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s31p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'R' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s31p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=4 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=18 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=14 oflag=direct 2>/dev/null
dmsetup create pool --table "0 5120 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 create_snap 6416372 3; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 2 5; echo rc=$?
dmsetup message pool 0 create_snap 6416372 29; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 5; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup create t6416372 --table "0 3072 thin /dev/mapper/pool 6416372"; echo rc=$?
dmsetup message pool 0 create_snap 15 5; echo rc=$?
if [ ! -b /dev/mapper/t6416372 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6416372 bs=4096 count=1 skip=10 seek=65 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6416372 pool
if [ ! -b /dev/mapper/t6416372 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6416372 bs=4096 count=1 skip=7 seek=29 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6416372 pool
dmsetup remove t6416372; echo rc=$?
dmsetup reload pool --table "0 13312 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t2 --table "0 4096 thin /dev/mapper/pool 2"; echo rc=$?
dmsetup suspend t2
dmsetup message pool 0 create_snap 1147802 2; echo rc=$?
dmsetup resume t2
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2 bs=512 count=1 skip=80 seek=2772 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2 pool
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_snap 1 6; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=65536 count=1 skip=0 seek=19 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=512 count=1 skip=47 seek=2887 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 831488 -l 125952 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=4096 count=1 skip=10 seek=111 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 1048576 -l 1048576 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 524288 -l 1048576 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2
dmsetup message pool 0 create_thin 6416372; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t2; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
