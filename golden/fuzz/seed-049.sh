# difffuzz v2 seed 49 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's49b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's49b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's49b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's49b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
printf '0 16392 striped 2 16 1:2 768 /dev/ram1 3256\n' | dmsetup create lv_x; echo rc=$?
printf '0 8 zero\n8 2048 linear /dev/ram1 1056\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=173 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/d3; echo rc=$?
fi
printf '8 8 zero\n' | dmsetup load d3; echo rc=$?
dmsetup deps -o devname d3; echo rc=$?
dmsetup table --inactive d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup table --inactive d3; echo rc=$?
printf '0 2048 linear /dev/ram2 1000\n' | dmsetup create d2; echo rc=$?
printf '0 1024 flakey /dev/ram0 680 0 3600 1 error_writes\n' | dmsetup load d2; echo rc=$?
printf '0 128 striped 2 8 /dev/mapper/d3 40 1:2 2544\n' | dmsetup create d1; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
printf '0 512 flakey /dev/ram1 1264 0 3600 1 drop_writes\n' > /tmp/t
dmsetup reload d3 /tmp/t; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup resume d3; echo rc=$?
printf '0 1024 delay /dev/ram0 1664 1 /dev/ram2 1848 3\n1024 16 linear 99999999999 2976\n' | dmsetup reload d3; echo rc=$?
dmsetup table --inactive d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram1 ]; then echo no-node; else
  dd if=/dev/ram1 bs=4096 skip=99 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
