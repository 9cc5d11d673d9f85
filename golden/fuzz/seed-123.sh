# difffuzz v2 seed 123 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's123b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's123b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's123b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's123b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p
printf '0 1024 error\n' | dmsetup create d2; echo rc=$?
dmsetup create d3 --table '0 448 switch 2 64 0 /dev/ram1 0 1:3 0'; echo rc=$?
dmsetup table d2; echo rc=$?
dmsetup rename d2 d0; echo rc=$?
printf '0 1024 zero\n1024 8 error\n' | dmsetup create lv_x; echo rc=$?
printf '0 8 flakey 1:3 80 3600 0 1 error_writes\n' | dmsetup create d1; echo rc=$?
dmsetup create top --table '1 8 linear /dev/mapper/d1 0'; echo rc=$?
dmsetup suspend --noflush lv_x; echo rc=$?
dmsetup status lv_x; echo rc=$?
printf '0 256 unstriped 2 16 1 /dev/ram2 0\n' | dmsetup load lv_x; echo rc=$?
dmsetup create top --table '0 32 crypt aes-cbc-plain64 3a138fbbcf87e50b9dd7de41c5bf97351422bd7382187e8537ed5cb38b0910d4 7 1:3 2936 2 same_cpu_crypt allow_discards'; echo rc=$?
dmsetup table --inactive d0; echo rc=$?
dmsetup deps -o devname lv_x; echo rc=$?
printf '0 32 switch 3 64 0 /dev/ram3 0 /dev/ram0 0 /dev/ram2 0\n' | dmsetup reload d3; echo rc=$?
printf '0 512 linear /dev/ram1 512 1:99\n' | dmsetup reload d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
