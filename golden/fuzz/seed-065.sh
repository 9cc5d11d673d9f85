# difffuzz v2 seed 65 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's65b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's65b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's65b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's65b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
dmsetup deps -o devname d0; echo rc=$?
printf '0 128 linear /dev/ram1 520\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup resume lv_x; echo rc=$?
printf '0 2048\n2048 256 flakey /dev/ram2 560 3600 0 1 error_writes\n' | dmsetup create d2; echo rc=$?
dmsetup rename lv_x d0; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup suspend --nolockfs d0; echo rc=$?
dmsetup create lv_x --table '0 128 striped 2 32 /dev/ram0 824 /dev/mapper/d0 24'; echo rc=$?
printf '0 2048 zero\n' | dmsetup create d3; echo rc=$?
printf '0 1024 linear 1:0 768\n1024 2048 zero\n' | dmsetup create d2; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=30 count=7 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup reload lv_x --table '0 2048 delay 1:0 1480 3'; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
