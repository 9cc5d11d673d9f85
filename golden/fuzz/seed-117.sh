# difffuzz v2 seed 117 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's117b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's117b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's117b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's117b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'E' >> /tmp/p
dmsetup table d3; echo rc=$?
dmsetup create top --table '0 1024 flakey 1:1 232 3600 0 1 error_writes'; echo rc=$?
dmsetup status top; echo rc=$?
dmsetup suspend --noflush d2; echo rc=$?
printf '0 256 delay /dev/ram1 1104 1\n' | dmsetup create lv_x; echo rc=$?
dmsetup message top 0 @stats_list; echo rc=$?
dmsetup message top 0 set_region_mappings 0:0; echo rc=$?
printf '0 2048 flakey 1:1 0 0 3600 5 corrupt_bio_byte 369 r 17 0\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=15 seek=105 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=105 count=5 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup suspend top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=2 seek=569 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=569 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
printf '0 2048 crypt aes-xts-plain ed71336b084b6f5b75fb0b6f6545443d6c21cb1c8d69cc7c76b507add8108548 0 /dev/ram0 0\n' | dmsetup create d0; echo rc=$?
printf '0 16 delay /dev/mapper/lv_x 232 0\n16 32 linear x 1960\n' | dmsetup create d2; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup suspend d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=4096 skip=97 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table d3; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup create d2 --notable; echo rc=$?
dmsetup table; echo rc=$?
dmsetup suspend --nolockfs d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
