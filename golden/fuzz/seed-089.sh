# difffuzz v2 seed 89 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's89b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's89b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's89b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's89b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
dmsetup create top --notable; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup message top 0 set_region_mappings 0:0; echo rc=$?
printf '0 128 zero\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
printf '0 512 linear /dev/ram2 7384\n' | dmsetup create lv_x; echo rc=$?
dmsetup rename top d1; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup load d0 --table '0 512 switch 3 8 0 /dev/ram3 0 1:3 0 7 0'; echo rc=$?
dmsetup clear d0; echo rc=$?
printf '0 520 zero\n8 32 delay /dev/ram0 2312 2 /dev/mapper/d0 80 1\n' | dmsetup create top; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=25 seek=99 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=99 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 5
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
printf '8 16 linear /dev/ram1 4584\n' | dmsetup load d1; echo rc=$?
printf '0 32 switch /dev/ram0 5784\n32 512 striped 2 32 1:0 6912 1:3 7512\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=89 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup resume d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
