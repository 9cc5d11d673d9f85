# difffuzz v2 seed 83 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's83b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'D' >> /tmp/p
printf 's83b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'H' >> /tmp/p
printf 's83b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's83b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'G' >> /tmp/p
printf '0 256 unstriped 2 8 0 /dev/ram1 0\n' | dmsetup create d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=256 count=8 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/dev/ram0 bs=512 skip=125 count=8 iflag=direct 2>/dev/null | md5sum
fi
printf '0 32 flakey /dev/ram1 1968 0 3600 1 error_writes\n' | dmsetup reload d0; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup create lv_x --table '0 32 flakey /dev/ram0 1936 3600'; echo rc=$?
printf '0 16 crypt aes-ecb 1e77f2c2ff7fa86567429259f9b74284 7 /dev/ram2 80\n16 512 error\n' | dmsetup reload d0; echo rc=$?
dmsetup table --inactive d0; echo rc=$?
dmsetup status; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=24 seek=226 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=226 count=2 iflag=direct 2>/dev/null | hexdump -C | head -n 3
  blockdev --getsize64 /dev/mapper/d0; echo rc=$?
fi
dmsetup create lv_x --table '0 432 switch 3 8 0 /dev/ram0 0 1:1 0 1:1 0'; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d0; echo rc=$?
dmsetup suspend --nolockfs d0; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup remove --force lv_x; echo rc=$?
printf '0 128 unstriped 3 16 0 /dev/ram2 0\n' | dmsetup load d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/dev/mapper/d0 bs=512 skip=120 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup ls --target linear; echo rc=$?
printf '0 16 zero\n' | dmsetup create d2; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup resume d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=5 seek=91 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=91 count=7 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
