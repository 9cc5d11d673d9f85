# difffuzz v2 seed 46 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's46b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's46b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's46b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's46b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'c' >> /tmp/p
printf '0 32 flakey /dev/ram0 1208 0 3600 5 corrupt_bio_byte 432 r 233 0\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=11 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 256 crypt aes-cbc-plain64 5676cec682396cc2b680c310f79d708f 7 1:0 1664\n' | dmsetup load d0; echo rc=$?
dmsetup rename d0 lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 128 striped 2 32 /dev/ram0 1568 /dev/ram0 1920\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
dmsetup suspend d0; echo rc=$?
dmsetup clear d0; echo rc=$?
printf '0 128 flakey /dev/mapper/d0 0 0 3600 1 drop_writes\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup info -c; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=13 seek=234 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=234 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
printf '0 1024 zero 0x10\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=17 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup deps -o devname d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
