# difffuzz v2 seed 85 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's85b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's85b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
printf 's85b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's85b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
dmsetup create top --table '0 48 switch 3 8 0 1:1 0 /dev/ram2 0 /dev/ram0 0'; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup resume top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=21 count=7 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=0 seek=5 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=5 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup clear top; echo rc=$?
dmsetup clear top; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup suspend top; echo rc=$?
printf '0 32 crypt aes-cbc-plain64be c55a042a18dbbb6ed186e6cd9e787e21 0 /dev/ram1 2928\n32 512 unstriped 2 8 0 1:1 0\n' | dmsetup create d1; echo rc=$?
dmsetup load top --table '0 256 error'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=14 seek=47 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=47 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
printf '0 128 error\n128 2048 linear 1:1 1352\n' | dmsetup load d1; echo rc=$?
dmsetup create d3 --notable; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
