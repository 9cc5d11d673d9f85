# difffuzz v2 seed 110 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's110b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's110b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's110b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's110b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 't' >> /tmp/p
printf '0 520 linear /dev/ram0 5448\n' | dmsetup create d3 -r; echo rc=$?
dmsetup create top --table '0 1024 zero /dev/nope'; echo rc=$?
printf '0 16 flakey /dev/ram0 2632 3600 0 1 drop_writes\n' > /tmp/t
dmsetup create d3 -r /tmp/t; echo rc=$?
dmsetup create top --table '0 512 crypt aes-cbc-null 4d0f1bdb2f2e984ec5aab5b136e21029 0 /dev/ram1 4488 1 allow_discards'; echo rc=$?
printf '0 32 error 0x10\n' | dmsetup create d2; echo rc=$?
printf '0 1024 linear 1:1 824\n1024 16 linear /dev/mapper/d3 0\n' | dmsetup create lv_x; echo rc=$?
printf '0 472 switch 2 16 0 /dev/ram1 0 /dev/ram0 0\n' | dmsetup load d3; echo rc=$?
dmsetup create d1 --table '1 256 zero'; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 504 switch 2 8 0 /dev/mapper/top 0 1:1 8193\n' | dmsetup create d0; echo rc=$?
printf '0 464 switch 3 8 0 /dev/ram0 0 /dev/ram1 0 /dev/ram0 0 x\n' | dmsetup create d0; echo rc=$?
dmsetup deps; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=4 seek=259 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=259 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup clear d3; echo rc=$?
dmsetup create d0 --table '0 1024 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=1 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume d0; echo rc=$?
dmsetup deps; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=4096 skip=316 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
