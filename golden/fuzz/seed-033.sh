# difffuzz v2 seed 33 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's33b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's33b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's33b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's33b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'z' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup deps; echo rc=$?
printf '8 16 linear /dev/ram2 1592\n' | dmsetup create d0; echo rc=$?
dmsetup table top; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup create lv_x --table '0 1024 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=11 seek=724 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=724 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup clear lv_x; echo rc=$?
dmsetup rename lv_x d2; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup suspend d2; echo rc=$?
printf '0 32 crypt /dev/nope d81d3235bbdea15119f121035fe0ce5c5a446a5c61a6d2ac2ba0ddfaa6cf0754 100 /dev/ram0 496\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=808 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup load d2 --table '0 8 crypt aes-cbc-essiv:sha256 addce8ab4e8da0286db075ccaabd5cb5 100 1:2 488'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=11 seek=981 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=981 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
