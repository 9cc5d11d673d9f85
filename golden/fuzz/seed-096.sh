# difffuzz v2 seed 96 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's96b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's96b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's96b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's96b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf '0 32 delay /dev/ram1 3112 1\n32 16 linear /dev/ram0 2032\n' | dmsetup create top; echo rc=$?
dmsetup message top 0 @stats_list; echo rc=$?
printf '0 2048 crypt aes-cbc-plain64 e826602ba1fa3ade2e1be4a338059a4498dae8c47fd8b8e3640e4d08c14bea2d 0 1:1 1952\n2048 32 linear /dev/ram0 2008\n' | dmsetup create d1; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup reload d1 --table '0 2048 linear /dev/ram2 48'; echo rc=$?
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=512 skip=25 seek=394 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=512 skip=394 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup create lv_x --table '1 1024 zero'; echo rc=$?
dmsetup rename d1 top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/dev/ram2 bs=512 skip=1465 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove --force top; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
