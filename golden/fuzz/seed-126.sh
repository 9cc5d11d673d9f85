# difffuzz v2 seed 126 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's126b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'c' >> /tmp/p
printf 's126b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's126b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's126b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'X' >> /tmp/p
printf '0 1024 zero\n' | dmsetup create d1; echo rc=$?
dmsetup message d1 0 set_region_mappings 0:0; echo rc=$?
printf '0 128 linear /dev/mapper/d1 536\n128 2048 linear 1:0 1312\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
dmsetup message d1 0 @cancel_deferred_remove; echo rc=$?
dmsetup rename d1 top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=1024 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message top 0 hello; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup table top; echo rc=$?
printf '0 2048 linear /dev/ram1 3480\n2048 1024 zero\n' > /tmp/t
dmsetup load top /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=742 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume top; echo rc=$?
dmsetup reload lv_x --table '0 16 delay 1:3 3864 1'; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup create top --notable; echo rc=$?
dmsetup create lv_x --table '0 2048 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=198 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
