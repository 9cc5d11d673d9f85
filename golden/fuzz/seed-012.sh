# difffuzz v2 seed 12 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's12b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's12b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's12b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'S' >> /tmp/p
printf 's12b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'W' >> /tmp/p
dmsetup table; echo rc=$?
dmsetup ls --tree; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup deps; echo rc=$?
dmsetup table --inactive top; echo rc=$?
printf '0 512 switch 2 16 0 /dev/ram0 99999999999 /dev/ram0 0\n' | dmsetup create top; echo rc=$?
printf '0 32 unstriped 3 8 0 /dev/ram0 0\n' | dmsetup create d1; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=2 seek=9 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=9 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
fi
dmsetup table d0; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup rename d0 lv_x; echo rc=$?
dmsetup message d1 0 @cancel_deferred_remove; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
