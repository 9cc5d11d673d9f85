# difffuzz v2 seed 55 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's55b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's55b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's55b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's55b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf '0 8200 unstriped 3 8 1 /dev/ram0 0\n128 1024 zero\n' | dmsetup create d1; echo rc=$?
printf '0 32 crypt aes-cbc-plain def95765722bbd35048bb642ecffb23a 100 /dev/ram1 1624\n32 128 unstriped 3 32 0 1:2 0\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=25 seek=124 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=124 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup remove top; echo rc=$?
printf '0 512 linear /dev/ram0 1400\n' | dmsetup create d3; echo rc=$?
printf '0 8 zero\n' | dmsetup load d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=2 seek=56 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=56 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=31 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=31 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup create d1 --table '0 312 switch 2 16 0 /dev/ram1 0 1:2 0 '''; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
printf '0 2048 zero\n' > /tmp/t
dmsetup load d3 /tmp/t; echo rc=$?
dmsetup message d3 0 set_region_mappings 0:0; echo rc=$?
printf '0 16 linear /dev/ram0 128\n' | dmsetup create top; echo rc=$?
dmsetup message d3 0 1 2 3; echo rc=$?
printf '0 2048 linear 1:3 0\n' | dmsetup create d2; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
