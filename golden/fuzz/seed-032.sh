# difffuzz v2 seed 32 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's32b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's32b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's32b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's32b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf '0 16 delay 1:0 4192 2\n16 8 unstriped 3 8 0 /dev/ram0 0\n' | dmsetup create d3 -r; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup create lv_x --table '0 1024 striped 2 32 1:1 5112 /dev/ram1 5728'; echo rc=$?
dmsetup create d2 --table '0 512 delay /dev/ram1 8 0 3600'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=512 skip=5083 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=18 seek=510 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=510 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
printf '0 512 zero\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=20 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=8 seek=211 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=211 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup create d2 --table '0 256 unstriped 3 16 2 /dev/mapper/lv_x'; echo rc=$?
printf '0 2048 crypt aes-cbc-essiv:sha256 1331309ed9f446a75d444c3b810c0b6f 7 /dev/ram1 1008 1\n2048 128 linear /dev/ram0 4496\n' | dmsetup reload lv_x; echo rc=$?
printf '0 256 linear /dev/ram0 2880\n256 16 zero\n' | dmsetup create d0 -r; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=17 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup deps -o devname top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=24 seek=21 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=21 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
