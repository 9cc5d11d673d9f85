# blockdev queries and settings on RAM disks
modprobe brd rd_nr=2 rd_size=4096
blockdev --getsz /dev/ram0
blockdev --getsize64 /dev/ram0
blockdev --getss /dev/ram0
blockdev --getbsz /dev/ram0
blockdev --getro /dev/ram0
blockdev --setro /dev/ram0
echo setro rc=$?
blockdev --getro /dev/ram0
blockdev --setrw /dev/ram0
echo setrw rc=$?
blockdev --getro /dev/ram0
blockdev --flushbufs /dev/ram0
echo flushbufs rc=$?
blockdev --getsz /dev/ram1
blockdev --getsz /dev/nonexistent
echo rc=$?
