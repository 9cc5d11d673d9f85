# difffuzz v2 seed 116 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's116b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's116b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's116b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'h' >> /tmp/p
printf 's116b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p
dmsetup ls; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup create d0 --table '0 8 zero'; echo rc=$?
dmsetup remove --force d0; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
printf '0 128 zero\n' > /tmp/t
dmsetup create d2 /tmp/t; echo rc=$?
dmsetup suspend --noflush d2; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup table; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup message d2 0 1 2 3; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
