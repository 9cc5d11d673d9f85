# log-writes: table, status, errors, marks, the log device's bytes after writes, a flush and marks
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
dmsetup create lw --table "0 8192 log-writes /dev/ram0"; echo rc=$?
dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram9"; echo rc=$?
dmsetup create lw --table "0 8192 log-writes /dev/ram9 /dev/ram1"; echo rc=$?
dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1 extra"; echo rc=$?
dmsetup remove lw
dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1"; echo rc=$?
dmsetup table lw
dmsetup status lw
printf 'AAAA%.0s' $(seq 1 1024) | dd of=/dev/mapper/lw bs=4096 count=1 oflag=direct 2>/dev/null; echo rc=$?
printf 'BBBB%.0s' $(seq 1 256) | dd of=/dev/mapper/lw bs=1024 seek=9 count=1 oflag=direct 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw
dmsetup message lw 0 mark first; echo rc=$?
sleep 1
dmsetup status lw
printf 'CCCC%.0s' $(seq 1 1024) | dd of=/dev/mapper/lw bs=4096 seek=1 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw
dmsetup message lw 0 mark second; echo rc=$?
dmsetup message lw 0 mark; echo rc=$?
dmsetup message lw 0 mark a b; echo rc=$?
dmsetup message lw 0 MARK Third; echo rc=$?
dmsetup message lw 0 bogus x; echo rc=$?
sleep 1
dmsetup status lw
dmsetup remove lw; echo rc=$?
dmesg | grep -v brd | sed 's/^\[[^]]*\] //'
hexdump -C /dev/ram1 | head -80
md5sum /dev/ram0 /dev/ram1
