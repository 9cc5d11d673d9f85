# ls /sys/block/<dev> and queue/ (kernfs entries as ls sorts them), a disk's integrity/, trace/, power/ and bdi/ directories, uevent, diskseq (every disk allocated takes the next, a dm device at create even with no table or a failed table, a loop device again at bind and detach), attributes whose show() fails (wbt_lat_usec of a bio-based queue, power/autosuspend_delay_ms)
modprobe brd rd_nr=1 rd_size=16384
dmsetup create lin --table '0 1000 linear /dev/ram0 0'
ls /sys/block/ram0 /sys/block/dm-0 /sys/block/dm-0/queue
for d in integrity trace power bdi; do echo "== $d"; ls /sys/block/dm-0/$d; cd /sys/block/dm-0/$d; for f in *; do [ -f $f ] && echo "$f: $(cat $f 2>&1)"; done; cd /; done
ls /sys/block/ram0/bdi/subsystem /sys/block/ram0/subsystem
cat /sys/block/ram0/bdi/subsystem/254:0/read_ahead_kb
cat /sys/block/dm-0/uevent /sys/block/ram0/uevent
cat /sys/block/dm-0/queue/wbt_lat_usec; echo rc=$?
cat /sys/block/ram0/power/autosuspend_delay_ms; echo rc=$?
dmsetup create nt --notable
dmsetup create bad --table '0 1000 linear /dev/ram0 999'
dmsetup create lin2 --table '0 1000 linear /dev/ram0 0'
ls /sys/block
cat /sys/block/dm-1/diskseq /sys/block/dm-1/dm/name
dmsetup load nt --table '0 8 zero'
dmsetup resume nt
cat /sys/block/dm-1/diskseq /sys/block/dm-2/diskseq
modprobe loop
cat /sys/block/loop0/diskseq /sys/block/loop7/diskseq
truncate -s 1M /tmp/img
losetup /dev/loop3 /tmp/img
cat /sys/block/loop3/diskseq
losetup -d /dev/loop3
cat /sys/block/loop3/diskseq
blockdev --setra 1024 /dev/mapper/lin
cat /sys/block/dm-0/queue/read_ahead_kb /sys/block/dm-0/bdi/read_ahead_kb
cat /sys/block/dm-0/alignment_offset /sys/block/dm-0/discard_alignment /sys/block/dm-0/hidden /sys/block/dm-0/range /sys/block/dm-0/events_poll_msecs
