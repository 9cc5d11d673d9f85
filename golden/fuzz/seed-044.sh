# difffuzz v2 seed 44 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's44b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's44b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's44b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's44b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf '0 256 striped 2 16 1:2 2968 /dev/ram0 7344\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=27 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=27 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create lv_x --table '0 8 linear /dev/mapper/d0 224'; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup remove --force d0; echo rc=$?
dmsetup rename lv_x d2; echo rc=$?
printf '0 2048 linear /dev/ram1 4384\n2048 1024 striped 2 32 /dev/ram0 3336 /dev/ram2 2096\n' | dmsetup create d1; echo rc=$?
dmsetup resume lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram3 bs=512 skip=23 seek=545 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram3 bs=512 skip=545 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d0; echo rc=$?
printf '0 8 delay 1:2 2728 1 /dev/ram3 2864 1 ''\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup reload d1 --table '0 32 switch 3 64 0 /dev/ram2 0 /dev/ram3 0 1:3 0'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
