# difffuzz v2 seed 100 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's100b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf 's100b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's100b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'E' >> /tmp/p
printf 's100b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'U' >> /tmp/p
dmsetup table d1; echo rc=$?
dmsetup table d2; echo rc=$?
dmsetup table; echo rc=$?
printf '0 128 flakey 1:0 1584 0 3600\n' | dmsetup create d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
dmsetup deps -o devname d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup create d2 --table '0 1024 switch'; echo rc=$?
printf '0 512 striped 2 8 /dev/ram0 1224 /dev/ram1 1000\n' | dmsetup create top; echo rc=$?
printf '0 336 switch 3 8 0 /dev/ram1 0 /dev/ram0 0 /dev/ram0 0\n' | dmsetup load d3; echo rc=$?
dmsetup create d2 --table '0 512 crypt aes-cbc-plain 07dc05deeccf8573b954ac12b8a94a9997ca5a4c24d306040e93d84742d5a035 0 /dev/ram1 976'; echo rc=$?
dmsetup clear d0; echo rc=$?
dmsetup remove d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=0 seek=36 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=36 count=4 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=4096 skip=173 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d3 --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=18 seek=331 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=331 count=8 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=14 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
