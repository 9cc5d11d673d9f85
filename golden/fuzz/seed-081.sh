# difffuzz v2 seed 81 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's81b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf 's81b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's81b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'z' >> /tmp/p
printf 's81b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf '0 2048 crypt aes-cbc-essiv:sha256 353c6a0a2d6cb39245154f9a4d14ad8ddcf7a1702e35e12ae16b7d00adfaad39 7 1:1 1376\n' | dmsetup create lv_x; echo rc=$?
dmsetup status; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=1795 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup suspend --nolockfs lv_x; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup status; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=19 seek=1906 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=1906 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup resume lv_x; echo rc=$?
printf '0 8 delay /dev/ram0 2672 3\n8 16 linear aes-ecb 24e9774bcade7d47b4c7527831d7d1fa 100 /dev/ram1 7008\n' | dmsetup reload lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup suspend --noflush lv_x; echo rc=$?
dmsetup create d3 --table '0 256 linear /dev/mapper/lv_x 192'; echo rc=$?
printf '0 32 flakey 1:1 3024 0 3600 1 error_writes\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=76 count=6 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=16 seek=19 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=19 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup deps -o devname d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=29 seek=5122 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=5122 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=221 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=30 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup clear lv_x; echo rc=$?
dmsetup create d0 --table '0 256 striped 2 64 1:0 4832 1:0 6360'; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
