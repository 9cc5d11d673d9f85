# dm_snapshot in lsmod: each snapshot holds it twice (its target, its exception store type)
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
lsmod | grep -E '^dm_snapshot '
dmsetup create o --table "0 8192 snapshot-origin /dev/ram0"
dmsetup create s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
dmsetup create n --table "0 8192 snapshot /dev/ram0 /dev/ram2 N 8"
lsmod | grep -E '^dm_snapshot '
dmsetup load s --table "0 8192 snapshot /dev/ram0 /dev/ram1 P 8"
lsmod | grep -E '^dm_snapshot '
rmmod dm_snapshot; echo rc=$?
dmsetup remove s o n
lsmod | grep -E '^dm_snapshot '
rmmod dm_snapshot; echo rc=$?
dmsetup targets | grep snapshot; echo rc=$?
lsmod | grep -E '^dm_snapshot '; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
