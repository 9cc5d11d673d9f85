# difffuzz v2 seed 4 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's4b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's4b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's4b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's4b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'r' >> /tmp/p
printf '0 1024 delay /dev/ram2 1984 3 /dev/ram2 592 0\n' | dmsetup create d3 -r; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup create d0 -r --table '0 32 crypt aes-xts-plain c03a4c876823da1390ad47a16ac7d4e318c326d3da233fb8d2573f5b9edf86e0 100 1:2 2144'; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup reload d0 --table '0 32 linear /dev/ram0 1776'; echo rc=$?
printf '0 312 switch 3 8 0 1:2 0 /dev/ram0 0 /dev/ram2 0\n' > /tmp/t
dmsetup reload d0 /tmp/t; echo rc=$?
dmsetup table --inactive d0; echo rc=$?
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=7 seek=5 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=5 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload d0 --table '0 2048 flakey 1:1 1560 0 3600 1 error_writes'; echo rc=$?
printf '0 64 switch 3 8 0 /dev/ram3 0 /dev/ram0 0 1:1 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=1 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=1 count=3 iflag=direct 2>/dev/null | md5sum
fi
printf '0 32 delay /dev/mapper/lv_x 24 2 1:99\n' | dmsetup create d2 -r; echo rc=$?
printf '0 192 switch 2 99999999999 0 /dev/ram3 0 1:0 0\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=22 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup ls --tree; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=16 seek=20 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=20 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 2
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup remove d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram1 bs=512 skip=14 seek=3438 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram1 bs=512 skip=3438 count=7 iflag=direct 2>/dev/null | md5sum
fi
printf '0 112 switch 2 64 0 /dev/ram0 0 /dev/ram3 0\n' | dmsetup create top; echo rc=$?
printf '0 16 delay /dev/ram3 960 0\n' | dmsetup reload top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
