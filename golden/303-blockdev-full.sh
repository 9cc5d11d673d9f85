# blockdev: every busybox option, on RAM disk, loop and dm devices; sizes past 2^53 bytes
modprobe brd rd_nr=1 rd_size=8192
modprobe loop
truncate -s 4M /tmp/f.img
losetup -f /tmp/f.img
dmsetup create big --table "0 4503599627370496 zero"
dmsetup create lin --table "0 100 linear /dev/ram0 0"
for d in /dev/ram0 /dev/loop0 /dev/mapper/big /dev/mapper/lin; do
  for o in --getsize --getsz --getsize64 --getss --getbsz --getro --getra; do echo "$d $o $(blockdev $o $d)"; done
done
blockdev --setra 512 /dev/mapper/lin; blockdev --getra /dev/mapper/lin
blockdev --setra 64 /dev/loop0; blockdev --getra /dev/loop0
blockdev --setbsz 1024 /dev/ram0; echo rc=$?; blockdev --getbsz /dev/ram0
blockdev --setra x /dev/ram0; echo rc=$?
blockdev --rereadpt /dev/loop0; echo rc=$?
blockdev --rereadpt /dev/ram0; echo rc=$?
blockdev --flushbufs /dev/loop0; echo rc=$?
blockdev --getsize /tmp/f.img; echo rc=$?
