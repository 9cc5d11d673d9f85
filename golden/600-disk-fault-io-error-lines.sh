# The block layer's line for a failed request (blk_print_req_error) for O_DIRECT reads and
# writes of a page. Linux: a loop device doing direct I/O onto an error target, so that every
# request it gets fails. dm-playground: a loop device over a file with a disk fault rule failing
# every bio (its own diskfault tool; README "Differences from Linux"). Multi-page requests are
# left out: their phys_seg depends on where Linux's allocator put dd's buffer (15 or 16 for
# 64 KiB between two boots).
modprobe brd rd_nr=1 rd_size=4096
modprobe loop
if command -v diskfault >/dev/null 2>&1; then
  truncate -s 4M /tmp/disk.img
  losetup /dev/loop0 /tmp/disk.img
  diskfault add loop0 --op any --errno EIO >/dev/null
else
  dmsetup create e --table "0 8192 error"
  losetup --direct-io=on /dev/loop0 /dev/mapper/e
fi
echo == write 4k at 12k
dd if=/dev/zero of=/dev/loop0 bs=4096 count=1 seek=3 oflag=direct 2>&1; echo rc=$?
echo == write 4k at 4M-4k
dd if=/dev/zero of=/dev/loop0 bs=4096 count=1 seek=1023 oflag=direct 2>&1; echo rc=$?
echo == read 4k at 20k
dd if=/dev/loop0 of=/dev/null bs=4096 count=1 skip=5 iflag=direct 2>&1; echo rc=$?
echo == read 4k at 0
dd if=/dev/loop0 of=/dev/null bs=4096 count=1 iflag=direct 2>&1; echo rc=$?
echo == dmesg
dmesg | grep 'I/O error' | sed 's/^\[[^]]*\] //'
