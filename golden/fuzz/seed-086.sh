# difffuzz v2 seed 86 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's86b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's86b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's86b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's86b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
dmsetup create d0 --table '0 512 delay /dev/ram1 6184 3 1:1 3632 3'; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup ls --tree; echo rc=$?
printf '0 256 linear 1:0 7568\n256 128 error\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 8 flakey 1:1 7336 0 3600\n' | dmsetup create d0; echo rc=$?
dmsetup status d0; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup create d3 --table '0 16 striped 2 8 1:2 4088 /dev/ram3'; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create d0 --table '0 64 switch 3 16 0 /dev/ram1 0 1:1 0 /dev/ram0 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=2 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=2 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup remove d0; echo rc=$?
printf '0 1024 unstriped 3 32 0 /dev/ram2 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=25 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=25 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/lv_x; echo rc=$?
fi
dmsetup create d0 --table '0 8'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
