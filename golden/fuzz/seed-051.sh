# difffuzz v2 seed 51 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's51b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's51b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'H' >> /tmp/p
printf 's51b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's51b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf '0 32 linear 99999999999 7424\n32 1024 linear 1:0 2128\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup create d3 --table '0 8 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=8 seek=8191 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=8191 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload d3 --table '0 160 switch 3 64 0 1:2 0 /dev/ram0 0 1:2 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=0 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup load d3 --table '0 512 delay /dev/ram2 80 2'; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup load d3 --table '0 8 linear /dev/ram1 5272'; echo rc=$?
dmsetup remove d3; echo rc=$?
printf '0 128 striped 2 64 1:2 1728 1:0 4528\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup clear d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=17 seek=128 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=128 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
