# difffuzz v2 seed 97 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's97b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
printf 's97b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's97b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's97b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
dmsetup create d1 --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=512 skip=3231 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 zero\n' | dmsetup create top; echo rc=$?
printf '0 512 error\n' | dmsetup create d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 512 linear /dev/mapper/d3 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup deps; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=15 seek=2109 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=2109 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup clear top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=381 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --noflush d1; echo rc=$?
printf '0 256 linear /dev/mapper/top 48\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
