# difffuzz v2 seed 119 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's119b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's119b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'w' >> /tmp/p
printf 's119b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's119b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Y' >> /tmp/p
dmsetup table --inactive d2; echo rc=$?
dmsetup status; echo rc=$?
printf '0 512 unstriped 3 8 0 /dev/ram1 0\n512 32 linear /dev/ram2 3128\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 32 delay 1:0 152 0\n' > /tmp/t
dmsetup load lv_x /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=211 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=24 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=24 count=4 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=12 seek=36 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=36 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend lv_x; echo rc=$?
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=512 skip=679 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram0; echo rc=$?
fi
dmsetup resume lv_x; echo rc=$?
printf '0 8 crypt aes-cbc-null de28fcd3683d48e0ce4c92d108c7c13e 0 1:2 1680\n' | dmsetup create d3 -r; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=24 seek=2420 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=2420 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup deps -o devname d3; echo rc=$?
dmsetup clear d3; echo rc=$?
printf '0 8200 unstriped 3 8 0 /dev/ram2 0\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=3 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup resume lv_x; echo rc=$?
dmsetup create top -r --table '0 16 flakey /dev/mapper/lv_x 8 0 3600 1 error_writes'; echo rc=$?
printf '0 256 linear /dev/ram2 3120\n' | dmsetup create d1; echo rc=$?
dmsetup message lv_x 0 set_region_mappings 0:0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
