# difffuzz v2 seed 1 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's1b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'K' >> /tmp/p
printf 's1b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's1b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's1b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'k' >> /tmp/p
dmsetup create d2 --table '0 128 flakey /dev/ram0 968 3600 0'; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
dmsetup table d2; echo rc=$?
printf '0 2048 linear /dev/ram0 768\n2048 512 crypt aes-cbc-plain64be b60a30c111e9af9cf02b8d801fc969f5 100 1:1 2480 2 same_cpu_crypt allow_discards 7\n' | dmsetup create lv_x; echo rc=$?
printf '0 256 flakey 1:1 1416 3600 0 1 drop_writes\n256 8 linear /dev/mapper/d2 8\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=219 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
dmsetup suspend --nolockfs d3; echo rc=$?
printf '0 512 crypt aes-cbc-plain64 987d1f0a0ec0f0abc4dfc8d6cacdc199 100 /dev/ram1 2544 /dev/nope\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend --noflush d2; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup message d3 0 hello; echo rc=$?
dmsetup message d3 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=27 seek=264 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=264 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --noflush d2; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
