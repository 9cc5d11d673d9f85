# difffuzz v2 seed 125 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's125b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's125b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's125b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's125b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p
dmsetup table; echo rc=$?
dmsetup status; echo rc=$?
printf '0 256 flakey 1:1 1416 0 3600 6 drop_writes corrupt_bio_byte 421 w 75 0\n' | dmsetup create d1; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=22 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create top --table '0 16 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=7 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=24 seek=17 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=17 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=22 seek=47 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=47 count=7 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup create top --notable; echo rc=$?
dmsetup rename d1 top; echo rc=$?
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup table --inactive d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=27 seek=256 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=256 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 striped 2 32 /dev/ram0 4368 1:1 448\n' | dmsetup load top; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 512 linear '' 5200\n' | dmsetup create d2; echo rc=$?
printf '0 256 striped 2 32 /dev/ram1 3024 /dev/ram0\n' | dmsetup reload d1; echo rc=$?
printf '0 32 linear 1:0 4312\n' | dmsetup reload d1; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup create d0 --table '0 184 switch 2 64 0 /dev/mapper/d1 0 /dev/mapper/d1 0'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
