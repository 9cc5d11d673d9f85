# difffuzz v2 seed 107 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's107b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's107b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's107b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's107b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
printf '0 16 zero\n' | dmsetup create d2; echo rc=$?
printf '0 16 flakey /dev/mapper/d2 0 3600 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
printf '0 1024 striped 2 8 /dev/ram0 2648 1:1 344 0x10\n' > /tmp/t
dmsetup load top /tmp/t; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup message top 0 hello; echo rc=$?
dmsetup suspend d2; echo rc=$?
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=7 count=7 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup rename top top; echo rc=$?
dmsetup rename d2 lv_x; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup suspend --nolockfs lv_x; echo rc=$?
printf '0 1024 crypt aes-cbc-plain 6e1fa0040e3b0b002f1018edf887122f4f42043cb84cd62800f3884d339f5765 7 1:1 1824\n1024 1024 striped 2 64 1:0 528 /dev/ram0 640\n' | dmsetup reload top; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=16 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
