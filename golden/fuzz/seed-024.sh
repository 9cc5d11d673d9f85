# difffuzz v2 seed 24 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's24b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's24b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's24b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's24b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
dmsetup create d2 -r --table '0 32 linear /dev/ram2 1752'; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
printf '0 256 error\n256 512 unstriped 2 8 1 /dev/ram0 0\n' > /tmp/t
dmsetup reload d2 /tmp/t; echo rc=$?
printf '0 16 striped 2 8 /dev/ram1 1056 /dev/mapper/d2 16\n16 32 zero\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=11 seek=13 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=13 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
printf '0 1024 delay /dev/ram1 992 0 1:0 808 1\n1024 2048 linear 1:2 0\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=1 seek=256 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=256 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=25 seek=2632 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=2632 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d3 d3; echo rc=$?
dmsetup create top --table '0 128 striped 2 64 /dev/ram2 328 1:0 272'; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup message d3 0 1 2 3; echo rc=$?
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=12 seek=627 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=627 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=15 seek=88 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=88 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message top 0 hello; echo rc=$?
dmsetup suspend d3; echo rc=$?
dmsetup create d2 --table '0 208 switch 2 16 0 /dev/mapper/d3 0 /dev/ram1 0'; echo rc=$?
printf '0 2048 zero\n2048 512 flakey /dev/mapper/d3 1424 0 3600 1 drop_writes\n' | dmsetup reload top; echo rc=$?
printf '0 512 linear /dev/ram0 152 1:99\n' | dmsetup create d0; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
