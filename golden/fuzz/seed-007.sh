# difffuzz v2 seed 7 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's7b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's7b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's7b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's7b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'J' >> /tmp/p
dmsetup info -c; echo rc=$?
dmsetup create d0 --table '0 8 zero'; echo rc=$?
dmsetup message d0 0 @stats_list; echo rc=$?
dmsetup message d0 0 1 2 3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
printf '0 2048 flakey /dev/ram1 1000 0 3600 5 corrupt_bio_byte 276 w 88 0\n' | dmsetup create top; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=12 seek=2 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=2 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=19 seek=1921 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=1921 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=12 seek=944 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=944 count=8 iflag=direct 2>/dev/null | md5sum
fi
printf '0 160 switch 3 8 0 1:0 0 /dev/mapper/top 0 1:1 0\n' | dmsetup create lv_x -r; echo rc=$?
printf '0 128 flakey /dev/ram0 16 0 3600 1 drop_writes\n' | dmsetup reload d0; echo rc=$?
dmsetup resume d0; echo rc=$?
printf '0 256 zero\n' | dmsetup create d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
