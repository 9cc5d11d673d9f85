# merging a snapshot back into its origin, the way LVM does it, and a direct snapshot-merge
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 8 > /tmp/A; fill B 8 > /tmp/B; fill C 8 > /tmp/C
dmsetup create base --table "0 8192 linear /dev/ram0 0"
dmsetup create o --table "0 8192 snapshot-origin /dev/mapper/base"
dmsetup create s --table "0 8192 snapshot /dev/mapper/base /dev/ram1 P 8"
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=1 oflag=direct 2>/dev/null
dd if=/tmp/B of=/dev/mapper/s bs=4096 seek=2 oflag=direct 2>/dev/null
dd if=/tmp/B of=/dev/mapper/s bs=4096 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/C of=/dev/mapper/s bs=4096 seek=7 oflag=direct 2>/dev/null
dmsetup status s
dd if=/dev/mapper/s bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dmsetup suspend s
dmsetup suspend o
dmsetup load o --table "0 8192 snapshot-merge /dev/mapper/base /dev/ram1 P 8"
dmsetup resume o; echo rc=$?
dmsetup table o
sleep 1
dmsetup status o
dmsetup status s
dd if=/dev/mapper/o bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/ram0 bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dmsetup remove s
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | hexdump -C | head -8
dmsetup suspend o
dmsetup load o --table "0 8192 snapshot-origin /dev/mapper/base"
dmsetup resume o
dmsetup table o; dmsetup status o
dmsetup remove o
dmsetup create s --table "0 8192 snapshot /dev/mapper/base /dev/ram2 P 8"
dd if=/tmp/C of=/dev/mapper/s bs=4096 seek=0 oflag=direct 2>/dev/null
dd if=/tmp/C of=/dev/mapper/s bs=4096 seek=9 oflag=direct 2>/dev/null
dmsetup status s
dmsetup remove s
dmsetup create m --table "0 8192 snapshot-merge /dev/mapper/base /dev/ram2 P 8"; echo rc=$?
sleep 1
dmsetup status m
dd if=/dev/ram0 bs=4096 count=1 iflag=direct 2>/dev/null | hexdump -C | head -2
dmsetup create s2 --table "0 8192 snapshot /dev/mapper/base /dev/ram1 P 8"; echo rc=$?
dmsetup create m2 --table "0 8192 snapshot-merge /dev/mapper/base /dev/ram1 P 8"; echo rc=$?
dmsetup remove m
dd if=/dev/ram2 bs=4096 iflag=direct 2>/dev/null | hexdump -C | head -8
dmesg | sed 's/^\[[^]]*\] //'
