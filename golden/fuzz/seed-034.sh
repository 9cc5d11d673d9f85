# difffuzz v2 seed 34 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's34b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's34b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's34b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's34b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf '0 128 switch 2 8 0 1:3 0 /dev/ram2 0\n' | dmsetup create d1; echo rc=$?
dmsetup message lv_x 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=12 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup suspend d1; echo rc=$?
dmsetup message d1 0 set_region_mappings 1:0 1:0; echo rc=$?
dmsetup table d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=1 seek=12 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=12 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup suspend d1; echo rc=$?
dmsetup create d2 --table '0 256 striped 2 16 /dev/mapper/d1 0 /dev/mapper/d1 0'; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup remove d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=0 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=4 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=4 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 delay 1:0 888 1\n1024 128 unstriped 2 8 0 1:3 0\n' | dmsetup load d1; echo rc=$?
dmsetup create d3 --notable; echo rc=$?
printf '0 8 delay 1:1 4216 1 /dev/nope\n' | dmsetup create top; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 296 switch 2 8 0 /dev/ram2 0 /dev/ram0\n' | dmsetup create d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup remove --force d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=5 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
