# difffuzz v2 seed 8 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's8b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's8b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's8b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's8b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'e' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
printf '0 32 striped 2 16 /dev/ram1 1328 /dev/ram1 3792\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '0 2048 flakey /dev/ram2 4784 0 3600\n2048 32 unstriped 3 16 0 1:1\n' | dmsetup create lv_x; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=12 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup remove d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup rename d0 d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=4096 skip=0 seek=0 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 128 linear 1:2 7728\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup create d2 --table '0 128 switch 2 8 abc /dev/ram2 0 /dev/ram0 0'; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 128 striped 2 8 1:0 4624 1:0 720\n128 128 linear 1:0 5776\n' | dmsetup load d1; echo rc=$?
printf '0 128 unstriped 2 32 0 /dev/ram0 0\n' | dmsetup create top; echo rc=$?
dmsetup rename top d0; echo rc=$?
dmsetup message d0 0 1 2 3; echo rc=$?
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=127 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
