# difffuzz v2 seed 120 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's120b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's120b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'K' >> /tmp/p
printf 's120b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'o' >> /tmp/p
printf 's120b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'G' >> /tmp/p
dmsetup deps; echo rc=$?
dmsetup create d3 --table '0 256 linear /dev/ram1 728'; echo rc=$?
dmsetup create d2 --table '0 8 delay /dev/mapper/d3 48 3'; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup suspend d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=0 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d0 --notable; echo rc=$?
dmsetup clear d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 4
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup create top --table '0 136 switch 3 16 0 1:2 0 1:1 0 /dev/mapper/d3 0'; echo rc=$?
dmsetup clear d2; echo rc=$?
dmsetup message d0 0 @cancel_deferred_remove; echo rc=$?
dmsetup suspend d2; echo rc=$?
dmsetup clear d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
