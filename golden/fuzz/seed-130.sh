# difffuzz v2 seed 130 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's130b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's130b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'X' >> /tmp/p
printf 's130b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's130b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
printf '0 2048 flakey 1:1 976 0 3600 5 corrupt_bio_byte 548 r 108 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup table --inactive top; echo rc=$?
dmsetup create d0 --table '8 2048 linear /dev/mapper/top 0'; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup rename top d1; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup create lv_x --notable; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup table; echo rc=$?
printf '0 128 linear 1:1 3496\n128 8 linear /dev/ram1 2840\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup resume d1; echo rc=$?
printf '0 32 flakey 1:0 880 0 3600\n32 2048 striped 2 8 1:0 840 /dev/ram1 1720\n' | dmsetup create top; echo rc=$?
dmsetup ls --target linear; echo rc=$?
printf '0 2048 zero\n2048 2048 unstriped 2 16 1 /dev/ram0 0\n' | dmsetup reload top; echo rc=$?
printf '0 32 zero\n32 1024 unstriped 2 16 0 /dev/ram1 0\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=8 seek=1977 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=1977 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup message d1 0 set_region_mappings 0:0; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
dmsetup create lv_x --notable; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
