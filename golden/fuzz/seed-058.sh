# difffuzz v2 seed 58 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's58b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
printf 's58b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's58b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'K' >> /tmp/p
printf 's58b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf '0 32 delay /dev/ram0 1328 1 /dev/ram1 1448 3\n32 16 zero\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=1502 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 error\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=0 seek=430 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=430 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup clear d1; echo rc=$?
printf '0 256 delay /dev/ram1 2704 1\n' | dmsetup create d0; echo rc=$?
printf '0 512 striped 2 32 /dev/mapper/top 256 /dev/mapper/top 112\n512 256 flakey /dev/ram0 3448 3600 0 5 corrupt_bio_byte 132 w 224 0 -1\n' | dmsetup reload d0; echo rc=$?
printf '0 360 switch 3 16 0 /dev/mapper/top 0 /dev/mapper/top 0 /dev/mapper/top 0\n' | dmsetup load d0; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 8 linear /dev/mapper/d1 32\n8 512 linear 1:1 1760\n' | dmsetup reload top; echo rc=$?
printf '0 8 zero\n8 128 crypt aes-cbc-plain64 fb8b1d035710fcbaf7b2e21802bd78078721c2ffd843ee3d44446873d78864af 0 /dev/mapper/d0 24\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup resume lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=1 seek=273 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=273 count=8 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=7 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d1; echo rc=$?
printf '0 512 striped 2 8 /dev/ram0 1008 /dev/ram0 800\n512 1024 error\n' | dmsetup load lv_x; echo rc=$?
dmsetup load lv_x --table '0 512 linear /dev/mapper/top 0'; echo rc=$?
printf '0 400 switch 3 64 0 1:0 0 /dev/ram1 0 /dev/ram0 0\n' | dmsetup reload d1; echo rc=$?
printf '8 32 flakey /dev/ram1 2912 0 3600\n' | dmsetup load top; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
