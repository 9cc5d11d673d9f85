# difffuzz v2 seed 76 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's76b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's76b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's76b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
printf 's76b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
dmsetup deps; echo rc=$?
printf '0 344 switch 3 8 0 1:1 0 /dev/ram0 0 /dev/ram2 0\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=189 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=1 seek=201 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=201 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 zero\n' | dmsetup load d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=344 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=19 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=19 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
dmsetup clear d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=2 seek=26 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=26 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d0 --table '0 1024 linear /dev/ram2 4112'; echo rc=$?
dmsetup suspend d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=29 seek=6063 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=6063 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 512 error\n' > /tmp/t
dmsetup load d0 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=4096 skip=0 seek=265 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=4096 skip=265 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 crypt aes-cbc-plain 517c4ff1efebcc643742407077423094 0 /dev/mapper/d0 72\n16 1024 delay /dev/ram2 4472 2 1:2 808 0\n' | dmsetup create top; echo rc=$?
printf '0 1024 unstriped 3 32 2 1:0\n' | dmsetup create d1; echo rc=$?
printf '0 128 zero\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup reload d0 --table '0 512 zero'; echo rc=$?
dmsetup suspend d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=249 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d3; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create d2 --table '0 256 linear /dev/ram2'; echo rc=$?
printf '0 16 error\n' | dmsetup create d1 -r; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
