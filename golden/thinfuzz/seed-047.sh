# thinfuzz v1 seed 47 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s47p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'o' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s47p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s47p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'H' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s47p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p3; done
dmsetup create pool --table "0 384 thin-pool /dev/ram0 /dev/ram1 128 2 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t12 --table "0 1080 thin /dev/mapper/pool 12"; echo rc=$?
dmsetup message pool 0 create_thin 9959050; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 14029413; echo rc=$?
dmsetup create t9959050 --table "0 1387 thin /dev/mapper/pool 9959050"; echo rc=$?
if [ ! -b /dev/mapper/t9959050 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t9959050 bs=512 count=1 skip=11 seek=545 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9959050 pool
if [ ! -b /dev/mapper/t9959050 ]; then echo no-node; else
  blkdiscard -o 196608 -l 196608 /dev/mapper/t9959050; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t9959050 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t9959050 bs=512 count=1 skip=68 seek=178 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 create_snap 5598462 9959050; echo rc=$?
dmsetup message pool 0 delete 40; echo rc=$?
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
if [ ! -b /dev/mapper/t9959050 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t9959050 bs=16384 count=1 skip=2 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9959050 pool
dmsetup message pool 0 create_thin 8462283; echo rc=$?
if [ ! -b /dev/mapper/t9959050 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t9959050 bs=512 count=1 skip=19 seek=129 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t9959050 pool
dmsetup reload pool --table "0 384 thin-pool /dev/ram0 /dev/ram1 128 2 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 1 13; echo rc=$?
dmsetup suspend t9959050
dmsetup message pool 0 create_snap 6 9959050; echo rc=$?
dmsetup resume t9959050
dmsetup status; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t9959050; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
