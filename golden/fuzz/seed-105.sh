# difffuzz v2 seed 105 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's105b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'R' >> /tmp/p
printf 's105b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'J' >> /tmp/p
printf 's105b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'n' >> /tmp/p
printf 's105b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'u' >> /tmp/p
printf '0 504 striped 3 8 0 /dev/ram2 0 1:1 0 /dev/ram0 0\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
dmsetup create d0 --notable; echo rc=$?
printf '0 8 crypt aes-xts-plain64 c056c3183db5f386f3f8f2ce635ba5be41e2a014efa5218fdd3c9582a518e14d24a108dd42d79d83be16e4db7a51153b2886f194a677439f9edcbea95dd57462 7 /dev/ram0 1288\n8 512 unstriped 3 16 2 /dev/ram0 0\n' | dmsetup create d1; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 1024 zero\n1024 2048 unstriped 3 16 2 1:2 0\n' | dmsetup create d2; echo rc=$?
dmsetup create top --table '0 456 switch 2 64 0 1:0 0 /dev/mapper/d2 0'; echo rc=$?
dmsetup load top --table '0 440 switch 3 16 0 1:1 0 1:2 0 1:0 0'; echo rc=$?
dmsetup message d1 0 @cancel_deferred_remove; echo rc=$?
dmsetup deps -o devname top; echo rc=$?
printf '0 8 linear /dev/mapper/d2 1680\n8 128 linear /dev/mapper/d1 352\n' | dmsetup reload top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=30 seek=179 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=179 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
dmsetup resume d1; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=15 seek=455 count=7 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=455 count=7 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
printf '0 8 zero\n8 8 linear /dev/mapper/top\n' | dmsetup create d3; echo rc=$?
dmsetup rename d1 d1; echo rc=$?
dmsetup reload d3 --table '0 256 delay 1:1 4856 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d1 bs=512 skip=16 seek=218 count=3 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d1 bs=512 skip=218 count=3 iflag=direct 2>/dev/null | md5sum
fi
dmsetup rename d1 d2; echo rc=$?
dmsetup rename top lv_x; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '1 512 crypt aes-cbc-plain cffeb7c29a0e07e9990ed1e110bc3837fb416211be2f0bb64cdb25e3b9fd7aef 100 /dev/mapper/d1 8\n' | dmsetup create top; echo rc=$?
dmsetup status d0; echo rc=$?
dmsetup remove --force d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
