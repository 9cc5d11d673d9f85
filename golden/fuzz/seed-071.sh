# difffuzz v2 seed 71 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's71b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'G' >> /tmp/p
printf 's71b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's71b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'q' >> /tmp/p
printf 's71b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
dmsetup create top --notable; echo rc=$?
dmsetup table; echo rc=$?
printf '0 16 linear /dev/ram1 2544\n' | dmsetup reload top; echo rc=$?
printf '0 1024 flakey /dev/ram1 2336 0 3600\n' | dmsetup reload top; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup load top --table '0 16 delay 1:1 1656 1 /dev/ram0 320 3 0x10'; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 8 linear /dev/ram1 1176\n' | dmsetup reload top; echo rc=$?
dmsetup suspend top; echo rc=$?
dmsetup suspend --noflush top; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 1024 striped 2 64 /dev/ram1 2408 /dev/ram1 2824\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup load lv_x --table '8 16 crypt aes-ecb b8856f8974897e887a5308c228b2681a 7 /dev/ram1 2240 1 sector_size:4096'; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
