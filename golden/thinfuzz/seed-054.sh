# thinfuzz v1 seed 54 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s54p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'B' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s54p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'O' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s54p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s54p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 3 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_snap 7143165 6; echo rc=$?
dmsetup create t7143165 --table "0 8498 thin /dev/mapper/pool 7143165"; echo rc=$?
dmsetup suspend t7143165
dmsetup message pool 0 create_snap 2662011 7143165; echo rc=$?
dmsetup resume t7143165
if [ ! -b /dev/mapper/t7143165 ]; then echo no-node; else
  dd if=/dev/mapper/t7143165 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create t2662011 --table "0 5120 thin /dev/mapper/pool 2662011"; echo rc=$?
dmsetup message pool 0 create_snap 11 6; echo rc=$?
dmsetup create t6 --table "0 7168 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=512 count=1 skip=67 seek=1605 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
if [ ! -b /dev/mapper/t2662011 ]; then echo no-node; else
  dd if=/dev/mapper/t2662011 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
if [ ! -b /dev/mapper/t7143165 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t7143165 bs=4096 count=1 skip=0 seek=186 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7143165 pool
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 set_transaction_id 1 4; echo rc=$?
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t7143165 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t7143165 bs=512 count=1 skip=5 seek=2298 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7143165 pool
dmsetup reload pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t7143165 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t7143165 bs=512 count=1 skip=89 seek=6778 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7143165 pool
dmsetup remove t7143165; echo rc=$?
dmsetup message pool 0 create_snap 0 7143165; echo rc=$?
dmsetup remove t2662011; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
dmsetup create pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 3 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t0 --table "0 2048 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=16384 count=1 skip=1 seek=16 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
