# difffuzz v2 seed 23 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's23b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's23b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'e' >> /tmp/p
printf 's23b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's23b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf '0 128 delay /dev/ram0 3216 0\n' | dmsetup create d3; echo rc=$?
dmsetup load top --table '0 2048 delay /dev/ram0 5384 3'; echo rc=$?
dmsetup clear d3; echo rc=$?
printf '0 2048 unstriped 2 32 0 /dev/ram2 0\n2048 512 delay /dev/ram2 7632 2\n' | dmsetup load d3; echo rc=$?
dmsetup rename d3 d1; echo rc=$?
printf '0 128 zero\n' | dmsetup load d1; echo rc=$?
dmsetup message d1 0 1 2 3; echo rc=$?
printf '8 32 linear 1:2 3696\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup table d1; echo rc=$?
dmsetup remove --force d1; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 16 linear x 6616\n' | dmsetup create d1; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup create d0 --table '0 32 error'; echo rc=$?
printf '0 104 switch 3 16 0 /dev/ram2 0 /dev/ram0 0 1:1 0\n' | dmsetup create lv_x; echo rc=$?
dmsetup rename lv_x d1; echo rc=$?
dmsetup deps -o devname d0; echo rc=$?
dmsetup message top 0 hello; echo rc=$?
printf '0 16 flakey /dev/ram2 6528 3600 0 1 drop_writes\n16 256 delay /dev/ram1 1680 0\n' | dmsetup create lv_x; echo rc=$?
printf '0 2048 unstriped 2 16 0 /dev/ram2 0 1:99\n' | dmsetup create top; echo rc=$?
printf '0 512 linear /dev/ram0 4680\n' | dmsetup reload top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
