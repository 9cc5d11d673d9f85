# difffuzz v2 seed 101 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's101b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's101b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's101b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'H' >> /tmp/p
printf 's101b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'k' >> /tmp/p
dmsetup deps -o devname lv_x; echo rc=$?
printf '0 2048 delay 1:1 0 0 1:1 0 0\n' | dmsetup create d1; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
printf '0 16 delay /dev/ram2 1616 0\n16 32 linear /dev/ram0 1200\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=1249 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d1; echo rc=$?
dmsetup table lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup reload d1 --table '8 2048 delay /dev/ram0 0 2'; echo rc=$?
dmsetup create top --notable; echo rc=$?
dmsetup message d1 0 @stats_list; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup message top 0 hello; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
