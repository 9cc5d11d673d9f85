# difffuzz v2 seed 112 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's112b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's112b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's112b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's112b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'F' >> /tmp/p
dmsetup table; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create d0 --table '0 200 switch 3 8 0 /dev/ram0 0 1:0 0 /dev/ram1 0'; echo rc=$?
dmsetup suspend d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=27 seek=20 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=20 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=2 seek=14 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=14 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d0; echo rc=$?
printf '0 8 crypt aes-xts-plain64 609692c8db85977bad587dac6c4ef09b06b77ba4f26b4992971c26a17c6143bc 0 /dev/ram1 3000\n8 16 striped 2 8 1:0 3808 /dev/ram2 3264\n' | dmsetup create top; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup suspend --noflush top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=4096 skip=512 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram1; echo rc=$?
fi
dmsetup clear top; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 1024 linear 1:0 1064\n' | dmsetup create lv_x; echo rc=$?
dmsetup message lv_x 0 1 2 3; echo rc=$?
dmsetup message d0 0 1 2 3; echo rc=$?
dmsetup load lv_x --table '0 256 linear /dev/ram1 88'; echo rc=$?
dmsetup remove d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=25 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
