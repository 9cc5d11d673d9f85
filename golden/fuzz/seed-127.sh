# difffuzz v2 seed 127 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's127b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's127b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'O' >> /tmp/p
printf 's127b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's127b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'j' >> /tmp/p
dmsetup status d0; echo rc=$?
printf '0 2048 zero\n2049 8 delay 1:0 2072 1 /dev/ram1 1408 0\n' | dmsetup create d0; echo rc=$?
printf '0 16 zero\n' | dmsetup create d2; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup table d2; echo rc=$?
printf '0 256 unstriped 3 8 1 /dev/ram1 0\n256 128 error\n' | dmsetup create lv_x; echo rc=$?
printf '0 32 error\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=10 seek=43 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=43 count=4 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 crypt aes-cbc-plain64be 3e9bb6e6e0994c044ca229779a58a975 0 /dev/ram1 232 1 allow_discards\n512 8 error\n' > /tmp/t
dmsetup reload d3 /tmp/t; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 256 zero\n' | dmsetup load d2; echo rc=$?
printf '0 32 linear 1:0 1472\n' | dmsetup create d0; echo rc=$?
printf '0 8 error -1\n' | dmsetup create d1 -r; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup create d1 --notable; echo rc=$?
printf '0 360 linear 2 8 0 /dev/ram0 0 1:1 0\n' | dmsetup create d3; echo rc=$?
dmsetup load d0 --table '0 1024 zero'; echo rc=$?
dmsetup suspend top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=0 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 2
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup suspend --noflush d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
