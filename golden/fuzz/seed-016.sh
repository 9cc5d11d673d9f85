# difffuzz v2 seed 16 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's16b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's16b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's16b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's16b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
dmsetup create d2 --table '0 128 switch'; echo rc=$?
printf '0 32 flakey 1:2 1536 3600 0\n' | dmsetup create top; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup reload top --table '0 456 switch 2 64 0 /dev/ram1 0 1:2 0'; echo rc=$?
dmsetup clear top; echo rc=$?
dmsetup message d1 0 hello; echo rc=$?
dmsetup status top; echo rc=$?
printf '0 136 switch 2 64 0 /dev/ram2 0 /dev/ram0 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup status lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=8 seek=7 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=7 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 14344 switch 3 16 0 1:0 0 /dev/ram0 0 1:2 0\n' | dmsetup reload lv_x; echo rc=$?
dmsetup status; echo rc=$?
printf '0 8 zero\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '0 32 delay /dev/ram0 1600 0\n' | dmsetup reload d1; echo rc=$?
dmsetup create d2 --notable; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 16 linear 1:0 848\n16 8 linear 1:2 1136\n' | dmsetup create d0; echo rc=$?
dmsetup status lv_x; echo rc=$?
printf '0 32 crypt aes-cbc-plain b3f46c84a4342065c98789765ee4f25f504214325b7e63a0bd975f831f6ba258 100 /dev/ram2 784 1 sector_size:4096\n' | dmsetup load d0; echo rc=$?
printf '0 32 delay /dev/ram1 1104 3 /dev/ram1 528 2 /dev/nope\n' | dmsetup create d1; echo rc=$?
dmsetup table d0; echo rc=$?
dmsetup create d3 --table '0 8 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=12 seek=1 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=1 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 256 delay /dev/ram2 48 0\n256 256 striped 2 64 /dev/ram2 904 1:0 112\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
