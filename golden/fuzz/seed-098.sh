# difffuzz v2 seed 98 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's98b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's98b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's98b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's98b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
dmsetup status; echo rc=$?
dmsetup create d2 --table '0 1024 delay /dev/ram1 6384 3'; echo rc=$?
printf '0 1024 linear 1:0 5304\n1024 128 striped 2 16 /dev/mapper/d2 72 /dev/mapper/d2 944\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=462 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 16 zero\n' | dmsetup reload d2; echo rc=$?
printf '0 16 error\n' | dmsetup reload d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=624 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 32 linear /dev/ram3 4376\n' | dmsetup reload d2; echo rc=$?
dmsetup clear d2; echo rc=$?
printf '0 128 crypt aes-cbc-plain64 5a59d1b8f4bca2d9a4d3b7754ea573c8 7 /dev/ram2 3904\n128 128 linear /dev/ram1 2040\n' | dmsetup load d2; echo rc=$?
printf '0 128 zero\n' | dmsetup load d2; echo rc=$?
dmsetup rename d2 d3; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=2 seek=36 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=36 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d3 0 @cancel_deferred_remove; echo rc=$?
printf '0 32 linear /dev/ram2 8016\n' | dmsetup create d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
