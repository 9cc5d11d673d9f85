# difffuzz v2 seed 60 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's60b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'G' >> /tmp/p
printf 's60b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's60b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
printf 's60b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
dmsetup create d2 --notable; echo rc=$?
dmsetup suspend d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=0 seek=0 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup deps; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 linear /dev/ram0 3008\n' | dmsetup load d2; echo rc=$?
dmsetup create d1 --table '0 1024 flakey /dev/ram0 2584 0 3600 5 corrupt_bio_byte 33 w 208 0'; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 128 switch 3 64 0 /dev/mapper/d1 0 /dev/ram1 0 /dev/mapper/d1 0\n' | dmsetup create d3; echo rc=$?
dmsetup message d3 0 set_region_mappings 0:1; echo rc=$?
printf '0 16 zero\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=58 count=5 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=30 seek=515 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=515 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
printf '0 256 delay /dev/ram1 176 1\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=14 seek=58 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=58 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=19 seek=214 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=214 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create lv_x --table '0 96 switch 2 8 0 /dev/mapper/d3 0 /dev/ram1 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=6 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
