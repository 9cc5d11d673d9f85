# difffuzz v2 seed 93 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's93b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's93b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's93b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's93b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
dmsetup info -c; echo rc=$?
printf '0 512 linear /dev/ram0 824\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=68 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '1 128 striped 2 32 1:0 1064 /dev/ram1 712\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=39 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=39 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=111 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup create d3 --table '0 128 switch 2 8 0 1:2 0 /dev/ram1 0'; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup suspend d0; echo rc=$?
printf '0 16 zero\n' | dmsetup reload d0; echo rc=$?
printf '8 128 linear /dev/mapper/d3 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=95 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
printf '0 256 linear 1:1 776\n' > /tmp/t
dmsetup load d0 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=23 seek=63 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=63 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
