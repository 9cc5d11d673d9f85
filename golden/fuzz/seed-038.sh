# difffuzz v2 seed 38 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's38b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's38b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
printf 's38b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'g' >> /tmp/p
printf 's38b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf '0 8 zero\n' | dmsetup create d0; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup create d2 --table '0 32 linear /dev/ram2 1312'; echo rc=$?
dmsetup resume top; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup message d0 0 set_region_mappings 0:0; echo rc=$?
dmsetup load d0 --table '0 128 striped 2 8 /dev/ram2 1216 /dev/ram2 2000'; echo rc=$?
dmsetup clear d2; echo rc=$?
printf '0 256 crypt aes-cbc-plain64 03e0003a54f46dafdbe2403f9a936cd3 100 /dev/ram2 1232 1 sector_size:4096\n' | dmsetup load d0; echo rc=$?
dmsetup message d0 0 @cancel_deferred_remove; echo rc=$?
dmsetup message d0 0 hello; echo rc=$?
printf '0 512 flakey /dev/ram0 824 3600 0 1 drop_writes\n512 32 crypt aes-xts-plain64 80aa573b51a9a8410d4d249f3afad56f80388562c89f3f405128b164d9797d2f 0 /dev/ram0 896 x\n' | dmsetup create d3; echo rc=$?
dmsetup rename d0 top; echo rc=$?
dmsetup create d1 --notable; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
printf '0 2048 delay 1:0 1152 2 7\n2048 16 flakey 1:0 576 3600 0 5 corrupt_bio_byte 506 w 251 0\n' > /tmp/t
dmsetup load top /tmp/t; echo rc=$?
printf '0 128 zero\n' > /tmp/t
dmsetup load top /tmp/t; echo rc=$?
dmsetup remove --force d1; echo rc=$?
printf '0 32 unstriped 3 8 1 /dev/ram2 0 abc\n' | dmsetup load top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
