# remove a persistent snapshot and build it again from the same COW: exceptions read back
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 8 > /tmp/A; fill B 8 > /tmp/B; fill Z 8 > /tmp/Z
i=0; while [ $i -lt 16 ]; do dd if=/tmp/Z of=/dev/ram0 bs=4096 seek=$i oflag=direct 2>/dev/null; i=$((i+1)); done
dmsetup create o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
dmsetup create n --table "0 8192 snapshot /dev/ram0 /dev/ram2 N 16"
i=0; while [ $i -lt 6 ]; do dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=$((i*2)) oflag=direct 2>/dev/null; i=$((i+1)); done
dd if=/tmp/B of=/dev/mapper/s bs=4096 seek=1 oflag=direct 2>/dev/null
dmsetup status
dd if=/dev/mapper/s bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/n bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dmsetup remove s n
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
dmsetup create n --table "0 8192 snapshot /dev/ram0 /dev/ram2 N 16"
dmsetup status
dd if=/dev/mapper/s bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/n bs=4096 count=16 iflag=direct 2>/dev/null | md5sum
dmsetup remove s
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 16"
dmsetup table s; dmsetup status s
dmsetup remove s
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 0"
dmsetup table s; dmsetup status s
dmsetup remove s
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 N 8"
dmsetup status s
dmsetup remove s n
dd if=/dev/zero of=/dev/ram2 bs=4096 count=1 oflag=direct 2>/dev/null
dmsetup create s2 --table "0 8192 snapshot /dev/ram0 /dev/ram2 P 0"
dmsetup table s2; dmsetup status s2
dd if=/dev/ram2 bs=4096 iflag=direct 2>/dev/null | hexdump -C | head -4
dmsetup remove s2
poke() { dd if=/dev/ram1 of=/tmp/h bs=512 count=1 iflag=direct 2>/dev/null; printf "$2" | dd of=/tmp/h bs=1 seek=$1 conv=notrunc 2>/dev/null; dd if=/tmp/h of=/dev/ram1 bs=512 count=1 oflag=direct 2>/dev/null; }
poke 8 '\002'
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
poke 8 '\001'
poke 4 '\000'
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup status s
dd if=/dev/mapper/s bs=4096 count=1 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/s of=/dev/null bs=4096 count=1 iflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/ram1 bs=4096 count=2 iflag=direct 2>/dev/null | hexdump -C | head -8
dmesg | sed 's/^\[[^]]*\] //'
