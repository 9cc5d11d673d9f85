# difffuzz v2 seed 50 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's50b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's50b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'f' >> /tmp/p
printf 's50b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's50b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf '8 472 switch 3 16 0 /dev/ram1 0 /dev/ram1 0 /dev/ram0 0\n' | dmsetup create d3; echo rc=$?
printf '0 128 linear 1:0 1104\n128 8 linear /dev/ram1 496\n' | dmsetup create d0; echo rc=$?
dmsetup create d3 --table '0 2048 delay aes-xts-plain 58311b724d9b66ed1eb4606da7a97260715ce5c3477f57cc5cc455c59c257213 7 1:0 0'; echo rc=$?
dmsetup remove d0; echo rc=$?
printf '0 512 linear /dev/ram0 x\n' | dmsetup create d3 -r; echo rc=$?
printf '0 32 unstriped 3 32 1 /dev/ram1 0\n32 16 linear 1:1 744\n' | dmsetup create d1; echo rc=$?
dmsetup table; echo rc=$?
printf '0 2048\n2048 128 delay /dev/ram1 736 1\n' | dmsetup create d0; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup create top --table '0 512 error'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
dmsetup rename top top; echo rc=$?
dmsetup rename top d1; echo rc=$?
printf '0 2048 zero\n' | dmsetup reload lv_x; echo rc=$?
printf '0 128 striped 2 32 /dev/ram0 1280 /dev/mapper/top\n' | dmsetup create d2; echo rc=$?
printf '0 128 linear 1:0 808\n' | dmsetup create d2; echo rc=$?
printf '0 128 zero\n' | dmsetup create d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
