# difffuzz v2 seed 42 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's42b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's42b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's42b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's42b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'n' >> /tmp/p
printf '0 1024 linear /dev/ram2 5856\n1024 32 zero\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup message lv_x 0 set_region_mappings 0:0; echo rc=$?
printf '0 65544 flakey /dev/ram1 7096 3600 0 6 drop_writes corrupt_bio_byte 281 r 56 0\n' | dmsetup create d1; echo rc=$?
dmsetup status lv_x; echo rc=$?
printf '0 8 switch /dev/ram2 5408\n8 512 zero\n' | dmsetup reload lv_x; echo rc=$?
printf '0 128 linear /dev/mapper/lv_x 680\n128 16 zero\n' | dmsetup create d0; echo rc=$?
dmsetup load top --table '1 200 switch 3 8 0 /dev/ram2 0 /dev/ram1 0 1:0 0'; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 256 switch 2 16 0 1:2 0 /dev/ram2 0\n' | dmsetup create top; echo rc=$?
printf '0 2048 linear 1:2 4544\n2048 256 zero\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
dmsetup message d0 0 @stats_list; echo rc=$?
printf '0 128 unstriped 2 8 0 /dev/mapper/top 0\n128 16 linear /dev/ram1 7792\n' | dmsetup create d2; echo rc=$?
printf '0 8 delay /dev/mapper/top 0 0\n' | dmsetup reload d2; echo rc=$?
dmsetup ls; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=22 seek=750 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=750 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d0 lv_x; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
printf '0 256 unstriped 3 32 0 /dev/ram1 0\n' | dmsetup reload lv_x; echo rc=$?
printf '0 1024 zero\n' | dmsetup create d1; echo rc=$?
dmsetup rename lv_x top; echo rc=$?
dmsetup table; echo rc=$?
printf '0 16 linear /dev/mapper/lv_x 896\n' | dmsetup reload d0; echo rc=$?
printf '0 80 switch 2 8 0 /dev/mapper/d0 0 /dev/ram2 0\n' | dmsetup load d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
