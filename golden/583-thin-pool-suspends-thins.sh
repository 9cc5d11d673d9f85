# a suspended pool suspends its active thin devices internally (dm_internal_suspend_noflush): they stay ACTIVE, their bios wait, and a user suspend or resume of one waits for the pool's resume
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 16384 thin /dev/mapper/pool 0"
dmsetup suspend pool
dmsetup info thin0 | grep State
dmsetup status thin0; echo rc=$?
dd if=/dev/zero of=/dev/mapper/thin0 bs=4k count=1 oflag=direct 2>/dev/null &
sleep 1
dmsetup info -c -o name,attr,open
dmsetup suspend thin0 &
sleep 1
echo suspend-thin-still-waiting
dmsetup info thin0 | grep State
dmsetup resume pool
wait
echo all-done
dmsetup info thin0 | grep State
dmsetup status
dmsetup resume thin0
dmsetup suspend thin0
dmsetup suspend pool
dmsetup info -c -o name,attr
dmsetup resume thin0 &
sleep 1
echo resume-thin-waiting
dmsetup info -c -o name,attr
dmsetup resume pool
wait
dmsetup info -c -o name,attr
dmsetup status
