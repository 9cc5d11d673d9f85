# difffuzz v2 seed 78 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's78b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's78b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's78b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's78b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
dmsetup create d2 --table '0 8 delay 1:2 1608 0'; echo rc=$?
dmsetup reload d2 --table '0 272 switch 3 8 0 /dev/ram1 0 /dev/ram2 0 /dev/ram2 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=22 seek=0 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=0 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status d2; echo rc=$?
printf '0 8 crypt aes-xts-plain 3b7eba77431f86116eca9ddaa4e5d587a695868d67a044c55870d651875bdddf 0 /dev/ram2 1056\n8 8200 crypt aes-cbc-plain64be 0cff1c4c9ee9adc84fc847c334d71777 7 /dev/ram0 4200\n' | dmsetup reload d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=0 seek=0 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 131080 error\n' | dmsetup create d1; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=24 seek=0 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=0 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup rename d2 d3; echo rc=$?
printf '0 128 unstriped 3 32 1 /dev/ram2 0\n' | dmsetup create d1 -r; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup clear d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
