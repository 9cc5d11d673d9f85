# difffuzz v2 seed 45 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's45b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'n' >> /tmp/p
printf 's45b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
printf 's45b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'G' >> /tmp/p
printf 's45b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 't' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
printf '0 32 error\n' | dmsetup create top; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 16 linear /dev/ram0 280\n' | dmsetup create d0; echo rc=$?
printf '0 512 striped 2 64 1:0 3336 /dev/ram2 2536\n512 256 zero\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup resume d3; echo rc=$?
printf '0 256 error\n' | dmsetup load top; echo rc=$?
dmsetup create top --table '0 2048 delay 1:0 1960 0'; echo rc=$?
printf '0 128 linear /dev/ram2 3384\n128 2048 linear 1:0 1360\n' | dmsetup create d2; echo rc=$?
dmsetup load d3 --table '0 128 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=2 seek=425 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=425 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 error\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '0 16 linear /dev/ram2 1392\n16 256 crypt aes-ecb c65c3542c32bc68d4517abd13e66d925 100 1:2 224\n' | dmsetup load d0; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
dmsetup reload top --table '0 8'; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup message top 0 set_region_mappings 0:0; echo rc=$?
dmsetup reload lv_x --table '0 512 unstriped 3 16 1 /dev/ram0 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=1 seek=26 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=26 count=2 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=52 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=52 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 8 zero\n8 8 zero\n' | dmsetup load top; echo rc=$?
printf '0 2048 linear /dev/ram0 1488\n2048 32 error\n' | dmsetup reload d2; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
