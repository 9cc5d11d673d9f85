# difffuzz v2 seed 72 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's72b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's72b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's72b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's72b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
dmsetup table --inactive top; echo rc=$?
printf '0 256 delay 1:2 2744 3\n256 256 delay /dev/ram3 560 2\n' | dmsetup create top; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup message top 0 @stats_list; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 1024 error\n1024 32 zero\n' > /tmp/t
dmsetup reload top /tmp/t; echo rc=$?
printf '0 8 error\n' | dmsetup create d1; echo rc=$?
printf '0 128 zero\n' | dmsetup create d3; echo rc=$?
printf '0 32 error\n' > /tmp/t
dmsetup reload top /tmp/t; echo rc=$?
printf '0 192 switch 2 16 0 1:2 0 1:0 0\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=8 seek=110 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=110 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup remove --force d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=12 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=16 seek=34 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=34 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=22 seek=1477 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=1477 count=6 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=4096 skip=6 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
