# difffuzz v2 seed 87 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's87b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's87b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's87b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's87b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf '0 16 linear /dev/ram1 2864 7\n' | dmsetup create d0; echo rc=$?
printf '0 8 linear 1:1 3112\n' | dmsetup create d2; echo rc=$?
dmsetup rename d2 d1; echo rc=$?
printf '0 1024 crypt aes-xts-plain 0bfb931388ad8032b6017f8fc2ed9a35a2eaf63f9651845c8a481262525b60ab 100 1:1 392\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=22 seek=1123 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=1123 count=5 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram0; echo rc=$?
fi
dmsetup message d1 0 set_region_mappings 0:0; echo rc=$?
dmsetup create top --notable; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup rename top d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend top; echo rc=$?
printf '0 288 switch 3 16 0 /dev/ram0 0 1:1 0 /dev/ram1 0\n' | dmsetup create d2; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=90 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=90 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table top; echo rc=$?
dmsetup create d3 --table '0 2048 flakey /dev/ram1 1320 3600 0 5 corrupt_bio_byte 471 w 2 0'; echo rc=$?
printf '0 1024 unstriped 2 8 1 /dev/ram0 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup reload d1 --table '0 32 linear /dev/ram1 200'; echo rc=$?
dmsetup table; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=24 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 32 flakey 1:0 2360 3600 0 1 error_writes\n32 512 linear /dev/mapper/d0 104\n' | dmsetup create d0; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
