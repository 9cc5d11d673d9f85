# difffuzz v2 seed 77 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's77b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's77b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's77b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's77b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'c' >> /tmp/p
printf '0 160 switch 2 8 0 /dev/ram2 0 /dev/ram1 0\n' | dmsetup create d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=7 seek=159 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=159 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup clear d1; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup deps -o devname d0; echo rc=$?
dmsetup table; echo rc=$?
printf '0 1024 crypt aes-cbc-plain fc998a7cb4d06131e2f7d564ef541d9d77bd03d39b23b596d5f89789399609b6 100 /dev/ram0 3584 -1\n1024 256 zero\n' | dmsetup create top; echo rc=$?
printf '0 256 zero\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=25 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=21 seek=3247 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=3247 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 2048 linear /dev/ram1 1376\n' | dmsetup create d0; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
