# difffuzz v2 seed 43 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's43b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's43b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
printf 's43b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'v' >> /tmp/p
printf 's43b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'h' >> /tmp/p
dmsetup status d2; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup status d1; echo rc=$?
dmsetup table; echo rc=$?
printf '0 176 switch 2 8 0 /dev/ram0 0 /dev/ram0 0\n' | dmsetup create lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/dev/mapper/lv_x bs=4096 skip=8 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 512 crypt 7 a8a2aa00249944f0043e662feca37e8f 100 /dev/ram1 1128\n' > /tmp/t
dmsetup load lv_x /tmp/t; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 32 crypt aes-ecb ec553226dc10a2b7100d83316b4484d7 7 /dev/ram3 1688\n32 8 flakey /dev/mapper/lv_x 144 3600 0 1 error_writes\n' | dmsetup create d1; echo rc=$?
printf '0 128 zero\n' | dmsetup load lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram3 bs=512 skip=16 seek=1106 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram3 bs=512 skip=1106 count=4 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/ram3; echo rc=$?
fi
dmsetup resume lv_x; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup remove lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
