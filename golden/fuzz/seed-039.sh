# difffuzz v2 seed 39 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's39b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'I' >> /tmp/p
printf 's39b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'X' >> /tmp/p
printf 's39b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'B' >> /tmp/p
printf 's39b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'U' >> /tmp/p
dmsetup create d3 --table '0 32 unstriped 2 16 0 /dev/ram2 0'; echo rc=$?
dmsetup message d3 0 hello; echo rc=$?
dmsetup create d0 --table '0 16 flakey /dev/ram2 4184 3600 0 1 drop_writes'; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup clear d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=9 count=6 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
printf '0 32 flakey 1:0 5056 0 3600 1 drop_writes\n' > /tmp/t
dmsetup reload d3 /tmp/t; echo rc=$?
printf '0 128 striped 2 16 /dev/ram1 256 /dev/ram2 7192\n' | dmsetup create d1; echo rc=$?
dmsetup resume d0; echo rc=$?
printf '0 32 linear /dev/ram1 7928\n' | dmsetup load d1; echo rc=$?
printf '0 520 flakey /dev/ram0 3064 0 3600\n8 16 delay /dev/ram1 3184 3 /dev/ram1 4792 0\n' | dmsetup reload d3; echo rc=$?
printf '0 2048 delay /dev/ram0 1392 0 /dev/ram2 2440 2\n' > /tmp/t
dmsetup load d1 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=106 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup remove d1; echo rc=$?
printf '0 1024 delay aes-cbc-plain c80dc69558dc2912aabab0a4f90f007f1330d1f461b29edfbeae42cc8f97441a 100 /dev/ram2 6592\n' | dmsetup create lv_x -r; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=0 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=2 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message top 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=8 seek=1 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=1 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup message d3 0 @stats_list; echo rc=$?
printf '0 1024 delay /dev/ram2 5816 2\n' | dmsetup create d1; echo rc=$?
printf '0 512 flakey 1:2 1520 0 3600 1 drop_writes\n' | dmsetup create top; echo rc=$?
printf '0 16 linear /dev/ram1 3872\n' | dmsetup create d2; echo rc=$?
dmsetup message d3 0 hello; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=6 seek=6 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=6 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=1 seek=0 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=0 count=5 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
