# difffuzz v2 seed 41 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's41b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's41b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's41b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'q' >> /tmp/p
printf 's41b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
dmsetup create lv_x --notable; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup create d0 --table '0 216 switch 3 16 0 /dev/ram0 0 1:0 0 /dev/ram0 0'; echo rc=$?
dmsetup load d0 --table '0 32 zero'; echo rc=$?
dmsetup remove --force d0; echo rc=$?
printf '0 1024 nosuch 1:1 1984 3600 0 1 drop_writes\n' | dmsetup create d1; echo rc=$?
printf '0 512 linear /dev/ram1 2688\n512 128 error\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 400 switch 2 64 0 /dev/ram1 0 1:0 0\n' > /tmp/t
dmsetup reload lv_x /tmp/t; echo rc=$?
dmsetup status; echo rc=$?
dmsetup create d3 --table '0 2048 error'; echo rc=$?
printf '0 512 zero\n512 32 zero\n' | dmsetup reload d3; echo rc=$?
dmsetup ls --tree; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=481 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=1742 count=7 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
dmsetup resume d3; echo rc=$?
dmsetup create d1 --table '0 2048 striped 2 64 1:0 1360 /dev/ram0 2832'; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 16 flakey /dev/ram1 1464 0 3600 1 error_writes\n' | dmsetup reload d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=18 seek=1970 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=1970 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
printf '0 2048 zero\n2048 2048 delay /dev/ram1 1752 0 /dev/ram0 440 0\n' | dmsetup create d0; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 8 zero\n' | dmsetup create top; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 472 switch 2 64 0 /dev/mapper/d3 0 1:1 0\n' | dmsetup create d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
