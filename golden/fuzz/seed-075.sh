# difffuzz v2 seed 75 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's75b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's75b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's75b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's75b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
dmsetup create d1 --table '0 8 crypt aes-cbc-null 9325279395ce8821c7a14d7f98059bf7 0 /dev/ram2 232'; echo rc=$?
printf '0 16 linear /dev/ram2 2088\n' | dmsetup create top -r; echo rc=$?
dmsetup resume top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=1 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup suspend --noflush d1; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 256 error\n' | dmsetup load top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=18 seek=7 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=7 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup remove top; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create d3 --table '0 64 switch 3 16 0 1:2 0 /dev/ram2 0 /dev/ram2 0'; echo rc=$?
dmsetup create top --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=4096 skip=0 seek=3 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=4096 skip=3 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup message d3 0 set_region_mappings 6:1 R1,1 6:2 6:1; echo rc=$?
printf '0 32 crypt aes-xts-plain64 8e6c9d51aacf688a79908759c61ef145e65756c4076743274d96030cfd8c1369 100 1:0 3608\n32 128 striped 2 32 /dev/ram1 1976 /dev/mapper/d3 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=4096 skip=3 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
printf '0 256 flakey /dev/ram1 3640 0 3600 1\n' | dmsetup create d0 -r; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
