# exception handover between tables sharing a COW, and the errors when the source is not suspended
dmesg -n 1
modprobe brd rd_nr=2 rd_size=4096
fill() { dd if=/dev/zero bs=512 count=$2 2>/dev/null | tr '\000' "$1"; }
fill A 8 > /tmp/A
dmsetup create o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=1 oflag=direct 2>/dev/null
dmsetup create s2 --notable
dmsetup load s2 --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup table --inactive s2
dmsetup info s2 | grep -E 'State|Tables'
dmsetup create s3 --notable
dmsetup load s3 --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup remove s3
dmsetup resume s2; echo rc=$?
dmsetup suspend s
dmsetup resume s; echo rc=$?
dmsetup resume s2; echo rc=$?
dmsetup status
dmsetup table s2
dmsetup resume s; echo rc=$?
dd if=/tmp/A of=/dev/mapper/o bs=4096 seek=3 oflag=direct 2>/dev/null
dmsetup status
dmsetup remove s
dmsetup load s2 --table "0 8192 snapshot /dev/ram0 /dev/ram1 PO 16"
dmsetup resume s2; echo rc=$?
dmsetup table s2; dmsetup status s2
dmsetup load s2 --table "0 8192 snapshot /dev/ram0 /dev/ram1 N 8"
dmsetup resume s2; echo rc=$?
dmsetup table s2; dmsetup status s2
dmsetup create s4 --notable
dmsetup load s4 --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup remove s2
dmsetup resume s4; echo rc=$?
dmsetup table s4; dmsetup status s4
dmsetup remove s4
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup status s
dmsetup load o --table "0 8192 snapshot-merge /dev/ram0 /dev/ram1 P 8"; echo rc=$?
dmsetup suspend s
dmsetup suspend o
dmsetup resume o; echo rc=$?
sleep 1
dmsetup status
dmsetup remove s
dmsetup load o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup resume o; echo rc=$?
dmsetup table; dmsetup status
dmesg | sed 's/^\[[^]]*\] //'
