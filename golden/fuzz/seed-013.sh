# difffuzz v2 seed 13 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's13b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's13b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's13b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's13b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
dmsetup deps -o devname d3; echo rc=$?
printf '0 1024 linear 1:0 2976\n1024 8 zero\n' | dmsetup create d0 -r; echo rc=$?
dmsetup clear d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=20 seek=66 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=66 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
printf '0 512 zero\n' | dmsetup reload d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=423 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
printf '0 512 crypt aes-cbc-null a2e5bc304ffed641727728da6b13a094 0 /dev/ram1 6136 1 sector_size:4096\n512 32 delay /dev/ram3 5424 2\n' | dmsetup reload d0; echo rc=$?
dmsetup suspend d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=3 seek=959 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=959 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup create d1 --table '0 2048 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=5 seek=1976 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1976 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d0 0 1 2 3; echo rc=$?
printf '0 1024 linear 1:2 864\n' | dmsetup create d3; echo rc=$?
dmsetup resume d0; echo rc=$?
printf '0 1024 linear 1:3 7112\n' | dmsetup reload d0; echo rc=$?
printf '0 16 unstriped 3 16 2 1:2 0\n16 2048 flakey /dev/mapper/d1 0 3600 0 5 corrupt_bio_byte 78 w 117 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=1 seek=132 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=132 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status d0; echo rc=$?
printf '0 8 zero\n8 32 delay /dev/ram2 3504 2\n' | dmsetup load d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=48 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d0; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
