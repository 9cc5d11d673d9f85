# difffuzz v2 seed 29 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's29b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'E' >> /tmp/p
printf 's29b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's29b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's29b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
printf '1 184 switch 2 64 0 1:1 0 /dev/ram0 0\n' | dmsetup create d0; echo rc=$?
printf '0 32 delay /dev/ram0 1144 2\n' | dmsetup create d1; echo rc=$?
printf '0 2048 linear 1:1 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 328 switch 3 64 0 /dev/ram2 0 1:1 0 /dev/ram2 0\n' | dmsetup create d2; echo rc=$?
dmsetup message lv_x 0 set_region_mappings 0:0; echo rc=$?
printf '0 8 linear 1:1 592\n' | dmsetup create d3; echo rc=$?
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=0 seek=39 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=39 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d2; echo rc=$?
dmsetup reload d1 --table '0 2048 crypt aes-cbc-essiv:sha256 c7015597ed6c68e23fbf25d2e9c457d63acbcf7cde9fd25e15c880e345c8fcb0 0 /dev/ram2 0'; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup status d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=22 seek=250 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=250 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 flakey /dev/mapper/d2 312 3600 0 1 drop_writes\n' | dmsetup create d0 -r; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup create top --table '0 8 flakey /dev/mapper/lv_x 784 0 3600 1 drop_writes'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=0 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove top; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup create d1 --table '0 32 unstriped 2 32 1 /dev/ram2 0'; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
