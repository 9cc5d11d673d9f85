# difffuzz v2 seed 30 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's30b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's30b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's30b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's30b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf '0 8 linear 1:1 1736\n' | dmsetup create top; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
printf '0 1024 unstriped 2 16 0 /dev/ram0 0\n1024 512 linear /dev/ram1 3736\n' | dmsetup reload top; echo rc=$?
dmsetup table --inactive d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=1 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=16 seek=4 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=4 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove top; echo rc=$?
printf '0 2048 error\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=2 seek=156 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=156 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d0 --table '0 16 striped 2 8 /dev/mapper/d1 216 /dev/mapper/d1 1896'; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup suspend --noflush d1; echo rc=$?
dmsetup ls --target linear; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=22 seek=1987 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1987 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d1 top; echo rc=$?
dmsetup create d2 --notable; echo rc=$?
dmsetup remove --force d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=2 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup ls --tree; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
