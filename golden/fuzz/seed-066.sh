# difffuzz v2 seed 66 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's66b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's66b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 't' >> /tmp/p
printf 's66b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's66b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'q' >> /tmp/p
printf '0 2048 zero\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=216 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=216 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup resume d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup create d2 --table '0 16 flakey /dev/ram0 5240'; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup create d3 --table '0 256 crypt aes-xts-plain64 72e857dbef35056da0c202c05f6b6f2153eeba013650731fc852c89cdb8c0c53b06f3d6a7fec24dc426de5419a1c0f64b1c85a1e904636891dcb665483f8e92b 100 /dev/ram1 5064'; echo rc=$?
printf '0 128 crypt aes-cbc-plain 4432bf8232cc76f177d59a8d83cedf4de2a38885d50125bc7856a9ebabce70f3 0 1:2 2664 2 same_cpu_crypt allow_discards\n' | dmsetup create top; echo rc=$?
dmsetup remove top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=15 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=15 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 32 striped 7 8 /dev/ram0 5728 /dev/ram1 5696\n' | dmsetup create top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=2 seek=93 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=93 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=98 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup message d3 0 set_region_mappings 0:0; echo rc=$?
dmsetup table; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=4096 skip=28 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=181 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
