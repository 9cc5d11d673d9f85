# difffuzz v2 seed 40 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's40b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'z' >> /tmp/p
printf 's40b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's40b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'H' >> /tmp/p
printf 's40b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf '0 2048 striped 2 8 /dev/ram1 3496 /dev/ram1 2536\n' | dmsetup create d0; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup deps -o devname d3; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup deps -o devname d2; echo rc=$?
printf '0 256 striped 2 16 /dev/ram0 6752 1:2 2128\n256 1024 unstriped 3 16 2 1:0 0\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
printf '0 1032 linear /dev/ram1 4608\n' | dmsetup create d3; echo rc=$?
dmsetup status d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=9 seek=1164 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1164 count=6 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=20 seek=1262 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1262 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove d2; echo rc=$?
printf '0 32 unstriped 3 32 2 1:2 0\n32 1024 delay /dev/ram1 2000 0\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=1056 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
