# snapshot-origin, snapshot (P, PO, N, feature args) table and status lines before and after writes
dmesg -n 1
modprobe brd rd_nr=4 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 8 > /tmp/A; fill B 8 > /tmp/B; fill C 16 > /tmp/C
dmsetup create base --table "0 8192 linear /dev/ram0 0"
dmsetup create o --table "0 8192 snapshot-origin /dev/mapper/base"
dmsetup create sp --table "0 8192 snapshot /dev/mapper/base /dev/ram1 P 8"
dmsetup create spo --table "0 8192 snapshot /dev/mapper/base /dev/ram2 PO 16"
dmsetup create sn --table "0 8192 snapshot /dev/mapper/base /dev/ram3 N 8"
dmsetup table; dmsetup status
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=3 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/tmp/B of=/dev/mapper/sp bs=4096 seek=10 oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/C of=/dev/mapper/spo bs=4096 seek=0 oflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/B of=/dev/mapper/sn bs=512 seek=1 count=1 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dmsetup remove sp spo sn
dmsetup create f1 --table "0 8192 snapshot /dev/mapper/base /dev/ram1 N 8 1 discard_zeroes_cow"
dmsetup create f2 --table "0 8192 snapshot /dev/mapper/base /dev/ram2 P 8 2 discard_zeroes_cow discard_passdown_origin"
dmsetup create f3 --table "0 8192 snapshot /dev/mapper/base /dev/ram3 p 8 2 DISCARD_PASSDOWN_ORIGIN discard_zeroes_cow"
dmsetup table; dmsetup status
dmsetup create o2 --table "0 4096 snapshot-origin /dev/mapper/base
4096 4096 snapshot-origin /dev/ram0 4096"
echo rc=$?
dmsetup message sp 0 hello; echo rc=$?
dmsetup message f1 0 hello; echo rc=$?
dmsetup message o 0 hello; echo rc=$?
dmsetup ls --tree
dmsetup deps
dmesg | sed 's/^\[[^]]*\] //'
