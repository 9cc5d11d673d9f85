# difffuzz v2 seed 56 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's56b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's56b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's56b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's56b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
dmsetup ls --target linear; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 240 switch 2 8 0 1:1 0 1:1 0\n' | dmsetup create d1; echo rc=$?
printf '0 1024 linear 1:0 1688\n' | dmsetup create top; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=15 seek=541 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=541 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=16 seek=9 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=9 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 128 linear /dev/mapper/d1 0\n' | dmsetup create d2; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '0 2048 linear /dev/ram0 1880\n2048 8 zero\n' | dmsetup load d2; echo rc=$?
printf '0 8 flakey 7 952 3600 0 6 error_writes corrupt_bio_byte 188 w 29 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=1 seek=10 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=10 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload d2 --table '0 128 unstriped 2 32 0 /dev/mapper/top 0'; echo rc=$?
printf '0 2048 zero\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=1 seek=125 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=125 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup table --inactive d0; echo rc=$?
printf '0 1024 striped 2 8 /dev/mapper/d0 1472 /dev/mapper/d0 888\n1024 1024 striped 2 64 /dev/ram0 1104 /dev/ram0 976\n' | dmsetup create lv_x; echo rc=$?
printf '0 1024 error\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
