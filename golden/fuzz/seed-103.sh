# difffuzz v2 seed 103 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's103b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'u' >> /tmp/p
printf 's103b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's103b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's103b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'K' >> /tmp/p
dmsetup create d2 --table '0 256 unstriped 2 8 1 /dev/ram0 0'; echo rc=$?
dmsetup load d2 --table '0 8 flakey /dev/ram2 4808 3600 0'; echo rc=$?
printf '0 1024 linear abc 7080\n' | dmsetup load d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup table d2; echo rc=$?
printf '0 32 zero\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/dev/ram2 bs=512 skip=5820 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 8 linear /dev/ram0 1592\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup clear d0; echo rc=$?
dmsetup remove top; echo rc=$?
printf '0 256 striped 2 8 /dev/ram1 6104 /dev/ram1 2568\n' | dmsetup create d3; echo rc=$?
printf '0 8 linear /dev/mapper/d0 8\n' | dmsetup load lv_x; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
