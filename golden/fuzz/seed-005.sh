# difffuzz v2 seed 5 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's5b0' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'W' >> /tmp/p
printf 's5b1' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's5b2' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's5b3' >> /tmp/p; head -c 4092 /dev/zero | tr '\0' 'E' >> /tmp/p
dmsetup ls; echo rc=$?
dmsetup create d2 --table '0 32 delay /dev/ram2 6456 1 /dev/ram0 416 0'; echo rc=$?
printf '0 496 switch 3 64 0 /dev/ram1 0 /dev/ram2 0 /dev/ram1 0\n' | dmsetup create d0; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '0 128 delay /dev/mapper/d0 24 1\n' | dmsetup create d1; echo rc=$?
dmsetup create d3 --notable; echo rc=$?
dmsetup table d2; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup resume d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup deps; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
printf '0 224 switch 2 8 0 99999999999 0 /dev/mapper/d0 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup table --inactive d0; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
printf '0 16 flakey /dev/mapper/d0 360 0 3600 5 corrupt_bio_byte 75 w 111 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
