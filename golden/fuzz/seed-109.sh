# difffuzz v2 seed 109 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's109b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's109b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'G' >> /tmp/p
printf 's109b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's109b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'O' >> /tmp/p
dmsetup table top; echo rc=$?
dmsetup ls --tree; echo rc=$?
printf '0 256 unstriped 2 16 1 /dev/ram1 0\n' | dmsetup create d2; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 256 delay 1:0 1760 0\n256 8 crypt aes-cbc-null 1814803c9884192772bfefb35311789a 100 1:0 64\n' | dmsetup create d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup deps -o devname d0; echo rc=$?
dmsetup create d1 --table '0 256 zero'; echo rc=$?
printf '0 256 zero\n' | dmsetup load d1; echo rc=$?
dmsetup suspend --nolockfs d1; echo rc=$?
dmsetup message d1 0 @cancel_deferred_remove; echo rc=$?
dmsetup create d2 --table '0 512 linear /dev/ram1 1312'; echo rc=$?
printf '0 128 error ''\n' | dmsetup create d0; echo rc=$?
dmsetup resume d1; echo rc=$?
printf '0 16 error\n16 16 linear /dev/mapper/d1 160\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=10 seek=23 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=23 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup rename d0 d0; echo rc=$?
dmsetup message d1 0 hello; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=22 seek=158 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=158 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 256 linear 1:2 648\n256 1024 crypt aes-cbc-null 8b9ba2b7c42de0920a247d121d13ceb4 100 /dev/ram1 2848\n' | dmsetup reload d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=361 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d3 --table '0 32 flakey /dev/ram1 296 0 3600 5 corrupt_bio_byte 72 w 38 0'; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup rename d0 d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=22 seek=26 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=26 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup rename d3 d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
