# /sys/block/<dev>/queue/ and the disk's attributes for brd and loop: every queue attribute of ram0, the loop device's unbound, bound to a file on tmpfs (discard by punching holes, a write cache) and detached (its discard limits stay)
modprobe brd rd_nr=2 rd_size=16384
modprobe loop
ls /sys/block/ram0
ls /sys/block/ram0/queue
cd /sys/block/ram0/queue
for f in *; do echo "$f: $(cat $f 2>&1)"; done
cd /sys/block/ram0
for f in alignment_offset capability dev discard_alignment diskseq events events_async events_poll_msecs ext_range hidden inflight range removable ro size stat uevent; do echo "$f: $(cat $f)"; done
cd /
q() { for f in logical_block_size physical_block_size minimum_io_size optimal_io_size max_sectors_kb max_hw_sectors_kb discard_granularity discard_max_bytes discard_max_hw_bytes write_zeroes_max_bytes rotational write_cache scheduler nr_requests iostats rq_affinity io_poll_delay wbt_lat_usec; do echo "$1 $f: $(cat /sys/block/$1/queue/$f)"; done; for f in capability ext_range range events diskseq; do echo "$1 $f: $(cat /sys/block/$1/$f)"; done; }
q loop1
truncate -s 8M /tmp/img
losetup /dev/loop0 /tmp/img
q loop0
losetup -r /dev/loop2 /tmp/img
cat /sys/block/loop2/queue/write_cache /sys/block/loop2/ro
losetup -d /dev/loop0
q loop0
