# difffuzz v2 seed 115 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's115b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's115b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's115b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's115b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'v' >> /tmp/p
dmsetup status d2; echo rc=$?
printf '0 32 delay /dev/ram3 1024 2 /dev/ram2 560 3\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=19 seek=5 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=5 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
printf '0 16 unstriped 2 8 0 /dev/ram3 99999999999\n' | dmsetup reload d2; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup create d3 --table '0 512 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=11 seek=13 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=13 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create lv_x --table '0 16 linear /dev/ram3 1168'; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
printf '0 16 linear /dev/mapper/d2 0\n16 1024 linear /dev/ram1 464\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=192 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create top --table '0 256 switch 2 8 0 /dev/ram3 0 /dev/mapper/d3 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=21 seek=1657 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=1657 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram1; echo rc=$?
fi
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=5 seek=1 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=11 seek=267 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=267 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d1; echo rc=$?
printf '8 128 linear /dev/ram3 1176\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=249 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table d3; echo rc=$?
dmsetup load d2 --table '1 2048 error'; echo rc=$?
printf '0 512 linear /dev/mapper/d1 424\n' | dmsetup create top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
