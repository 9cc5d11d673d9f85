# difffuzz v2 seed 18 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's18b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's18b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's18b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's18b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf '0 256 flakey /dev/ram3 3504 0 3600 1 drop_writes\n' | dmsetup create d1; echo rc=$?
dmsetup rename d1 top; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=7 seek=185 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=185 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --noflush top; echo rc=$?
printf '0 256 striped 2 8 /dev/ram2 7856 /dev/ram2 7152\n256 512 zero\n' | dmsetup load top; echo rc=$?
printf '0 256 error\n256 32 zero\n' | dmsetup load top; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 264 switch 3 8 0 /dev/ram3 0 1:1 0 /dev/ram2 0\n' | dmsetup create d2; echo rc=$?
dmsetup status d2; echo rc=$?
dmsetup resume d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=2 seek=19 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=19 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup suspend --nolockfs d2; echo rc=$?
printf '0 8 linear 1:2 2176\n' | dmsetup load d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
