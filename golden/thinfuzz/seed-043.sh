# thinfuzz v1 seed 43 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s43p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'm' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s43p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s43p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'W' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s43p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'S' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 0"
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 3 no_discard_passdown error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 0 3 skip_block_zeroing no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_snap 997152 3; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 create_snap 997152 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 delete 15; echo rc=$?
dmsetup create t3 --table "0 1408 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup message pool 0 create_snap 5 3; echo rc=$?
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=16384 count=1 skip=3 seek=26 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup message pool 0 create_thin 16530168; echo rc=$?
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup create t3b --table "0 1280 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup reload t3 --table "0 768 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup suspend t3; dmsetup resume t3; echo rc=$?
dmsetup status t3; dmsetup info -c -o name,attr,open,segments,events t3
dmsetup message pool 0 create_snap 1312982 997152; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup remove t3b; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 delete 16530168; echo rc=$?
dmsetup message pool 0 delete 1312982; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
