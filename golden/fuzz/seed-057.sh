# difffuzz v2 seed 57 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's57b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
printf 's57b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's57b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's57b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
dmsetup deps -o devname d2; echo rc=$?
printf '0 8 crypt aes-cbc-essiv:sha256 1aa4f4846b3f37e1283fda92602cc9a876a12fc61dfe8e33 0 1:1 688 1 sector_size:4096\n' | dmsetup create d1; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup table top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup load d1 --table '0 128 linear /dev/ram3 1544 8193'; echo rc=$?
printf '1 8 delay /dev/ram0 1176 2 /dev/ram1 1864 0\n8 1024 delay 1:0 120 3\n' | dmsetup create top; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup suspend d0; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=2 count=2 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=31 seek=7 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=7 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload d1 --table '0 512 flakey /dev/ram0 688 0 3600 5 corrupt_bio_byte 325 w 9 0'; echo rc=$?
printf '0 8 linear /dev/ram2 1568\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
dmsetup suspend d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=21 seek=7 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=7 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d1; echo rc=$?
dmsetup create d0 --table '0 128 crypt aes-cbc-null e40172967fc687577349beee64cdb0a3 0 /dev/ram0'; echo rc=$?
dmsetup clear d1; echo rc=$?
printf '0 131080 crypt aes-cbc-plain 57e4bfe845ccffb316c746aaf5e241ce 0 /dev/ram1 0\n' | dmsetup create d2; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
