# difffuzz v2 seed 129 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's129b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's129b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'H' >> /tmp/p
printf 's129b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's129b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
dmsetup ls --target linear; echo rc=$?
printf '0 480 switch 2 16 0 /dev/ram1 0 /dev/ram0 0\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=26 seek=479 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=479 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 striped 2 8 /dev/ram0 4384 /dev/ram0 5808\n1024 128 striped 2 64 /dev/ram0 5840 1:0 5904\n' | dmsetup create d0; echo rc=$?
dmsetup rename d0 d2; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
dmsetup suspend d2; echo rc=$?
dmsetup reload d2 --table '0 128 delay /dev/ram0 848 2'; echo rc=$?
dmsetup table --inactive d1; echo rc=$?
dmsetup suspend --nolockfs d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
