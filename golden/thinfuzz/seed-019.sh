# thinfuzz v1 seed 19 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s19p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'n' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s19p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'g' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s19p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'J' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s19p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'T' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 0"
dmsetup create pool --table "0 1024 thin-pool /dev/mapper/meta /dev/ram1 128 4 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup reload pool --table "0 1024 thin-pool /dev/mapper/meta /dev/ram1 128 4 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 845997 12; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup message pool 0 delete 11; echo rc=$?
dmsetup message pool 0 create_snap 2 1; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 3 5; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup create t4 --table "0 256 thin /dev/mapper/pool 4"; echo rc=$?
dmsetup suspend t4
dmsetup message pool 0 create_snap 11418636 4; echo rc=$?
dmsetup resume t4
dmsetup suspend t4
dmsetup message pool 0 create_snap 7 4; echo rc=$?
dmsetup resume t4
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/dev/mapper/t4 bs=512 count=1 skip=39 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup remove t4; echo rc=$?
dmsetup message pool 0 create_thin 3710621; echo rc=$?
dmsetup reload pool --table "0 1024 thin-pool /dev/mapper/meta /dev/ram1 128 4 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t3710621 --table "0 1280 thin /dev/mapper/pool 3710621"; echo rc=$?
if [ ! -b /dev/mapper/t3710621 ]; then echo no-node; else
  blkdiscard -o 131072 -l 196608 /dev/mapper/t3710621; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3710621
dmsetup message pool 0 create_snap 3710621 3710621; echo rc=$?
if [ ! -b /dev/mapper/t3710621 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3710621 bs=4096 count=1 skip=1 seek=37 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3710621 pool
dmsetup status pool; echo rc=$?
dmsetup reload pool --table "0 1920 thin-pool /dev/mapper/meta /dev/ram1 128 4 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3710621; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
