# difffuzz v2 seed 91 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's91b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Y' >> /tmp/p
printf 's91b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Q' >> /tmp/p
printf 's91b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's91b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'H' >> /tmp/p
printf '0 256 linear 1:2 1328\n' | dmsetup create top; echo rc=$?
printf '0 32 zero\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup create d2 --table '0 1024 flakey /dev/ram2 2264 3600 0 1 drop_writes'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=17 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=487 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend d2; echo rc=$?
dmsetup message d2 0 @cancel_deferred_remove; echo rc=$?
printf '0 8 linear /dev/mapper/top 32\n8 8 linear /dev/mapper/d2 528\n' | dmsetup create d3; echo rc=$?
dmsetup info -c; echo rc=$?
printf '0 8 zero x\n' | dmsetup load d2; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup suspend --noflush d2; echo rc=$?
dmsetup clear top; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '0 2048 crypt aes-cbc-null e572d7eb19c951e3ca237d476edccfef 7 1:0 440 1 allow_discards\n' | dmsetup reload top; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup create lv_x --table '0 32776 delay /dev/mapper/d2 184 2 1:1 64 2'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
