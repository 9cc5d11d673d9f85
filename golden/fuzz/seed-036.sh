# difffuzz v2 seed 36 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's36b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's36b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's36b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'n' >> /tmp/p
printf 's36b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf '0 512 linear abc 7424\n' | dmsetup create d0; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup create d0 --table '0 16 linear /dev/ram0'; echo rc=$?
dmsetup create d2 --table '0 2048 error'; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=16 seek=219 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=219 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d1 --table '0 216 switch 2 8 0 /dev/ram0 0 1:2 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=19 seek=167 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=167 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup message d1 0 set_region_mappings 0:1; echo rc=$?
dmsetup table d2; echo rc=$?
printf '0 128 linear /dev/ram1 6512\n128 2048 delay 2 32 0 /dev/ram2 0\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=386 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
printf '0 1024 error\n1024 512 linear 1:2 2704\n' | dmsetup load d2; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '0 256 striped 2 64 /dev/ram2 7160 /dev/ram2 1600\n256 131080 striped 2 8 /dev/ram2 1296 /dev/ram1 6824\n' | dmsetup load d2; echo rc=$?
printf '0 32 zero\n' | dmsetup create d0; echo rc=$?
printf '0 16 error 8193\n' | dmsetup load d2; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
