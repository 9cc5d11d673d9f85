# difffuzz v2 seed 95 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's95b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's95b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's95b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 't' >> /tmp/p
printf 's95b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
dmsetup deps; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
printf '0 1024 linear /dev/ram1 624\n' | dmsetup create d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=127 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=127 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 linear 1:1 88\n512 32 striped 2 16 /dev/ram0 1368 /dev/ram0 1752\n' > /tmp/t
dmsetup reload d1 /tmp/t; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
printf '0 512 linear /dev/ram0 856\n512 32 delay /dev/ram1 752 3 /dev/mapper/d1 312 0\n' | dmsetup create d2; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
printf '0 8 delay /dev/ram0 1544 0\n' | dmsetup create d2; echo rc=$?
dmsetup load d1 --table '8 256 linear /dev/ram0 600'; echo rc=$?
dmsetup suspend d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
