# difffuzz v2 seed 20 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's20b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's20b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
printf 's20b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'n' >> /tmp/p
printf 's20b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
dmsetup ls --tree; echo rc=$?
dmsetup table d0; echo rc=$?
dmsetup create d1 --table '0 2048 crypt aes-cbc-null acc29f4bc774a12d0345df870ffa018c 0 /dev/ram2'; echo rc=$?
printf '0 2048 zero\n' | dmsetup create d3; echo rc=$?
dmsetup rename d3 lv_x; echo rc=$?
dmsetup create d0 --table '0 131080 flakey /dev/ram0 1272 3600 0 5 corrupt_bio_byte 533 r 132 0'; echo rc=$?
dmsetup status top; echo rc=$?
printf '0 8200 flakey /dev/ram1 3424 3600 0 5 corrupt_bio_byte 300 w 12 0\n' | dmsetup create d3; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=4 seek=1262 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=1262 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup resume lv_x; echo rc=$?
dmsetup create top --table '0 256 error'; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
dmsetup deps -o devname lv_x; echo rc=$?
dmsetup status top; echo rc=$?
dmsetup create d3 --table '0 32 flakey 1:3 840 0 3600 1 drop_writes'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=25 seek=164 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=164 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 linear /dev/ram1 552\n' | dmsetup create d2; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup create d1 --notable; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup table d1; echo rc=$?
printf '0 264 switch 2 16 0 1:1 0 /dev/ram2 0\n' | dmsetup create d0 -r; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
