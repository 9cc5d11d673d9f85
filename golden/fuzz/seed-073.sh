# difffuzz v2 seed 73 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's73b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's73b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's73b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's73b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
printf '0 128 linear /dev/ram3 3632\n128 256 unstriped 2 32 1 /dev/ram2 0\n' | dmsetup create d1; echo rc=$?
dmsetup table --inactive d1; echo rc=$?
dmsetup suspend --nolockfs d1; echo rc=$?
printf '0 80 switch 3 16 0 /dev/mapper/d1 0 /dev/mapper/d1 0 /dev/ram0 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup load lv_x --table '0 512 delay /dev/ram1 1376 0'; echo rc=$?
printf '0 1024 crypt 1:3 2160\n' | dmsetup load d1; echo rc=$?
dmsetup rename lv_x d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=4096 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
dmsetup create d0 --table '1 8 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=73 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=24 seek=3108 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=3108 count=7 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=2445 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '1 320 switch 3 16 0 /dev/ram3 0 /dev/ram3 0 /dev/ram1 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup rename d1 d1; echo rc=$?
printf '0 256 linear /dev/mapper/d1 40\n' | dmsetup create top; echo rc=$?
dmsetup create lv_x --table '0 512 unstriped 2 32 0 1:2 0'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
