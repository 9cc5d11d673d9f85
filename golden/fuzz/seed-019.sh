# difffuzz v2 seed 19 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's19b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's19b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's19b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's19b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
dmsetup table; echo rc=$?
dmsetup create lv_x --table '0 16 linear /dev/ram2 1752'; echo rc=$?
printf '0 8 delay 1:2 1216 1\n' | dmsetup reload lv_x; echo rc=$?
printf '0 512 striped 2 16 1:1 1400 /dev/ram2 992\n512 16 error\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
dmsetup suspend --noflush top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=4 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=4096 skip=247 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup create d2 --table '0 16 zero'; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=12 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 3
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
printf '0 512 switch\n' | dmsetup create top; echo rc=$?
printf '0 32 unstriped 2 32 0 1:1 0\n32 8 zero\n' | dmsetup create d3; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup create d0 --table '0 8 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=10 seek=4096 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=4096 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 32 error\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
printf '0 256 error\n' | dmsetup load d2; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
printf '0 256 crypt aes-cbc-plain64 0fe93f7ee0c6dcbc85bae1376f247663d1bdc522304cf4882b110b1b3fc90661 0 /dev/ram0 1544\n256 1024 error\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=7 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=2 seek=4 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=4 count=5 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
