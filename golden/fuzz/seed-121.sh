# difffuzz v2 seed 121 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's121b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's121b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's121b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's121b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'S' >> /tmp/p
printf '0 8 linear 1:1 1784 1:99\n' | dmsetup create top; echo rc=$?
printf '0 32 error\n' | dmsetup create d3; echo rc=$?
printf '0 16 unstriped 3 8 1 /dev/ram1\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
printf '0 512 flakey /dev/ram1 7384 0 3600 1 error_writes\n' > /tmp/t
dmsetup reload d3 /tmp/t; echo rc=$?
dmsetup create d0 --table '8 128 flakey /dev/ram0 3432 3600 0 5 corrupt_bio_byte 522 w 210 0'; echo rc=$?
printf '0 16 zero\n16 8 flakey /dev/ram0 1840 3600 0 5 corrupt_bio_byte 520 w 249\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=11 seek=9 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=9 count=5 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=12 seek=23 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=23 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d3 lv_x; echo rc=$?
printf '0 16 zero\n16 8 error\n' | dmsetup reload lv_x; echo rc=$?
printf '0 16 unstriped 3 16 1 1:1 0\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=20 seek=1 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs lv_x; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup load d1 --table '0 1024 crypt aes-cbc-plain d50e4d13c493de8f3ff4063dc7714349 0 abc 3648'; echo rc=$?
dmsetup message lv_x 0 @stats_list; echo rc=$?
printf '0 512 flakey /dev/ram0 7528 3600 0 1 drop_writes\n' | dmsetup reload lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
