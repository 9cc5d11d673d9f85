# A buffered write that fails at writeback: the block layer's line for the failed request
# (REQ_SYNC: sync_blockdev's writeback), then buffer_head's "lost async page write", and fsync
# reports the error without flushing. Linux: a loop device doing direct I/O onto an error
# target; dm-playground: a disk fault rule failing every bio of a loop device (see 600).
modprobe brd rd_nr=1 rd_size=4096
modprobe loop
if command -v diskfault >/dev/null 2>&1; then
  truncate -s 4M /tmp/disk.img
  losetup /dev/loop0 /tmp/disk.img
  diskfault add loop0 --errno EIO >/dev/null
else
  dmsetup create e --table "0 8192 error"
  losetup --direct-io=on /dev/loop0 /dev/mapper/e
fi
echo == one page, conv=fsync
dd if=/dev/zero of=/dev/loop0 bs=4096 count=1 seek=4 conv=fsync 2>&1; echo rc=$?
echo == one page at 28k, written back at close
dd if=/dev/zero of=/dev/loop0 bs=4096 count=1 seek=7 2>&1; echo rc=$?
echo == dmesg
dmesg | grep -E 'I/O error|Buffer' | sed 's/^\[[^]]*\] //'
