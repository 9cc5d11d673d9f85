# difffuzz v2 seed 10 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's10b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's10b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's10b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's10b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'G' >> /tmp/p
printf '0 432 switch 3 8 0 1:2 0 /dev/ram2 0 /dev/ram1 0\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup suspend d0; echo rc=$?
dmsetup message d0 0 set_region_mappings 2:2; echo rc=$?
dmsetup clear d0; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup remove d0; echo rc=$?
printf '0 128 linear /dev/ram2 504\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
printf '0 256 zero\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup create top --table '0 32 unstriped 3 8 0 /dev/ram2 0'; echo rc=$?
dmsetup clear lv_x; echo rc=$?
printf '0 2048 delay /dev/ram1 0 /dev/nope\n2048 256 unstriped 3 32 0 /dev/ram1 0\n' | dmsetup create d3; echo rc=$?
printf '0 256 linear /dev/ram1 648\n256 32 flakey /dev/ram2 528 0 3600 1 drop_writes\n' > /tmp/t
dmsetup reload top /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=2 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume lv_x; echo rc=$?
dmsetup rename d0 lv_x; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup remove --force d0; echo rc=$?
dmsetup suspend --noflush lv_x; echo rc=$?
dmsetup message top 0 hello; echo rc=$?
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
