# thinfuzz seed 11: growing the data device in a reload with read_only extends the in-core data space map without committing it; the reload back to write mode extends it again from the committed size (7 to 12 blocks twice: 17), so a later grow to 13 blocks is "too small" and leaves the pool suspended
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"
dmsetup status pool
dmsetup reload pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 256 3 2 read_only error_if_no_space"
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 3328 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup info -c -o name,attr pool
dmsetup reload pool --table "0 4352 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"
dmsetup resume pool; echo rc=$?
dmsetup status pool
dmsetup remove pool
thin_dump /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
