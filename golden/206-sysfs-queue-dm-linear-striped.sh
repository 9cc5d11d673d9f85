# /sys/block/dm-N: a linear device's entries and queue/ (limits stacked from brd), striped (chunk size -> minimum_io_size, chunk * stripes -> optimal_io_size and read-ahead), zero and error (no devices: stacking limits, no discards), linear over a loop device (its discard and write-zeroes limits pass through)
modprobe brd rd_nr=3 rd_size=16384
modprobe loop
dmsetup create lin --table '0 1000 linear /dev/ram0 0'
ls /sys/block/dm-0 /sys/block/dm-0/queue
cd /sys/block/dm-0/queue
for f in *; do echo "$f: $(cat $f 2>&1)"; done
cd /sys/block/dm-0
for f in alignment_offset capability dev discard_alignment diskseq events events_async events_poll_msecs ext_range hidden inflight range removable ro size uevent; do echo "$f: $(cat $f)"; done
cd /
q() { for f in logical_block_size physical_block_size minimum_io_size optimal_io_size max_sectors_kb max_hw_sectors_kb max_segments max_segment_size max_discard_segments discard_granularity discard_max_bytes discard_max_hw_bytes write_zeroes_max_bytes rotational write_cache fua read_ahead_kb; do echo "$1 $f: $(cat /sys/block/$1/queue/$f)"; done; }
dmsetup create st --table '0 8192 striped 2 128 /dev/ram1 0 /dev/ram2 0'
q dm-1
dmsetup create st3 --table '0 6144 striped 3 16 /dev/ram0 2048 /dev/ram1 10240 /dev/ram2 10240'
q dm-2
dmsetup create z --table '0 1000 zero'
q dm-3
dmsetup create e --table '0 1000 error'
q dm-4
truncate -s 8M /tmp/img
losetup /dev/loop0 /tmp/img
dmsetup create onloop --table '0 8192 linear /dev/loop0 8'
q dm-5
dmsetup create mix --table '0 100 linear /dev/loop0 0
100 100 linear /dev/ram0 0'
q dm-6
cat /sys/block/dm-6/diskseq /sys/block/ram0/diskseq /sys/block/loop0/diskseq
