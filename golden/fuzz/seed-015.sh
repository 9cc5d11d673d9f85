# difffuzz v2 seed 15 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's15b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's15b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's15b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's15b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf '0 2048 linear 1:1 112\n2048 256 zero\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend d0; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 2048 zero\n2048 2048 crypt aes-xts-plain64 46eafb93f30bdfac010f8fd606080fc48ecbb93af823da18ceeb920ff9abfa75 100 /dev/ram0 280\n' | dmsetup create d1; echo rc=$?
printf '0 128 unstriped 3 8 2 /dev/mapper/d1 0\n128 8 error\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=4 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=4 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 flakey /dev/ram1 976 0 3600 1 error_writes\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=4 seek=117 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=117 count=7 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=247 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 16 zero\n16 128 crypt aes-cbc-null 8927cfd9298e416e7e333deb8173f566 100 /dev/mapper/d1 3368\n' | dmsetup reload d3; echo rc=$?
dmsetup remove --force d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
