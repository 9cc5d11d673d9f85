# lsmod, rmmod and insmod as busybox prints them; a target module in use cannot be removed
modprobe brd rd_nr=2 rd_size=8192
lsmod | grep -E '^(Module|dm_flakey|dm_delay|dm_zero|brd) '
dmsetup create f --table "0 8192 flakey /dev/ram0 0 5 5"
dmsetup create two --table "0 4096 flakey /dev/ram1 0 5 5
4096 4096 flakey /dev/ram1 4096 5 5"
dmsetup load f --table "0 8192 flakey /dev/ram0 0 5 5"
lsmod | grep -E '^(dm_flakey|brd) '
rmmod dm_flakey; echo rc=$?
rmmod dm-flakey; echo rc=$?
modprobe -r dm-flakey; echo rc=$?
rmmod dm_delay dm-flakey dm_zero; echo rc=$?
lsmod | grep -E '^(dm_delay|dm_zero) '; echo rc=$?
rmmod brd; echo rc=$?
dmsetup remove_all
lsmod | grep -E '^(dm_flakey|brd) '
rmmod dm_flakey; echo rc=$?
lsmod | grep dm_flakey; echo rc=$?
dmsetup targets | grep flakey; echo rc=$?
rmmod dm_flakey; echo rc=$?
rmmod nonexist; echo rc=$?
rmmod; echo rc=$?
insmod /nonexistent.ko; echo rc=$?
echo garbage > /tmp/bad.ko
insmod /tmp/bad.ko; echo rc=$?
insmod; echo rc=$?
rmmod dm_mod; echo rc=$?
modprobe dm-flakey
lsmod | grep -E '^(dm_flakey|dm_delay|brd) '
rmmod brd; echo rc=$?
lsmod | grep -E '^brd '; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
