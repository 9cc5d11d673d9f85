# difffuzz v2 seed 104 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=2048
: > /tmp/p
printf 's104b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'O' >> /tmp/p
printf 's104b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'Z' >> /tmp/p
printf 's104b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'k' >> /tmp/p
printf 's104b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'P' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d2; echo rc=$?
dmsetup table lv_x; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup table top; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 256 zero\n' | dmsetup create top; echo rc=$?
printf '0 8 linear 1:1 160\n8 2048 striped 2 64 1:0 1432 1:1 1224\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/ram0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/ram0 bs=512 skip=20 seek=3641 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/ram0 bs=512 skip=3641 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=10 seek=64 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=64 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup resume d3; echo rc=$?
dmsetup message top 0 hello; echo rc=$?
dmsetup suspend top; echo rc=$?
printf '0 16 zero\n' > /tmp/t
dmsetup reload d3 /tmp/t; echo rc=$?
printf '0 32 linear /dev/mapper/top 136\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
printf '0 2048 linear 1:1 328\n' | dmsetup load d1; echo rc=$?
printf '0 8 delay 1:0 1960 2\n8 16 crypt aes-ecb 58545c449f55bff5bf51c4d81a08092e 7 -1 240\n' | dmsetup reload d0; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=512 skip=9 seek=35 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=512 skip=35 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
