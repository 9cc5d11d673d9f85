# difffuzz v2 seed 54 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's54b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's54b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's54b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
printf 's54b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Z' >> /tmp/p
dmsetup ls --target linear; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create lv_x --table '0 8 linear /dev/ram1 2912'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
printf '8 512 switch 3 16 0 /dev/ram1 0 /dev/ram1 0 1:0 0\n' | dmsetup create top; echo rc=$?
dmsetup remove --force lv_x; echo rc=$?
printf '0 32 delay 1:0 3472 3\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup ls --tree; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=1 seek=0 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=8 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup create top --notable; echo rc=$?
dmsetup message d3 0 set_region_mappings 0:0; echo rc=$?
printf '0 128 error\n128 1024 flakey /dev/ram1 8 0 3600 1 error_writes\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup deps -o devname d3; echo rc=$?
dmsetup rename top d3; echo rc=$?
dmsetup ls --target linear; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=9 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=-1 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=89 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=89 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
