# difffuzz v2 seed 26 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's26b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's26b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'j' >> /tmp/p
printf 's26b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's26b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
dmsetup ls --tree; echo rc=$?
dmsetup create top --table '0 512 flakey /dev/ram1 5336 3600 0 1 drop_writes 99999999999'; echo rc=$?
dmsetup status; echo rc=$?
printf '0 232 switch 2 16 0 /dev/ram1 0 /dev/ram1 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup remove --force lv_x; echo rc=$?
dmsetup table d3; echo rc=$?
printf '0 304 switch 3 64 0 /dev/ram1 0 /dev/ram0 0 1:0 0\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup create d1 --notable; echo rc=$?
dmsetup status lv_x; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup table lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=4096 skip=0 seek=37 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=4096 skip=37 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 8 linear /dev/ram1 ''\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=512 skip=358 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls --tree; echo rc=$?
printf '0 2048 crypt aes-cbc-null 31ddefe61546b471e4ffea65bb6141f1 100 /dev/ram0 2040\n' | dmsetup load lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
