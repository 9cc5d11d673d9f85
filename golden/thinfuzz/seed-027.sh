# thinfuzz v1 seed 27 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s27p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'U' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s27p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s27p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'a' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s27p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 256 3 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup status; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 4; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup table; echo rc=$?
dmsetup reload pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 256 3 3 error_if_no_space no_discard_passdown skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 set_transaction_id 4 7; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_snap 9362292 6; echo rc=$?
dmsetup reload pool --table "0 3840 thin-pool /dev/ram0 /dev/ram1 256 3 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_snap 12 0; echo rc=$?
dmsetup message pool 0 create_snap 1 2; echo rc=$?
dmsetup message pool 0 create_snap 15 6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_snap 6637836 2; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
