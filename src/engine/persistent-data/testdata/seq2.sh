modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
i=0; while [ $i -lt 300 ]; do dmsetup message pool 0 create_thin $(( (i * 7919) % 1000 )); i=$((i+1)); done
dmsetup status pool
i=0; while [ $i -lt 300 ]; do if [ $((i % 3)) -ne 1 ]; then dmsetup message pool 0 delete $(( (i * 7919) % 1000 )); fi; i=$((i+1)); done
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap
dmsetup status pool
dmsetup message pool 0 create_thin 5000
dmsetup message pool 0 delete 8
dmsetup status pool
dmsetup remove pool
md5sum /dev/ram0
# recorded: the output above up to md5sum (a dump of the device through the serial console lost bytes)
