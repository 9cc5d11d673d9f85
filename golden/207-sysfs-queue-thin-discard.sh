# thin-pool and thin in /sys/block/dm-N/queue: a thin device's discard limits (granularity = pool block, discard_max_bytes 16 GiB, no hw limit), the pool's (brd takes no discards: passdown disabled; a loop data device passes them), ignore_discard, a block larger than brd's max_sectors (io_min and max_sectors_kb follow pool_io_hints), write_cache/fua from flush_supported
modprobe brd rd_nr=4 rd_size=65536
modprobe loop
q() { for f in minimum_io_size optimal_io_size max_sectors_kb max_hw_sectors_kb discard_granularity discard_max_bytes discard_max_hw_bytes write_zeroes_max_bytes write_cache fua read_ahead_kb; do echo "$1 $f: $(cat /sys/block/$1/queue/$f)"; done; }
dd if=/dev/zero of=/dev/ram0 bs=4096 count=1 2>/dev/null
dmsetup create pool --table '0 65536 thin-pool /dev/ram0 /dev/ram1 128 0'
q dm-0
dmsetup message pool 0 'create_thin 1'
dmsetup create thin --table '0 20000 thin /dev/mapper/pool 1'
q dm-1
dd if=/dev/zero of=/dev/ram2 bs=4096 count=1 2>/dev/null
dmsetup create pool2 --table '0 65536 thin-pool /dev/ram2 /dev/ram3 1024 0 1 ignore_discard'
q dm-2
dmsetup message pool2 0 'create_thin 1'
dmsetup create thin2 --table '0 20000 thin /dev/mapper/pool2 1'
q dm-3
truncate -s 64M /tmp/data
losetup /dev/loop0 /tmp/data
dmsetup remove thin2
dmsetup remove pool2
dd if=/dev/zero of=/dev/ram2 bs=4096 count=1 2>/dev/null
dmsetup create pool3 --table '0 131072 thin-pool /dev/ram2 /dev/loop0 256 0'
q dm-2
dmsetup message pool3 0 'create_thin 1'
dmsetup create thin3 --table '0 20000 thin /dev/mapper/pool3 1'
q dm-3
dmsetup table pool3
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
