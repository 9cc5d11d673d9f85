# difffuzz v2 seed 68 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's68b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's68b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf 's68b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's68b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'z' >> /tmp/p
printf '0 360 switch 3 8 0 1:2 0 /dev/ram0 0 /dev/ram1 0\n' | dmsetup create d1 -r; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 128 striped 2 64 1:2 1152 /dev/ram1 376\n' | dmsetup create top; echo rc=$?
dmsetup create d1 --table '0 184 switch 2 8 0 /dev/ram2 0 /dev/ram1 0'; echo rc=$?
dmsetup create lv_x --table '0 32 linear /dev/mapper/top 24'; echo rc=$?
printf '0 128 flakey 1:2 2984 3600 0 1 error_writes\n' | dmsetup create d0; echo rc=$?
dmsetup status; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup reload top --table '0 48 switch 2 64 0 1:1 x /dev/ram2 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=66 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup table d0; echo rc=$?
printf '0 128 unstriped 2 32 1 1:1 0\n128 128 linear 1:1 3152\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=21 count=8 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup message lv_x 0 set_region_mappings 0:0; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup deps; echo rc=$?
printf '0 256 switch 2 8 0 1:2 0 /dev/mapper/d2 0\n' | dmsetup create d3; echo rc=$?
dmsetup create d1 --table '0 512 delay 1:2 800 2'; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 1024 error\n' | dmsetup load d0; echo rc=$?
dmsetup reload d1 --table '0 16 crypt aes-cbc-plain64be -1 100 1:1 3344'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=2 seek=120 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=120 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=6 seek=2615 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=2615 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup resume d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
