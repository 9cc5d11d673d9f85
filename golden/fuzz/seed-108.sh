# difffuzz v2 seed 108 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's108b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's108b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's108b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's108b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
printf '0 8 flakey 1:1 928 0 3600 1 drop_writes\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 256 striped 2 8 /dev/ram1 48 /dev/ram1 864\n' | dmsetup create d3; echo rc=$?
printf '0 2048 linear /dev/ram0 0\n2048 8 zero\n' | dmsetup create lv_x; echo rc=$?
dmsetup table --inactive lv_x; echo rc=$?
printf '0 2048 zero\n2048 256 delay /dev/mapper/lv_x 1448 0\n' | dmsetup create top; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=17 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=17 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup deps; echo rc=$?
dmsetup remove d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=517 count=8 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup message d3 0 hello; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
