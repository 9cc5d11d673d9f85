# difffuzz v2 seed 27 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's27b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's27b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's27b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's27b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
dmsetup create lv_x --table '0 32 delay /dev/ram2 2024 2 1:1 3000 3'; echo rc=$?
dmsetup create d2 --table '0 32 linear 1:2 2056'; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 128 zero\n128 128 error\n' | dmsetup create top -r; echo rc=$?
dmsetup deps -o devname lv_x; echo rc=$?
dmsetup suspend d2; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 2048 linear /dev/ram0 1472\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
printf '0 2048 flakey /dev/mapper/d0 0 0 3600 1\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '0 16 error\n16 2048 zero\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup remove lv_x; echo rc=$?
printf '0 128 striped 2 32 /dev/mapper/d1 720 /dev/mapper/d0 1128\n' | dmsetup create d3; echo rc=$?
dmsetup deps; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=8 seek=2047 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=2047 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
