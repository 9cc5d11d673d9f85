# difffuzz v2 seed 3 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's3b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'Q' >> /tmp/p
printf 's3b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's3b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's3b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'N' >> /tmp/p
dmsetup create d2 --notable; echo rc=$?
dmsetup suspend d2; echo rc=$?
printf '0 2048 error\n' | dmsetup reload d2; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup message d2 0 1 2 3; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=6 seek=-1 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=-1 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 8 delay\n' | dmsetup reload lv_x; echo rc=$?
dmsetup rename d2 d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=0 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=787 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=1224 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 16 delay 1:0 776 0\n16 512 unstriped 3 16 0 /dev/ram0 0\n' | dmsetup create d2; echo rc=$?
dmsetup table d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=30 seek=1226 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=1226 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume lv_x; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
