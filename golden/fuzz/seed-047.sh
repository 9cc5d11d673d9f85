# difffuzz v2 seed 47 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's47b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's47b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's47b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's47b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'E' >> /tmp/p
dmsetup table --inactive d2; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 8 zero\n' | dmsetup create top; echo rc=$?
printf '0 512 linear 1:2 152\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup rename top top; echo rc=$?
printf '0 128 linear 1:1 504\n128 256 linear /dev/ram1 1424 abc\n' | dmsetup create lv_x; echo rc=$?
dmsetup remove --force top; echo rc=$?
printf '0 336 switch 2 16 0 /dev/ram1 0 1:1 0\n' | dmsetup create lv_x -r; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=2 seek=17 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=17 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d3; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup suspend --noflush lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=42 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 32 unstriped 2 32 1 1:1 0\n' | dmsetup load lv_x; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup table --inactive lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
