# thinfuzz v1 seed 49 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s49p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'L' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s49p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s49p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s49p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'i' >> /tmp/p3; done
dmsetup create pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 1024 1 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup reload pool --table "0 9216 thin-pool /dev/ram0 /dev/ram1 1024 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 17408 thin-pool /dev/ram0 /dev/ram1 1024 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 1235744; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_snap 5 1235744; echo rc=$?
dmsetup message pool 0 delete 1235744; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_snap 6 5; echo rc=$?
dmsetup message pool 0 create_snap 10 6; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup reload pool --table "0 23552 thin-pool /dev/ram0 /dev/ram1 1024 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status; echo rc=$?
dmsetup reload pool --table "0 23552 thin-pool /dev/ram0 /dev/ram1 1024 1 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 set_transaction_id 0 5; echo rc=$?
dmsetup message pool 0 set_transaction_id 5 6; echo rc=$?
dmsetup create t2 --table "0 5120 thin /dev/mapper/pool 2"; echo rc=$?
dmsetup message pool 0 create_snap 13056751 5; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t2; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
