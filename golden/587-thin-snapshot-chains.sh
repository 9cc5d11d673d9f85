# snapshots of snapshots, deleting an origin in use and after, a discard, thin_ls sizes (1280KiB), the metadata md5. The pool's worker commits when it runs more than a second after its last commit (need_commit_due_to_time): the sleep puts that second where the kernel tool's own command times (~0.1 s each) put it
dmesg -n 1
modprobe brd rd_nr=2 rd_size=32768
seq 1 900000 > /tmp/pat
dmsetup create pool --table "0 65536 thin-pool /dev/ram0 /dev/ram1 256 16 1 skip_block_zeroing"
dmsetup message pool 0 create_thin 1
dmsetup create a --table "0 20000 thin /dev/mapper/pool 1"
dd if=/tmp/pat of=/dev/mapper/a bs=4k count=300 seek=7 2>/dev/null; sync
dmsetup message pool 0 create_snap 2 1
dmsetup message pool 0 create_snap 3 2
dmsetup create c --table "0 20000 thin /dev/mapper/pool 3"
dd if=/tmp/pat of=/dev/mapper/c bs=4k count=50 seek=100 skip=1000 oflag=direct 2>/dev/null
dd if=/tmp/pat of=/dev/mapper/a bs=512 count=9 seek=3 skip=77 oflag=direct 2>/dev/null
dmsetup message pool 0 delete 2
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup status
dd if=/dev/mapper/c bs=4k count=400 iflag=direct 2>/dev/null | md5sum
dd if=/dev/mapper/a bs=4k count=400 iflag=direct 2>/dev/null | md5sum
sleep 1.5
dmsetup remove a
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 create_snap 4 3
dmsetup create d --table "0 40000 thin /dev/mapper/pool 4"
dd if=/tmp/pat of=/dev/mapper/d bs=64k count=20 seek=10 skip=5 2>/dev/null; sync
blkdiscard -o 0 -l 1048576 /dev/mapper/d
dmsetup status
dmsetup remove d
dmsetup remove c
dmsetup message pool 0 reserve_metadata_snap
thin_ls -m /dev/ram0
dmsetup message pool 0 release_metadata_snap
dmsetup remove pool
thin_dump /dev/ram0
md5sum /dev/ram0
thin_check /dev/ram0; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //' | grep -v "discard unsupported"
