# difffuzz v2 seed 67 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's67b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's67b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's67b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's67b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
dmsetup table; echo rc=$?
printf '0 512 unstriped 2 16 0 /dev/ram0 0\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=9 seek=422 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=422 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend d2; echo rc=$?
dmsetup clear d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=4096 skip=20 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
printf '0 456 switch 3 64 0 /dev/ram1 0 /dev/mapper/d2 0 /dev/ram0 0\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=42 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=42 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d2; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message d3 0 set_region_mappings 3:0 :1; echo rc=$?
printf '0 256 linear /dev/mapper/d3\n' | dmsetup create d0; echo rc=$?
dmsetup message d3 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=23 seek=465 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=465 count=5 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 error 99999999999\n' | dmsetup create d0; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup rename d2 d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
