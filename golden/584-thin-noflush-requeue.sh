# a write waiting for data space in queue mode is sent back to its thin device by a noflush suspend of that device (do_noflush_start) and goes through after the pool grows; a sleep beside the queued write wakes on time
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 256 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 8192 thin /dev/mapper/pool 0"
dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=2 oflag=direct 2>/dev/null
dd if=/dev/zero of=/dev/mapper/thin0 bs=4k count=1 seek=64 oflag=direct &
sleep 1
dmsetup status
dmsetup suspend --noflush thin0
dmsetup info -c -o name,attr,open
dmsetup reload pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup suspend pool
dmsetup resume pool
dmsetup info -c -o name,attr,open
dmsetup resume thin0
wait
echo rc=$?
dmsetup status
dmesg | grep -v "discard unsupported" | sed 's/^\[[^]]*\] //'
