# log-writes: 4 KiB logical blocks (crypt sector_size:4096 below), a long mark cut, running out of log space, a failing log device, a table offset
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
dmsetup create c4k --table "0 8192 crypt aes-cbc-essiv:sha256 0123456789abcdef0123456789abcdef 0 /dev/ram0 0 1 sector_size:4096"
dmsetup create lw --table "0 8192 log-writes /dev/mapper/c4k /dev/ram1"; echo rc=$?
blockdev --getss /dev/mapper/lw
dmsetup status lw
printf 'DDDD%.0s' $(seq 1 2048) | dd of=/dev/mapper/lw bs=8192 seek=1 count=1 iflag=fullblock oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/lw of=/dev/null bs=4096 count=4 iflag=direct 2>/dev/null; echo rc=$?
blockdev --flushbufs /dev/mapper/lw; echo rc=$?
sync; echo rc=$?
sleep 1
dmsetup status lw
dmsetup message lw 0 mark $(printf 'm%.0s' $(seq 1 5000)); echo rc=$?
sleep 1
dmsetup status lw
dmsetup remove lw
hexdump -C /dev/ram1 | head -40
# a log device of 16 sectors: the third entry does not fit
dmsetup create small --table "0 16 linear /dev/ram2 0"
dmsetup create lw2 --table "0 8192 log-writes /dev/ram0 /dev/mapper/small"; echo rc=$?
dd if=/dev/zero of=/dev/mapper/lw2 bs=2048 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/mapper/lw2 bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw2
dmsetup message lw2 0 mark after; echo rc=$?
dd if=/dev/zero of=/dev/mapper/lw2 bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw2
dmsetup remove lw2
hexdump -C /dev/mapper/small
# a log device that fails every write
dmsetup create bad --table "0 8192 error"
dmsetup create lw3 --table "0 8192 log-writes /dev/ram0 /dev/mapper/bad"; echo rc=$?
dd if=/dev/zero of=/dev/mapper/lw3 bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw3
dmsetup message lw3 0 mark x; echo rc=$?
sleep 1
dmsetup status lw3
dmsetup remove lw3; echo rc=$?
# a log-writes target after sector 0 logs the mapped device's sectors (and writes there)
dmsetup create lw4 --table "0 2048 linear /dev/ram2 0
2048 2048 log-writes /dev/ram0 /dev/ram1"; echo rc=$?
printf 'EEEE%.0s' $(seq 1 1024) | dd of=/dev/mapper/lw4 bs=4096 seek=256 count=1 oflag=direct conv=fsync 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lw4
dmsetup remove lw4
hexdump -C /dev/ram1 | head -12
hexdump -C -s 1048576 -n 4096 /dev/ram0 | head -4
dmesg | grep -v brd | sed 's/^\[[^]]*\] //'
