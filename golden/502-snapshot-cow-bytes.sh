# the persistent COW device byte for byte: header, first metadata area, copied chunks
dmesg -n 1
modprobe brd rd_nr=2 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 8 > /tmp/A; fill B 8 > /tmp/B; fill C 8 > /tmp/C; fill D 1 > /tmp/D; fill E 32 > /tmp/E
dd if=/tmp/E of=/dev/ram0 bs=4096 seek=0 oflag=direct 2>/dev/null
dmsetup create o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | hexdump -C | head -20
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | md5sum
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=1 oflag=direct 2>/dev/null
dd if=/tmp/B of=/dev/mapper/o bs=4096 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/C of=/dev/mapper/s bs=4096 seek=5 oflag=direct 2>/dev/null
dd if=/tmp/D of=/dev/mapper/s bs=512 seek=9 oflag=direct 2>/dev/null
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=1 oflag=direct 2>/dev/null
dd if=/tmp/D of=/dev/mapper/o bs=512 seek=2 oflag=direct 2>/dev/null
dmsetup status s
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | hexdump -C
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/s bs=4096 count=8 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/o bs=4096 count=8 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/s bs=512 skip=8 count=3 iflag=direct 2>/dev/null | hexdump -C
dmesg | sed 's/^\[[^]]*\] //'
