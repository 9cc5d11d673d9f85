# thinfuzz v1 seed 20 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s20p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s20p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'C' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s20p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'J' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s20p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'h' >> /tmp/p3; done
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=21 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=22 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1027 linear /dev/ram2 0"
dmsetup create pool --table "0 9216 thin-pool /dev/ram0 /dev/ram1 1024 0 3 ignore_discard error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 7688167; echo rc=$?
dmsetup message pool 0 create_snap 7642192 7688167; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup reload pool --table "0 9216 thin-pool /dev/ram0 /dev/ram1 1024 0 3 read_only ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 4723443 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_snap 11375135 7642192; echo rc=$?
dmsetup create t7688167 --table "0 10300 thin /dev/mapper/pool 7688167 /dev/mapper/ext"; echo rc=$?
if [ ! -b /dev/mapper/t7688167 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t7688167 bs=16384 count=1 skip=3 seek=55 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t7688167 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t7688167 bs=16384 count=1 skip=3 seek=83 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup remove t7688167; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_snap 2 7642192; echo rc=$?
dmsetup reload pool --table "0 9216 thin-pool /dev/ram0 /dev/ram1 1024 0 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 15186876; echo rc=$?
dmsetup message pool 0 create_thin 5940594; echo rc=$?
dmsetup message pool 0 create_snap 7688167 7688167; echo rc=$?
dmsetup reload pool --table "0 13312 thin-pool /dev/ram0 /dev/ram1 1024 0 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 7688167; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup create t5940594 --table "0 8973 thin /dev/mapper/pool 5940594"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5940594; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
