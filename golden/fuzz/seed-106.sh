# difffuzz v2 seed 106 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's106b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's106b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's106b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's106b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'f' >> /tmp/p
dmsetup ls --target linear; echo rc=$?
dmsetup table d0; echo rc=$?
dmsetup create d2 --table '0 32776 error'; echo rc=$?
dmsetup table lv_x; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup create d1 --table '0 40 switch 3 64 0 1:1 0 /dev/ram0 0 /dev/ram1 0'; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup table; echo rc=$?
printf '0 32 linear /dev/ram0 1904\n' | dmsetup create d2; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '8 2048 linear /dev/ram0 1912\n' | dmsetup create d0; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup create d0 --table '1 256 error'; echo rc=$?
dmsetup create d0 --table '0 400 switch 2 64 0 1:1 0 /dev/ram1 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=0 seek=1 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=1 count=2 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup resume d0; echo rc=$?
printf '0 2048 error\n' | dmsetup reload d0; echo rc=$?
dmsetup message d0 0 set_region_mappings 1:1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
