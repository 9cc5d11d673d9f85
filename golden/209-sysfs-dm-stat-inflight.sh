# /sys/block/dm-N/stat and inflight: dm accounts every piece it splits a bio into (a target's end, striped's chunk) as an I/O; O_DIRECT and buffered writes (written back a page per bio), an fsync's flush counted as a write of 0 sectors only where the device has a write cache (over loop), none while a bio waits on a suspended device; brd accounts nothing. Times (fields 4, 8, 10, 11, 15, 17) depend on the host and are left out.
modprobe brd rd_nr=3 rd_size=16384
modprobe loop
st() { set -- $(cat /sys/block/$1/stat); echo "reads $1 $2 $3 writes $5 $6 $7 inflight $9 discards ${12} ${13} ${14} flushes ${16}"; }
dmsetup create lin --table '0 8192 linear /dev/ram0 0
8192 8192 linear /dev/ram1 0'
st dm-0
dd if=/dev/zero of=/dev/mapper/lin bs=4096 count=1 oflag=direct 2>/dev/null
st dm-0
dd if=/dev/mapper/lin of=/dev/null bs=4096 count=1 iflag=direct 2>/dev/null
st dm-0
dd if=/dev/zero of=/dev/mapper/lin bs=1M count=1 seek=3 oflag=direct 2>/dev/null
st dm-0
dd if=/dev/zero of=/dev/mapper/lin bs=64k count=2 seek=63 oflag=direct 2>/dev/null
st dm-0
dd if=/dev/mapper/lin of=/dev/null bs=8k count=1 iflag=direct skip=511 2>/dev/null
st dm-0
dd if=/dev/zero of=/dev/mapper/lin bs=4096 count=1 conv=fsync 2>/dev/null
st dm-0
dd if=/dev/zero of=/dev/mapper/lin bs=1M count=1 2>/dev/null
st dm-0
dmsetup create st --table '0 8192 striped 2 128 /dev/ram2 0 /dev/ram1 8192'
dd if=/dev/zero of=/dev/mapper/st bs=1M count=1 oflag=direct 2>/dev/null
st dm-1
dd if=/dev/mapper/st of=/dev/null bs=256k count=2 iflag=direct 2>/dev/null
st dm-1
truncate -s 16M /tmp/img
losetup /dev/loop0 /tmp/img
dmsetup create ol --table '0 8192 linear /dev/loop0 0'
cat /sys/block/dm-2/queue/write_cache
dd if=/dev/zero of=/dev/mapper/ol bs=4096 count=1 oflag=direct 2>/dev/null
st dm-2
dd if=/dev/zero of=/dev/mapper/ol bs=4096 count=1 oflag=direct conv=fsync 2>/dev/null
st dm-2
dmsetup suspend lin
dd if=/dev/zero of=/dev/mapper/lin bs=4096 count=1 oflag=direct 2>/dev/null &
sleep 1
cat /sys/block/dm-0/inflight
st dm-0
dmsetup resume lin
wait
st dm-0
cat /sys/block/dm-0/inflight /sys/block/ram0/inflight /sys/block/ram0/stat
