# thinfuzz v1 seed 13 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s13p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s13p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'E' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s13p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s13p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 5120 thin-pool /dev/mapper/meta /dev/ram1 1024 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup reload pool --table "0 5120 thin-pool /dev/mapper/meta /dev/ram1 1024 1 4 no_discard_passdown skip_block_zeroing read_only error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup ls; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_thin 6476197; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 5; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup reload pool --table "0 5120 thin-pool /dev/mapper/meta /dev/ram1 1024 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 1081488; echo rc=$?
dmsetup create t1081488 --table "0 4096 thin /dev/mapper/pool 1081488"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1081488; echo rc=$?
dmsetup message pool 0 delete 1081488; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
