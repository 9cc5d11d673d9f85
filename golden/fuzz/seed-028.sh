# difffuzz v2 seed 28 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's28b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'g' >> /tmp/p
printf 's28b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
printf 's28b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's28b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'H' >> /tmp/p
printf '1 32 error\n' | dmsetup create d3; echo rc=$?
printf '0 1024 flakey /dev/ram1 3208 0 3600 1 drop_writes\n' | dmsetup create d3; echo rc=$?
dmsetup rename d3 lv_x; echo rc=$?
dmsetup status; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
printf '0 16 unstriped 2 16 1 /dev/ram1 0\n16 2048 delay /dev/ram1 5680 1\n' | dmsetup reload lv_x; echo rc=$?
dmsetup create d0 --table '0 32 linear /dev/ram1 2440'; echo rc=$?
printf '0 1024 unstriped 3 8 0 /dev/ram1 0\n' | dmsetup create d2; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup create top --table '0 32 flakey /dev/ram1 3032 0 3600 6 drop_writes corrupt_bio_byte 238 r 40 0'; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=3 seek=3 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=3 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
printf '0 8 unstriped 3 8 2 /dev/mapper/d0 0\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
dmsetup suspend d2; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup reload d2 --table '0 128 striped 2 64 /dev/mapper/lv_x 1616 /dev/mapper/lv_x 1400'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=373 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
