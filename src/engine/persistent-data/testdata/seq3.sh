modprobe brd rd_nr=2 rd_size=32768
dmsetup create pool --table "0 65536 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 3
dmsetup create thin --table "0 2097152 thin /dev/mapper/pool 3"
i=0; while [ $i -lt 400 ]; do dd if=/dev/zero of=/dev/mapper/thin bs=64k count=1 seek=$(( (i * 7919) % 10007 )) oflag=direct conv=fsync 2>/dev/null; i=$((i+1)); done
dmsetup status pool
dmsetup status thin
dmsetup remove thin
dmsetup message pool 0 create_snap 4 3
dmsetup message pool 0 delete 3
dmsetup status pool
dmsetup remove pool
md5sum /dev/ram0
# recorded: the output above up to md5sum (a dump of the device through the serial console lost bytes)
