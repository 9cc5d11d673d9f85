# difffuzz v2 seed 11 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's11b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'c' >> /tmp/p
printf 's11b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's11b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's11b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
dmsetup create lv_x --notable; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup load lv_x --table '0 128 striped 2 8 1:2 712 1:1 264'; echo rc=$?
printf '0 32 delay /dev/ram0 904 2 /dev/ram2 784 2\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=21 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=0 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume d3; echo rc=$?
dmsetup table lv_x; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup rename d3 top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=23 count=8 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
printf '0 128 delay /dev/ram2 2704 3\n128 32 delay /dev/mapper/top 0 2\n' | dmsetup create d0; echo rc=$?
printf '0 2048 delay /dev/ram0 1208 3\n' | dmsetup create d2; echo rc=$?
printf '0 512 delay 1:1 248 3 -1\n' | dmsetup reload d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=5 seek=1218 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1218 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup resume d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=22 seek=127 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=127 count=7 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup create d1 --notable; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup rename d2 d0; echo rc=$?
printf '0 512 flakey /dev/ram1 160 3600 0 1 error_writes\n512 8 switch /dev/ram0 1792 0 3600 6 drop_writes corrupt_bio_byte 195 w 86 0\n' > /tmp/t
dmsetup reload d0 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
