# difffuzz v2 seed 80 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's80b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's80b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's80b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's80b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
dmsetup status; echo rc=$?
printf '0 2048 zero\n2048 512 unstriped 3 16 1 /dev/ram3 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
printf '0 32 linear 1:0 256\n32 32 striped 2 8 /dev/ram0 1064 1:1 224\n' | dmsetup create top; echo rc=$?
dmsetup rename top d0; echo rc=$?
dmsetup create d3 --table '0 512 unstriped 2 8 0 /dev/ram1 0'; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup remove d3; echo rc=$?
printf '0 256 linear 1:2 168\n256 2048 linear /dev/ram0\n' | dmsetup create d1; echo rc=$?
printf '0 256 error\n256 512 striped 2 32 1:3 1264 /dev/ram0 40\n' > /tmp/t
dmsetup reload d0 /tmp/t; echo rc=$?
printf '0 2048 error\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=18 seek=705 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=705 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --noflush d0; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=27 seek=30 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=30 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d2; echo rc=$?
fi
dmsetup deps -o devname d2; echo rc=$?
dmsetup rename d0 top; echo rc=$?
dmsetup create d0 --table '0 32 crypt aes-cbc-plain64be a926bbfac35592ab67986d28341ab087 7 /dev/mapper/d2 1384 1 no_read_workqueue'; echo rc=$?
printf '0 8 linear /dev/ram1 528\n8 8 error\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
dmsetup deps -o devname d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=4096 skip=154 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d2 0 @cancel_deferred_remove; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
