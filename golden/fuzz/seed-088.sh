# difffuzz v2 seed 88 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's88b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's88b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's88b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's88b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf '0 264 switch 3 64 0 1:1 0 /dev/ram0 0 /dev/ram1 0\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=3 seek=22 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=22 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup suspend d3; echo rc=$?
printf '0 136 switch 3 8 0 /dev/mapper/d3 0 /dev/mapper/d3 0 /dev/ram0 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup message d3 0 set_region_mappings 4:1 :1 R2,3 R2,1; echo rc=$?
printf '0 232 nosuch 2 8 0 /dev/mapper/d3 0 /dev/ram0 0\n' | dmsetup create d1; echo rc=$?
dmsetup deps -o devname lv_x; echo rc=$?
dmsetup remove d3; echo rc=$?
printf '0 232 switch 2 64 0 /dev/ram0 0 /dev/ram0 0\n' | dmsetup load lv_x; echo rc=$?
printf '0 16 crypt aes-cbc-plain64be c11cfd28382d477d6774c24bbaeae049 0 /dev/mapper/lv_x 64 1\n' | dmsetup create top; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 8 linear /dev/ram0 1608\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=30 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=30 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=20 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=20 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=28 seek=4 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=4 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
