# difffuzz v2 seed 122 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's122b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's122b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's122b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's122b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
dmsetup create d1 -r --table '0 192 switch 2 8 0 1:1 0 1:2 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=13 seek=726 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=726 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
dmsetup create lv_x --table '0 512 flakey 1:1 1344 0 3600 5 corrupt_bio_byte 347 r 131 0'; echo rc=$?
printf '0 2048 striped 2 8 /dev/ram1 40 /dev/ram0\n' | dmsetup create d0; echo rc=$?
printf '0 512 error\n' | dmsetup create top; echo rc=$?
dmsetup reload lv_x --table '0 128 crypt aes-cbc-plain64be 3e99a0be3a3a7a7be4ad68a13052db01 0 /dev/ram0 1768'; echo rc=$?
printf '0 8 delay 1:2 1240 2\n' | dmsetup create d2; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
printf '0 512 error\n' | dmsetup create d3; echo rc=$?
dmsetup table d2; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=4 seek=1 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup message d1 0 set_region_mappings 1:1 :1 5:1 R1,2; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup remove d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=21 seek=1120 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=1120 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram1; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=12 seek=233 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=233 count=7 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=43 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
printf '8 16 error\n' > /tmp/t
dmsetup load lv_x /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
