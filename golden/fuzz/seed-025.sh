# difffuzz v2 seed 25 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's25b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'M' >> /tmp/p
printf 's25b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's25b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's25b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'u' >> /tmp/p
printf '0 256 linear /dev/ram0 3144\n' | dmsetup create top; echo rc=$?
dmsetup remove top; echo rc=$?
dmsetup status; echo rc=$?
dmsetup deps -o devname d2; echo rc=$?
printf '0 128 unstriped 2 16 0 /dev/ram2 0\n128 128 linear 1:0 2152\n' | dmsetup create d3; echo rc=$?
dmsetup suspend --nolockfs d3; echo rc=$?
dmsetup table d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup status; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram2 bs=4096 skip=1 seek=165 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram2 bs=4096 skip=165 count=3 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
dmsetup ls --tree; echo rc=$?
printf '0 8 linear /dev/mapper/d3 120\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup suspend d3; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
