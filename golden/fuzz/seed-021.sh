# difffuzz v2 seed 21 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=1024
: > /tmp/p
printf 's21b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's21b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'Q' >> /tmp/p
printf 's21b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
printf 's21b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'R' >> /tmp/p
printf '0 512 crypt aes-cbc-plain64 ca0d828c61170778040010ffdeadaa152e5ca122e3935bb39c977866651302dd 0 /dev/ram1\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
dmsetup create d2 -r --table '0 56 switch 3 8 0 /dev/ram2 0 1:0 0 /dev/ram2 0'; echo rc=$?
printf '0 32 crypt aes-ecb 6ef007e1d7bfde13dbf407c515e91b94 0x10 1:0 976\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
dmsetup create d1 --table '0 56 switch 3 8 0 /dev/ram1 0 /dev/mapper/d2 0 /dev/mapper/d2 0'; echo rc=$?
dmsetup reload d2 --table '0 8 flakey 1:2 1832 0 3600 1 drop_writes'; echo rc=$?
printf '0 2048 striped 2 8 /dev/ram1 464 /dev/ram1 296\n' | dmsetup create lv_x; echo rc=$?
dmsetup suspend --noflush d1; echo rc=$?
printf '0 16 linear /dev/mapper/d1 32\n' | dmsetup create top; echo rc=$?
dmsetup clear d1; echo rc=$?
dmsetup status d1; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
printf '0 65544 crypt aes-cbc-plain64be 5269e52ed145b72564b3aab170e69581 100 /dev/ram0 912 1 no_read_workqueue\n' | dmsetup create d0 -r; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 8 linear /dev/ram1 1632\n8 8 delay /dev/ram0 904 2\n' | dmsetup reload d2; echo rc=$?
printf '0 256 striped 2 32 /dev/ram1 896 /dev/ram1 1776\n256 8 unstriped 3 8 1 /dev/ram1 0\n' | dmsetup load d2; echo rc=$?
dmsetup status d1; echo rc=$?
dmsetup rename lv_x lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=27 seek=1589 count=2 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=1589 count=2 iflag=direct 2>/dev/null | md5sum
fi
printf '0 2048 crypt aes-cbc-plain64 074f1a47cc64a3702b7fce03453ba046ef9ca0f2dd508d8f629e850655fdd4ee 100 /dev/ram2 0\n2048 1024 crypt aes-xts-plain64 c77f2b0b5d2505b88483f2bdf8ad4ca2cdff89a6f3ce918c55e2cd541018c88e 7 /dev/ram2 464\n' | dmsetup create d0; echo rc=$?
dmsetup deps -o devname d1; echo rc=$?
printf '0 8 delay /dev/mapper/d0 808 0\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=512 skip=16 count=5 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/d1; echo rc=$?
fi
dmsetup deps -o devname d2; echo rc=$?
dmsetup rename top lv_x; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
