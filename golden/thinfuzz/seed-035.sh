# thinfuzz v1 seed 35 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s35p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'Z' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s35p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'k' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s35p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s35p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=1 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=5 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=4 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1729 linear /dev/ram2 0"
dmsetup create pool --table "0 3072 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup reload pool --table "0 3072 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 15709254; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_snap 4 15709254; echo rc=$?
dmsetup create t15709254 --table "0 12288 thin /dev/mapper/pool 15709254 /dev/mapper/ext"; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_snap 7 0; echo rc=$?
dmsetup message pool 0 set_transaction_id 2 5; echo rc=$?
if [ ! -b /dev/mapper/t15709254 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t15709254 bs=65536 count=1 skip=0 seek=61 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t15709254 pool
dmsetup message pool 0 create_thin 14; echo rc=$?
dmsetup reload pool --table "0 10240 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t15709254 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t15709254 bs=4096 count=1 skip=7 seek=310 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 15360 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 8029250 0; echo rc=$?
dmsetup create t7 --table "0 2897 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  blkdiscard -o 524288 -l 524288 /dev/mapper/t7; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t7 bs=4096 count=1 skip=9 seek=330 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t15709254 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t15709254 bs=65536 count=1 skip=0 seek=21 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t7 bs=512 count=1 skip=53 seek=220 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t15709254; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
