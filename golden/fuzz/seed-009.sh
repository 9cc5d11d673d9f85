# difffuzz v2 seed 9 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's9b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's9b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's9b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's9b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 't' >> /tmp/p
printf '0 256 unstriped 3 32 2 /dev/ram1 0\n256 128 linear 1:1 1672\n' | dmsetup create d1 -r; echo rc=$?
dmsetup message d1 0 hello; echo rc=$?
dmsetup remove --force d1; echo rc=$?
printf '0 320 switch 3 64 0 /dev/ram0 0 /dev/ram1 0 1:1 0\n' | dmsetup create d2; echo rc=$?
dmsetup clear d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=163 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup message d2 0 set_region_mappings 4:2; echo rc=$?
printf '0 128 error\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=4096 skip=10 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
printf '0 296 switch 2 64 0 /dev/ram0 0 1:1\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup deps -o devname d2; echo rc=$?
printf '0 2048 linear /dev/ram0 0\n2048 32 linear /dev/mapper/d2 200\n' | dmsetup create d0; echo rc=$?
dmsetup load d3 --table '0 32 linear /dev/mapper/d2 288'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=87 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=14 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=14 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
