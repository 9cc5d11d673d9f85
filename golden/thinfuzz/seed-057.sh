# thinfuzz v1 seed 57 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s57p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'T' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s57p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s57p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s57p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create pool --table "0 1024 thin-pool /dev/ram0 /dev/ram1 256 2 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup create t6 --table "0 2304 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup status; echo rc=$?
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 252368 6; echo rc=$?
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 252368; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/ram0; echo rc=$?
dmsetup create pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 2 1 error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 1 6; echo rc=$?
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 2 3 skip_block_zeroing no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t6 --table "0 3072 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 create_snap 12 3; echo rc=$?
dmsetup reload pool --table "0 3328 thin-pool /dev/ram0 /dev/ram1 256 2 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup message pool 0 create_snap 2 1; echo rc=$?
dmsetup create t27 --table "0 1024 thin /dev/mapper/pool 27"; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_snap 11692851 6; echo rc=$?
dmsetup create t7 --table "0 2179 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup message pool 0 create_thin 8; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
