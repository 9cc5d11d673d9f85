# difffuzz v2 seed 53 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's53b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'E' >> /tmp/p
printf 's53b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's53b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's53b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 32 delay /dev/ram2 160 1 1:3 3152 0\n' | dmsetup create d0; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup message d0 0 @stats_list; echo rc=$?
dmsetup status; echo rc=$?
printf '0 304 switch 2 8 0 /dev/ram2 0 1:2 0\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=3 count=8 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 unstriped 3 8 1 /dev/ram2 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup rename top d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=332 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup resume d0; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup reload top --table '0 8 linear /dev/ram0 2088'; echo rc=$?
dmsetup info -c; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=0 seek=17 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=17 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup deps; echo rc=$?
printf '0 1024 flakey /dev/ram3 1568 3600 0 1 error_writes\n1024 256 flakey /dev/ram0 3392 3600 0 1 drop_writes\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=8 seek=191 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=191 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=16 seek=145 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=145 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table --inactive top; echo rc=$?
printf '0 8\n8 256 unstriped 3 32 0 /dev/ram3 0\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=173 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
