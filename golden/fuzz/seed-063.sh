# difffuzz v2 seed 63 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's63b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's63b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's63b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's63b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
dmsetup status; echo rc=$?
printf '0 8 linear /dev/ram1 1192\n8 512 crypt aes-cbc-plain64 f79110cb6ed861f7ebd64cc94014164a4d68018b5230cde38c1b455e457b6147 0 1:3 3504\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=22 seek=62 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=62 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls --target linear; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=10 seek=276 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=276 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup resume d3; echo rc=$?
printf '0 128 linear /dev/ram1 1736\n' | dmsetup create d0; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup suspend d3; echo rc=$?
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=7 seek=40 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=40 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume d3; echo rc=$?
printf '0 16 unstriped 2 16 1 1:3 0\n16 8 linear /dev/ram0 2816\n' | dmsetup create d2; echo rc=$?
printf '0 8 zero\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=16 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 3
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=9 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=9 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 crypt aes-cbc-plain64 e647f74de41126b85fb6ed24561edd6b 0 /dev/mapper/d3 8\n' | dmsetup create top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
