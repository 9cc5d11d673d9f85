# difffuzz v2 seed 111 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=1024
: > /tmp/p
printf 's111b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's111b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'V' >> /tmp/p
printf 's111b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's111b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf '0 80 switch 2 16 0 /dev/ram3 0 /dev/ram1 0\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
dmsetup table --inactive d3; echo rc=$?
printf '0 256 linear /dev/ram3 704\n264 128 striped 2 64 /dev/ram3 928 /dev/ram3 1880\n' | dmsetup create d2; echo rc=$?
dmsetup remove d3; echo rc=$?
printf '0 2048 zero\n2048 2048 error\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=14 seek=3798 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=3798 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume top; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
dmsetup table; echo rc=$?
dmsetup rename top lv_x; echo rc=$?
dmsetup message lv_x 0 @cancel_deferred_remove; echo rc=$?
printf '0 2048 striped 2 8 /dev/ram0 888 /dev/ram3 568\n' | dmsetup reload lv_x; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/lv_x ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/lv_x bs=512 skip=13 seek=402 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/lv_x bs=512 skip=402 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume lv_x; echo rc=$?
dmsetup status lv_x; echo rc=$?
printf '0 8 delay 1:3 1800 0\n8 16 crypt aes-cbc-plain64 d443b53caf90537522bc1e4c40e23a17b04ef24a3b12a98b4c581e44908833c7 0 /dev/ram3 96\n' | dmsetup create d0; echo rc=$?
dmsetup resume d0; echo rc=$?
dmsetup create d2 --table '0 8200 striped 2 32 1:1 1408 /dev/ram1 1144'; echo rc=$?
printf '0 2048 striped 2 8 /dev/mapper/lv_x 888 /dev/ram2 432\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=4096 skip=1 seek=0 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=4096 skip=0 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 3
fi
printf '0 16 zero\n16 1024 striped 2 16 /dev/ram3 1480 1:0 x\n' | dmsetup create d1; echo rc=$?
dmsetup create d2 --notable; echo rc=$?
dmsetup message d2 0 @cancel_deferred_remove; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
