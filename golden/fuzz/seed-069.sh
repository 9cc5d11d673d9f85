# difffuzz v2 seed 69 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's69b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's69b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's69b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'K' >> /tmp/p
printf 's69b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Z' >> /tmp/p
dmsetup ls --target linear; echo rc=$?
printf '0 16 flakey 1:0 2008 3600 0 1 drop_writes\n16 2048 flakey 1:2 0 0 3600 8193\n' | dmsetup create d0; echo rc=$?
dmsetup deps; echo rc=$?
printf '0 32776 unstriped 2 16 0 1:2 0\n' | dmsetup create d1; echo rc=$?
printf '0 32 linear /dev/ram1 1208\n' | dmsetup create d3; echo rc=$?
dmsetup message d3 0 @cancel_deferred_remove; echo rc=$?
dmsetup table d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=19 seek=12 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=12 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove d3; echo rc=$?
printf '0 1024 striped 2 8 /dev/ram0 896 /dev/ram2 1128\n1024 8 linear /dev/ram0 376\n' | dmsetup create d1; echo rc=$?
printf '0 512 unstriped 2 16 0 1:0 0\n512 128 striped 1:0 1256\n' | dmsetup create d0; echo rc=$?
printf '0 128 zero\n' | dmsetup reload d1; echo rc=$?
printf '0 2048 error\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
printf '0 16 delay 1:1 1072 3 /dev/ram0 1680 0\n' > /tmp/t
dmsetup load lv_x /tmp/t; echo rc=$?
dmsetup reload d1 --table '0 232 switch 3 16 0 /dev/ram1 0 /dev/ram0 0 /dev/ram1 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=1014 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=0 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup remove lv_x; echo rc=$?
dmsetup suspend --nolockfs d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=4 seek=1023 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1023 count=8 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
