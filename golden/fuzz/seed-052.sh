# difffuzz v2 seed 52 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's52b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's52b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's52b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's52b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
dmsetup info -c; echo rc=$?
printf '0 128 crypt aes-xts-plain64 3e5064e2b10c301fa0c437d532474fa0baf518a3c8cfa29e6a1f5cc85c47885816e6c576c0141db7b365a30bdc46dbd32d84c1717e2301a7b5064ab1d5b65846 0 '' 7336\n' | dmsetup create d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table --inactive d1; echo rc=$?
printf '0 16 linear /dev/ram0 4352\n16 16 linear 1:2 5120\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=27 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 1024 flakey /dev/ram1 2368 0 3600 5 corrupt_bio_byte 232 w 66 0\n' | dmsetup create d3; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup rename d1 d0; echo rc=$?
dmsetup remove d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=0 seek=10 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=10 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls --tree; echo rc=$?
dmsetup suspend d0; echo rc=$?
printf '0 512 zero\n512 1024 error\n' | dmsetup reload d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=1 seek=8 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=8 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup create d1 --table '0 16 error'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
