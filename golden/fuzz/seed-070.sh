# difffuzz v2 seed 70 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's70b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
printf 's70b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's70b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's70b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
printf '0 32 switch 3 64 0 /dev/ram0 0 /dev/ram1 0 1:0 0\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '0 352 switch 3 16 0 1:2 0 /dev/ram1 0 /dev/ram1 0\n' | dmsetup create d0; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
printf '0 32 error\n32 128 linear /dev/ram2 3584\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=3 seek=12 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=12 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
printf '0 512 flakey /dev/ram2 1648 0 3600 1 drop_writes\n' | dmsetup create lv_x; echo rc=$?
dmsetup status; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=9 seek=118 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=118 count=1 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=2 count=6 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 unstriped 3 16 1 /dev/ram1 0\n' | dmsetup reload d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
printf '0 32 delay /dev/ram0 912 2\n' | dmsetup create d2; echo rc=$?
dmsetup ls --target linear; echo rc=$?
printf '0 1032 flakey /dev/mapper/d0 112 3600 0 1 drop_writes\n' | dmsetup reload lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 32 linear /dev/ram2 7040\n' | dmsetup load d0; echo rc=$?
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
printf '0 352 switch 3 16 0 1:1 0 /dev/ram2 0 1:0 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup create d3 --table '0 256 flakey /dev/ram2 3808 0 3600 1 drop_writes'; echo rc=$?
dmsetup create d0 --table '0 1024 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=0 seek=3 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=3 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
