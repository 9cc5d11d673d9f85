# difffuzz v2 seed 48 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's48b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'q' >> /tmp/p
printf 's48b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's48b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's48b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf '0 512 flakey /dev/ram2 2504 0 3600 1 drop_writes\n' | dmsetup create lv_x; echo rc=$?
printf '0 32 unstriped 2 32 1 /dev/mapper/lv_x 0\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=22 seek=7 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=7 count=6 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=2 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=2 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup load d0 --table '1 256 delay /dev/ram1 3160 3'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=63 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=63 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=23 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d0 d1; echo rc=$?
dmsetup table; echo rc=$?
printf '0 128 delay /dev/mapper/lv_x 240 1 /dev/ram3 3384 3\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup table top; echo rc=$?
dmsetup suspend --noflush top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=13 seek=512 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=512 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs d1; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
