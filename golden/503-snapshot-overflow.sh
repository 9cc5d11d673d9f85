# a full COW: P invalidates (Invalid, errors, header valid=0), PO overflows, N invalidates
dmesg -n 1
modprobe brd rd_nr=4 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 64 > /tmp/A
dmsetup create cp --table "0 48 linear /dev/ram1 0"
dmsetup create cpo --table "0 48 linear /dev/ram2 0"
dmsetup create cn --table "0 24 linear /dev/ram3 0"
dmsetup create o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup create sp --table "0 8192 snapshot /dev/ram0 /dev/mapper/cp P 8"
dmsetup create spo --table "0 8192 snapshot /dev/ram0 /dev/mapper/cpo PO 8"
dmsetup create sn --table "0 8192 snapshot /dev/ram0 /dev/mapper/cn N 8"
dmsetup status
dd if=/tmp/A of=/dev/mapper/spo bs=4096 count=4 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status spo
dd if=/tmp/A of=/dev/mapper/spo bs=4096 seek=4 count=1 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status spo
dd if=/dev/mapper/spo bs=4096 count=1 iflag=direct 2>/dev/null | md5sum
dd if=/tmp/A of=/dev/mapper/o bs=4096 count=2 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=2 count=4 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/dev/mapper/sp bs=4096 count=1 iflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/sn bs=4096 count=1 iflag=direct 2>/dev/null; echo rc=$?
dd if=/tmp/A of=/dev/mapper/sp bs=4096 count=1 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/ram1 bs=4096 iflag=direct 2>/dev/null | hexdump -C
dd if=/dev/ram2 bs=4096 iflag=direct 2>/dev/null | hexdump -C | head -12
dmsetup info -c -o name,events
dmsetup remove sp
dmsetup create sp --table "0 8192 snapshot /dev/ram0 /dev/mapper/cp P 8"
dmsetup status sp
dmsetup remove spo
dmsetup create spo --table "0 8192 snapshot /dev/ram0 /dev/mapper/cpo PO 8"
dmsetup status spo
dmesg | sed 's/^\[[^]]*\] //'
