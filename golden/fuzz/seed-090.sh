# difffuzz v2 seed 90 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's90b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's90b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's90b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'y' >> /tmp/p
printf 's90b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf '0 72 delay 3 8 0 1:3 0 /dev/ram1 0 /dev/ram1 0\n' | dmsetup create d1; echo rc=$?
dmsetup create d3 --table '0 256 flakey aes-cbc-plain 7b9c72db3a4ddd82591b1f82499c197d9120817c588dea29fb7938eb1ad1982e 7 /dev/ram2 1656'; echo rc=$?
dmsetup ls --target linear; echo rc=$?
printf '0 128 linear 1:2 280\n' | dmsetup create d2; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup message d2 0 1 2 3; echo rc=$?
dmsetup rename d2 d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d3 bs=512 skip=28 seek=76 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d3 bs=512 skip=76 count=3 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
dmsetup remove d3; echo rc=$?
printf '0 1024 linear /dev/ram1 0 1:99\n1024 2048 flakey 1:3 0 3600 0 5 corrupt_bio_byte 585 w 180 0\n' | dmsetup create d2; echo rc=$?
dmsetup create d1 --table '0 512 zero'; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup create d1 --table '0 2048 zero'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=25 seek=2048 count=6 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=2048 count=6 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d2 --table '0 16 flakey /dev/ram2 928 3600 0 6 drop_writes corrupt_bio_byte 188 r 233 0'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
