# difffuzz v2 seed 64 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's64b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's64b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
printf 's64b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'q' >> /tmp/p
printf 's64b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf '0 8 crypt aes-cbc-plain64be 54ebeeea608c2cff2b350a3a1213d27d 0 /dev/ram1 560 1 no_read_workqueue\n' | dmsetup create d0; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
printf '0 512 linear /dev/ram1 2984\n512 256 linear\n' | dmsetup create d0 -r; echo rc=$?
printf '0 2048 delay /dev/ram0 1520 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=1720 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 8 zero\n' | dmsetup reload d0; echo rc=$?
printf '0 8 error\n8 128 unstriped 2 16 1 /dev/ram2 0\n' > /tmp/t
dmsetup reload d0 /tmp/t; echo rc=$?
printf '0 2048 linear /dev/ram1 336\n2048 16 linear 1:1 2680\n' | dmsetup create d2; echo rc=$?
dmsetup message d2 0 set_region_mappings 0:0; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup message d0 0 @stats_list; echo rc=$?
dmsetup message d0 0 set_region_mappings 0:0; echo rc=$?
dmsetup create lv_x --table '0 2048 striped 2 64 1:1 448 /dev/ram2 2736'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=15 seek=405 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=405 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message d0 0 @stats_list; echo rc=$?
printf '0 2048 error\n2048 128 crypt aes-ecb 18583049a9306ff2a55e709aedb2aeb3 0 /dev/mapper/d0 1736 1 no_read_workqueue\n' | dmsetup reload d2; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 512 delay /dev/ram0 1824 0 -1\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup remove d0; echo rc=$?
printf '0 512 unstriped 3 16 1 /dev/ram1 0\n512 16 zero\n' | dmsetup create d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
