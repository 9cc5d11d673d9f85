# difffuzz v2 seed 35 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's35b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's35b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's35b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's35b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
dmsetup deps -o devname d2; echo rc=$?
dmsetup create lv_x --notable; echo rc=$?
dmsetup suspend --noflush lv_x; echo rc=$?
printf '0 16 flakey 8193 3592 0 3600\n' | dmsetup create d2; echo rc=$?
printf '0 32 unstriped 3 32 0 /dev/ram1 0\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=5 seek=0 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=0 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=512 skip=26 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
printf '0 1024 linear aes-xts-plain e80fc6d5866e674d8ca23b0fedd81b3c9057913ace5716e276ee866da658133b 0 /dev/ram2 1896\n' | dmsetup create d2; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=11 seek=32 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=32 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup suspend --nolockfs lv_x; echo rc=$?
printf '0 16 error\n16 1024 zero\n' | dmsetup create d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=5 seek=31 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=31 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create top --notable; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup table; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
