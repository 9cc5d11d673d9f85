# queue/ of targets without io_hints (mirror, delay, flakey, switch, snapshot-origin: their devices' limits stacked; discards only if every device takes them) and of dm on dm (linear over a thin device keeps its discard limits; over a pool with no_discard_passdown)
modprobe brd rd_nr=4 rd_size=16384
modprobe loop
q() { for f in physical_block_size minimum_io_size optimal_io_size max_sectors_kb max_segments max_segment_size discard_granularity discard_max_bytes discard_max_hw_bytes write_zeroes_max_bytes write_cache fua rotational read_ahead_kb; do echo "$1 $f: $(cat /sys/block/$1/queue/$f)"; done; }
truncate -s 16M /tmp/a /tmp/b
losetup /dev/loop0 /tmp/a
losetup /dev/loop1 /tmp/b
dmsetup create m --table '0 8192 mirror core 1 1024 2 /dev/loop0 0 /dev/loop1 0'
q dm-0
dmsetup create m2 --table '0 8192 mirror core 1 1024 2 /dev/loop0 8192 /dev/ram0 0'
q dm-1
dmsetup create d --table '0 8192 delay /dev/loop0 16384 10 /dev/ram1 0 20'
q dm-2
dmsetup create f --table '0 8192 flakey /dev/loop1 16384 10 0'
q dm-3
dmsetup create sw --table '0 8192 switch 2 64 0 /dev/loop1 24576 /dev/loop0 24576'
q dm-4
dmsetup create so --table '0 8192 snapshot-origin /dev/ram2'
q dm-5
dd if=/dev/zero of=/dev/ram3 bs=4096 count=1 2>/dev/null
truncate -s 64M /tmp/data
losetup /dev/loop2 /tmp/data
dmsetup create pool --table '0 131072 thin-pool /dev/ram3 /dev/loop2 128 0 1 no_discard_passdown'
q dm-6
dmsetup message pool 0 'create_thin 1'
dmsetup create thin --table '0 20000 thin /dev/mapper/pool 1'
q dm-7
dmsetup create top --table '0 20000 linear /dev/mapper/thin 0'
q dm-8
dmsetup create top2 --table '0 10000 linear /dev/mapper/thin 0
10000 8192 linear /dev/mapper/m 0'
q dm-9
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
