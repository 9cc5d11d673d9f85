# difffuzz v2 seed 99 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's99b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's99b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Q' >> /tmp/p
printf 's99b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's99b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
printf '0 1024 zero\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=8 seek=161 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=161 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d0 --notable; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
dmsetup clear d0; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup suspend d0; echo rc=$?
dmsetup info -c; echo rc=$?
printf '0 256 unstriped 2 32 1 /dev/ram1\n' | dmsetup create top; echo rc=$?
printf '0 16 linear /dev/mapper/d3 800\n16 32 crypt\n' | dmsetup reload d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=0 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup create d2 --table '0 1024 crypt 7 1bd56dee391ff60b4b3110d25d833448 0 /dev/ram0 216'; echo rc=$?
dmsetup message d0 0 hello; echo rc=$?
dmsetup rename d3 d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup message d3 0 1 2 3; echo rc=$?
dmsetup status; echo rc=$?
dmsetup reload d0 --table '0 2048 flakey 1:1 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=4096 skip=2 seek=6 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=4096 skip=6 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 2048 linear /dev/ram1 0\n' | dmsetup load d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
