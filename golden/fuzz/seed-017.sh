# difffuzz v2 seed 17 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's17b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's17b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's17b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's17b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
dmsetup table d2; echo rc=$?
printf '0 56 switch 3 64 0 /dev/ram0 0 /dev/ram3 0 /dev/ram1 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup reload top --table '0 128 unstriped 3 16 0 /dev/ram3 0'; echo rc=$?
printf '0 32 zero\n32 128 delay /dev/ram2 2696 3 /dev/ram1 376 3\n' | dmsetup reload top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=2 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup load top --table '0 256 zero'; echo rc=$?
dmsetup rename top top; echo rc=$?
dmsetup table --inactive top; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message top 0 set_region_mappings 1:0; echo rc=$?
dmsetup create d1 --table '0 8 linear 1:0 680'; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup create top --table '0 2048 switch 1:1 1112 0'; echo rc=$?
printf '0 128 delay /dev/ram2 2712 3 /dev/ram2 1112 1\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
