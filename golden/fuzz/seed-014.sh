# difffuzz v2 seed 14 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's14b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Q' >> /tmp/p
printf 's14b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'U' >> /tmp/p
printf 's14b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 't' >> /tmp/p
printf 's14b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
dmsetup create d3 --table '0 32 crypt /dev/ram1 760'; echo rc=$?
dmsetup status; echo rc=$?
printf '0 16 linear /dev/ram1 624 x\n16 16 linear 1:0 184\n' | dmsetup create top; echo rc=$?
dmsetup create d3 --table '1 256 linear /dev/ram1 368'; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup info -c; echo rc=$?
printf '0 256 crypt aes-cbc-plain ce59ba621b88505526825300dbd1b2a4 7 1:1 1416 99999999999\n256 8 zero\n' | dmsetup create d2; echo rc=$?
printf '0 2048 zero\n2048 2048 delay /dev/ram1 0\n' | dmsetup create d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table d3; echo rc=$?
dmsetup create d2 --table '0 16 linear /dev/ram0 99999999999'; echo rc=$?
dmsetup create lv_x --table '0 256 error -1'; echo rc=$?
dmsetup create d2 --table '0 32 crypt aes-cbc-null 3d9f4320c6e4b6b2c0e5c49c6f37eb92 100 1:1 512'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=15 seek=5 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=5 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
dmsetup message d1 0 @cancel_deferred_remove; echo rc=$?
dmsetup suspend --noflush d2; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
