# difffuzz v2 seed 2 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's2b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'c' >> /tmp/p
printf 's2b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's2b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'z' >> /tmp/p
printf 's2b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'Y' >> /tmp/p
dmsetup deps -o devname top; echo rc=$?
dmsetup create d3 --table '0 2048 zero'; echo rc=$?
dmsetup message d3 0 1 2 3; echo rc=$?
printf '0 104 switch 3 64 0 /dev/ram0 0 /dev/ram3 0 1:2 0\n' | dmsetup reload d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=185 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=185 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d3 0 @cancel_deferred_remove; echo rc=$?
printf '0 128 linear /dev/mapper/d3 344\n' | dmsetup create d1 -r; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 16 linear\n' | dmsetup load d3; echo rc=$?
dmsetup message d3 0 set_region_mappings 7:3; echo rc=$?
printf '0 512 linear /dev/ram1 640\n' | dmsetup create d0 -r; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=26 seek=75 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=75 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup create top --table '0 256 linear /dev/ram3 88'; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=1 seek=6 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=6 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup table --inactive d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=4096 skip=28 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram1; echo rc=$?
fi
printf '0 512 error\n' | dmsetup create d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
