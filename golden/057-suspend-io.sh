# I/O to a suspended device waits until resume
modprobe brd rd_nr=1 rd_size=4096
echo "0 8192 linear /dev/ram0 0" | dmsetup create x
dmsetup suspend x
(dd if=/dev/zero of=/dev/mapper/x bs=4k count=1 2>/dev/null; echo dd done) &
sleep 1
echo before resume
dmsetup info x | grep State
dmsetup resume x
wait
echo after
dmsetup suspend x
(printf 'queued' | dd of=/dev/mapper/x bs=512 conv=sync oflag=direct 2>/dev/null; echo direct write done rc=$?) &
sleep 1
echo still suspended
dd if=/dev/ram0 bs=512 count=1 status=none | head -c 6 | od -c
dmsetup resume x
wait
blockdev --flushbufs /dev/ram0
dd if=/dev/ram0 bs=512 count=1 status=none | head -c 6; echo
