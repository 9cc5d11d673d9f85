# difffuzz v2 seed 124 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's124b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's124b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's124b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's124b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'W' >> /tmp/p
dmsetup status lv_x; echo rc=$?
printf '0 32 linear /dev/ram1 2472\n' | dmsetup create d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
dmsetup clear d0; echo rc=$?
printf '0 16 zero\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
dmsetup rename d0 d0; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup deps; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=2 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup message d0 0 1 2 3; echo rc=$?
printf '8 256 flakey 1:1 952 3600 0 1 error_writes\n' > /tmp/t
dmsetup reload d0 /tmp/t; echo rc=$?
dmsetup message d3 0 hello; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup table; echo rc=$?
printf '0 128 error\n128 1024 flakey /dev/ram0 1232 0 3600 1 drop_writes\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup table; echo rc=$?
printf '0 376 switch 2 64 0 1:2 0 /dev/ram0 0\n' | dmsetup create d2; echo rc=$?
printf '0 128 flakey 1:0 464 0 3600 1 drop_writes\n128 2048 error\n' | dmsetup reload d2; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 1024 flakey /dev/ram1 608 3600 0 5 corrupt_bio_byte 546 w 68 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=88 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=88 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup status; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=23 seek=1024 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=1024 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
