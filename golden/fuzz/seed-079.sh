# difffuzz v2 seed 79 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's79b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's79b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's79b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's79b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
dmsetup create d2 --table '0 2048 linear 1:0 0'; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
printf '0 256 delay 1:1 840 1\n256 2048 linear /dev/ram2 0\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=8 seek=1009 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=1009 count=6 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
printf '0 32 delay /dev/ram2 1328 2\n' | dmsetup reload d3; echo rc=$?
dmsetup resume d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=0 seek=46 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=46 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup load top --table '0 256 switch 3 16 0 1:2 0 /dev/mapper/d2 0 /dev/mapper/d2 0'; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup message d2 0 1 2 3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=10 seek=764 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=764 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup clear top; echo rc=$?
printf '0 16 zero\n' | dmsetup create lv_x; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
dmsetup clear d2; echo rc=$?
printf '0 96 switch 3 8 0 1:0 0 /dev/ram0 0 /dev/mapper/d2 0\n' | dmsetup create d3; echo rc=$?
dmsetup status d2; echo rc=$?
dmsetup create d1 --table '0 1024 crypt aes-ecb 07cd1c0606d80b0ed06768d3a48ad523 100 /dev/ram2 920'; echo rc=$?
dmsetup message d2 0 1 2 3; echo rc=$?
dmsetup reload top --table '0 512 delay /dev/ram1 1528 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=0 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
