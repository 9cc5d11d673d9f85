# difffuzz v2 seed 82 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's82b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
printf 's82b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's82b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's82b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
dmsetup ls --tree; echo rc=$?
dmsetup table; echo rc=$?
dmsetup status; echo rc=$?
printf '0 480 switch 2 64 0 /dev/ram0 0 /dev/ram1 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 2048 unstriped 3 8 2 1:0 0\n' > /tmp/t
dmsetup load d0 /tmp/t; echo rc=$?
dmsetup message d0 0 set_region_mappings 7:1 6:0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=57 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload d0 --table '0 1024 delay 1:0 2560 1 /dev/ram0 320 1 99999999999'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=2 seek=332 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=332 count=8 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=7 seek=479 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=479 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup load d0 --table '0 1024 crypt aes-xts-plain 181832dfb2ae815978f6c5aad0224b036e95a70d6f11c6e373a167e8c0242e96 7 1:1 2680 1 sector_size:4096 x'; echo rc=$?
printf '1 8 linear /dev/mapper/d0 400\n' | dmsetup create d3; echo rc=$?
printf '0 256 unstriped 3 16 2 /dev/ram0 0\n256 32 flakey /dev/ram1 6160 0 3600 1 drop_writes\n' | dmsetup create lv_x; echo rc=$?
dmsetup create d1 --table '0 256 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=28 seek=64 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=64 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
