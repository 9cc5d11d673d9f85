# difffuzz v2 seed 92 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's92b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's92b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's92b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's92b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
dmsetup create d2 --table '0 520 linear /dev/ram1 336'; echo rc=$?
printf '0 32 error\n' | dmsetup create d3; echo rc=$?
printf '0 65544 crypt aes-cbc-plain64 e64a16c5ba23c8449dc1509998e13021f61f58d851fb033599c61d3cc0329cec 100 /dev/ram0 368 1 allow_discards\n' > /tmp/t
dmsetup create top -r /tmp/t; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 32 linear /dev/mapper/d3 0 ''\n32 32 unstriped 3 32 0 /dev/ram0 0\n' | dmsetup create top; echo rc=$?
dmsetup remove d3; echo rc=$?
printf '0 16392 striped 2 64 /dev/ram1 976 /dev/ram0 904\n' | dmsetup create top; echo rc=$?
printf '0 88 switch 2 8 0 /dev/ram0 0 /dev/ram1 0\n' | dmsetup create top; echo rc=$?
printf '0 8200 crypt aes-ecb df7745be533f2452af8b6c100377f0da 0 /dev/ram1 120\n' | dmsetup create d2; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup suspend top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=1 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
printf '0 256 crypt aes-cbc-plain64 9803b76eadfe413e9b6c40a31cc5f828 0 /dev/ram0 864\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
printf '1 128 flakey /dev/mapper/lv_x 16 0 3600 1 error_writes\n' | dmsetup create d3; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup message d1 0 @stats_list; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=16 seek=31 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=31 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 6
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
