# difffuzz v2 seed 62 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's62b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
printf 's62b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's62b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's62b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'U' >> /tmp/p
printf '0 128 delay /dev/ram0 352 3\n128 1024 crypt aes-xts-plain64 11f17349556e3bf95ea3cd0ed3a4cd8c02194bd55ee3803c38220c6797feef70b10ecd00aeaf7fe54a1951449f921dfd3a91f88982d09eadd83bf6a8126cdb5a 100 /dev/ram1 2816\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
printf '0 2048 zero\n2048 1024 delay 1:0 16 0\n' | dmsetup create top; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup message top 0 @stats_list; echo rc=$?
printf '0 32 crypt aes-cbc-null 2426937495d5a329451c089b233becc6 0 /dev/ram1 2992\n32 16 striped 2 8 /dev/ram0 248 /dev/ram1 3784\n' | dmsetup load d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=13 seek=3659 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=3659 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram0; echo rc=$?
fi
dmsetup clear top; echo rc=$?
dmsetup create d1 --table '0 128 crypt aes-cbc-plain64be c5ef85d1370e2a6e7b0a762cb5d350a8 7 /dev/mapper/top 1520'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=13 seek=3174 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=3174 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup suspend --noflush d1; echo rc=$?
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=0 seek=466 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=466 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=9 seek=1767 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=1767 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message top 0 hello; echo rc=$?
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=1 seek=4 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=4 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 1024 zero\n1024 2048 crypt aes-cbc-null dc574e7716dfe80dcf310bf4b634ebca 100 /dev/ram0 40\n' | dmsetup load d1; echo rc=$?
dmsetup remove d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=381 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs top; echo rc=$?
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
dmsetup suspend --nolockfs top; echo rc=$?
printf '0 256\n' | dmsetup load top; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
