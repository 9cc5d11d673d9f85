# blockdev on dm devices: sizes, read-only flag, flushbufs
modprobe brd rd_nr=2 rd_size=4096
dmsetup create a --table "0 3000 linear /dev/ram0 0"
dmsetup create b --table "0 4096 striped 2 8 /dev/ram1 0 /dev/ram0 4096"
for d in /dev/mapper/a /dev/mapper/b; do
  echo "$d $(blockdev --getsz $d) $(blockdev --getsize64 $d) $(blockdev --getss $d) $(blockdev --getbsz $d) $(blockdev --getro $d)"
done
blockdev --setro /dev/mapper/a
echo setro rc=$?
blockdev --getro /dev/mapper/a
dmsetup info a
dd if=/dev/zero of=/dev/mapper/a bs=512 count=1
echo rc=$?
blockdev --setrw /dev/mapper/a
blockdev --getro /dev/mapper/a
dd if=/dev/zero of=/dev/mapper/a bs=512 count=1 status=none
echo rc=$?
blockdev --flushbufs /dev/mapper/b
echo flush rc=$?
blockdev --getsz /dev/dm-0
blockdev --getsz /dev/mapper/nosuch
echo rc=$?
blockdev
echo usage rc=$?
