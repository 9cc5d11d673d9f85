# thinfuzz v1 seed 9 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s9p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'G' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s9p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'r' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s9p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'T' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s9p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'N' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=15 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=20 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1896 linear /dev/ram2 0"
dmsetup create pool --table "0 17408 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 ignore_discard skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 17408 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 read_only ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 10555230; echo rc=$?
dmsetup message pool 0 create_thin 5430990; echo rc=$?
dmsetup message pool 0 create_thin 16661319; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
dmsetup status; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 create_thin 15989451; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 8454190; echo rc=$?
dmsetup message pool 0 create_thin 9187884; echo rc=$?
dmsetup reload pool --table "0 17408 thin-pool /dev/mapper/meta /dev/ram1 1024 3 3 skip_block_zeroing ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 create_thin 507034; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
