# difffuzz v2 seed 102 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's102b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's102b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'G' >> /tmp/p
printf 's102b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's102b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'u' >> /tmp/p
printf '0 16 delay 1:0 2792 0\n' | dmsetup create d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
printf '0 512 unstriped 3 32 1 1:1 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=12 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d1 0 1 2 3; echo rc=$?
printf '0 32 linear /dev/ram3 664\n32 32 delay 1:0 3664 3\n' | dmsetup load lv_x; echo rc=$?
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
dmsetup status d0; echo rc=$?
dmsetup create d2 --notable; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 128 striped 2 8 /dev/ram0 1920 /dev/ram1 3056\n128 1024 linear /dev/ram3 432\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=19 seek=364 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=364 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup clear top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=13 seek=1 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
