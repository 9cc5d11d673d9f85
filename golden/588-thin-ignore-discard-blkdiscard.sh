# thinfuzz: BLKDISCARD on a thin device of a pool with ignore_discard (no discard support in its queue) fails with EOPNOTSUPP before any bio (blk_ioctl_discard), on a RAM disk too (6.1 brd has no discard); the pool, held by the thin table, cannot be opened O_EXCL (util-linux 2.38 without -f): EBUSY
modprobe brd rd_nr=3 rd_size=16384
dmsetup create pool --table "0 2560 thin-pool /dev/ram0 /dev/ram1 128 3 1 ignore_discard"
dmsetup message pool 0 create_thin 0
dmsetup create t0 --table "0 1209 thin /dev/mapper/pool 0"
blkdiscard -o 81408 -l 24064 /dev/mapper/t0; echo rc=$?
blkdiscard -o 0 -l 65536 /dev/mapper/t0; echo rc=$?
blkdiscard /dev/mapper/pool; echo rc=$?
blkdiscard -o 0 -l 65536 /dev/ram2; echo rc=$?
cat /sys/block/dm-1/queue/discard_max_bytes /sys/block/dm-1/queue/discard_granularity
dmsetup status
