# difffuzz v2 seed 94 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's94b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's94b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's94b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's94b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf '0 1024 delay 1:2 264 2 /dev/ram1 1000 3\n' | dmsetup create d2; echo rc=$?
dmsetup rename d2 top; echo rc=$?
dmsetup suspend top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=4 seek=12 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=12 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=1 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=127 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 16 error\n' | dmsetup create d1; echo rc=$?
printf '0 8 zero\n8 256 striped 2 32 /dev/mapper/top 264 /dev/mapper/top 184\n' | dmsetup create d2 -r; echo rc=$?
printf '0 1024 flakey /dev/mapper/top 0 0 3600 1 drop_writes\n1024 128 flakey /dev/ram2 752 3600 0 1 drop_writes\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
dmsetup create d3 --table '0 128 linear 1:0 688'; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 8 linear /dev/mapper/lv_x 144\n' | dmsetup create d2; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
