# difffuzz v2 seed 84 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's84b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's84b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's84b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's84b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
printf '0 32 linear /dev/ram3 1008\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup table --inactive top; echo rc=$?
dmsetup create d1 --table '0 8 linear /dev/mapper/top 0'; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 256 error\n' | dmsetup load lv_x; echo rc=$?
dmsetup create d0 --table '0 2048 delay /dev/ram3 144 0'; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
printf '0 8 crypt aes-cbc-plain64 a144eb73f0a9ef087f951a94bca0eb45173f5f5c3d1085c238e2470da33ea7cc 0 1:2 920\n' | dmsetup reload top; echo rc=$?
dmsetup reload top --table '0 128 error'; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup remove --force top; echo rc=$?
printf '0 8 delay /dev/ram0 2576 1 /dev/nope\n' | dmsetup create top; echo rc=$?
printf '0 32 zero\n32 2048 delay /dev/ram1 720 3\n' | dmsetup create d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
