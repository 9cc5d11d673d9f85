# difffuzz v2 seed 118 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's118b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's118b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's118b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's118b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
dmsetup create d1 --table '0 8 linear 1:0 2464'; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup create lv_x --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=-1 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 8 delay /dev/ram3 344 2\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=0 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup reload d1 --table '0 128 zero'; echo rc=$?
dmsetup rename lv_x d0; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 160 switch 3 16 0 /dev/ram0 0 1:2 0 /dev/ram2 0\n' | dmsetup reload d0; echo rc=$?
printf '0 128 flakey /dev/ram3 1616 3600 0\n' > /tmp/t
dmsetup load d0 /tmp/t; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=11 seek=127 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=127 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=0 seek=547 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=547 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/dev/ram2 bs=512 skip=881 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
