# log-writes and discards: blkdiscard through a log-writes device (which takes discards its RAM disk does not), logged in completion order without data
dmesg -n 1
modprobe brd rd_nr=2 rd_size=4096
dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1"
printf 'AAAA%.0s' $(seq 1 1024) | dd of=/dev/mapper/lw bs=4096 seek=2 count=1 iflag=fullblock oflag=direct 2>/dev/null; echo rc=$?
blkdiscard -o 4096 -l 8192 /dev/mapper/lw; echo rc=$?
blkdiscard -v -o 65536 -l 4096 /dev/mapper/lw; echo rc=$?
blkdiscard -v /dev/mapper/lw; echo rc=$?
printf 'BBBB%.0s' $(seq 1 1024) | dd of=/dev/mapper/lw bs=4096 seek=3 count=1 iflag=fullblock oflag=direct conv=fsync 2>/dev/null; echo rc=$?
dmsetup message lw 0 mark d
dmsetup status lw
dmsetup remove lw
hexdump -C /dev/ram1 | head -40
dmesg | grep -v brd | sed 's/^\[[^]]*\] //'
