# difffuzz v2 seed 114 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's114b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's114b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'F' >> /tmp/p
printf 's114b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's114b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'P' >> /tmp/p
dmsetup table d0; echo rc=$?
dmsetup create top --table '0 1024 linear /dev/ram0 1728'; echo rc=$?
dmsetup create d0 --table '0 112 switch 2 8 0 -1 0 1:1 0'; echo rc=$?
dmsetup suspend --noflush top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=809 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=2 seek=19 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=19 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup message top 0 @stats_list; echo rc=$?
dmsetup message top 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=29 count=2 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=754 count=5 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 linear /dev/ram1\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=0 seek=27 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=27 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 delay /dev/mapper/top 256 2 /dev/ram1 48 0\n16 2048 zero\n' | dmsetup create d0; echo rc=$?
printf '0 2048 flakey\n' | dmsetup create lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=2 seek=257 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=257 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=4096 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram1; echo rc=$?
fi
dmsetup message d0 0 @stats_list; echo rc=$?
printf '0 512 unstriped 3 32 0 1:0 0\n512 512 unstriped 3 16 0 /dev/ram1 0 99999999999\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=1943 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=4 seek=1025 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=1025 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls --tree; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
