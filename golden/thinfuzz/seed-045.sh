# thinfuzz v1 seed 45 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s45p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'r' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s45p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'd' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s45p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'W' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s45p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 4 1 skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 2304 thin-pool /dev/ram0 /dev/ram1 256 4 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_snap 4 0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup reload pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 256 4 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 11783486; echo rc=$?
dmsetup message pool 0 create_snap 14 28; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup create t7 --table "0 2304 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup message pool 0 create_snap 2490428 12; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup message pool 0 create_thin 12; echo rc=$?
dmsetup create t12 --table "0 768 thin /dev/mapper/pool 12"; echo rc=$?
if [ ! -b /dev/mapper/t12 ]; then echo no-node; else
  dd if=/dev/mapper/t12 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove t12; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/ram0; echo rc=$?
dmsetup create pool --table "0 4864 thin-pool /dev/ram0 /dev/ram1 256 4 1 no_discard_passdown"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
