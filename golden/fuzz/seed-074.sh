# difffuzz v2 seed 74 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's74b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'g' >> /tmp/p
printf 's74b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's74b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's74b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'v' >> /tmp/p
dmsetup status; echo rc=$?
printf '0 8 unstriped 2 8 1 1:0 0\n8 1024 zero\n' | dmsetup create top; echo rc=$?
printf '0 256 linear 1:1 2816\n256 8 crypt aes-cbc-plain64be 1f4ab64a51067c42f06c71528908611f 0 /dev/ram1 3368 1 sector_size:4096\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=787 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend lv_x; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=390 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove top; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 96 switch 3 64 0 /dev/ram1 0 /dev/ram2 0 1:2 0\n' | dmsetup create d2; echo rc=$?
printf '1 128 flakey /dev/ram2 1424 0 3600 1 error_writes\n' | dmsetup create d0; echo rc=$?
dmsetup info -c; echo rc=$?
printf '0 8 linear /dev/ram1 3632\n' | dmsetup create d3 -r; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup clear d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=2 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=17 seek=2325 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=2325 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d3 0 hello; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
