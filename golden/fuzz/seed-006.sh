# difffuzz v2 seed 6 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's6b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's6b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's6b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's6b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'R' >> /tmp/p
printf '0 512 zero\n' | dmsetup create lv_x; echo rc=$?
dmsetup table lv_x; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup table --inactive lv_x; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
printf '0 1024 striped 2 32 /dev/ram1 5392 /dev/ram3 6104\n' | dmsetup create top; echo rc=$?
dmsetup create d0 --table '0 256 linear 1:0 3872'; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup create d2 --table '0 512 delay /dev/ram2 432 0'; echo rc=$?
printf '0 256 linear 1:2 584\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=1 seek=48 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=48 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 512 linear /dev/ram1 5264\n512 16 linear /dev/mapper/d0 72\n' | dmsetup reload d2; echo rc=$?
dmsetup clear d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=13 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
