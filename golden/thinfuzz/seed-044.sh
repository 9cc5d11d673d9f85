# thinfuzz v1 seed 44 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s44p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s44p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s44p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s44p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 0"
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=4 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=5 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dmsetup create pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 11; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 9806715; echo rc=$?
dmsetup reload pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 1 3 ignore_discard error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 1280 thin-pool /dev/mapper/meta /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t11 --table "0 1024 thin /dev/mapper/pool 11"; echo rc=$?
dmsetup message pool 0 create_thin 13471586; echo rc=$?
dmsetup create t11b --table "0 640 thin /dev/mapper/pool 11"; echo rc=$?
dmsetup suspend t11
dmsetup suspend t11b
dmsetup message pool 0 create_snap 4 11; echo rc=$?
dmsetup resume t11
dmsetup resume t11b
dmsetup remove t11b; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t11 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t11 bs=512 count=1 skip=40 seek=909 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 3780714 13471586; echo rc=$?
dmsetup remove t11; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 delete 13471586; echo rc=$?
dmsetup message pool 0 create_thin 6578386; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup create t3780714 --table "0 1518 thin /dev/mapper/pool 3780714"; echo rc=$?
if [ ! -b /dev/mapper/t3780714 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3780714 bs=512 count=1 skip=6 seek=1078 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3780714 pool
dmsetup reload t3780714 --table "0 512 thin /dev/mapper/pool 3780714"; echo rc=$?
dmsetup suspend t3780714; dmsetup resume t3780714; echo rc=$?
dmsetup status t3780714; dmsetup info -c -o name,attr,open,segments,events t3780714
dmsetup reload pool --table "0 1280 thin-pool /dev/mapper/meta /dev/ram1 128 1 3 skip_block_zeroing read_only error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup remove t3780714; echo rc=$?
dmsetup message pool 0 create_snap 3780714 1; echo rc=$?
dmsetup status; echo rc=$?
dmsetup create t11 --table "0 256 thin /dev/mapper/pool 11 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t11 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t11 bs=4096 count=1 skip=5 seek=19 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t11 ]; then echo no-node; else
  blkdiscard -o 0 -l 131072 /dev/mapper/t11; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t11; echo rc=$?
dmsetup message pool 0 delete 11; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup message pool 0 delete 9806715; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
