# difffuzz v2 seed 128 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=1024
: > /tmp/p
printf 's128b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's128b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p
printf 's128b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'x' >> /tmp/p
printf 's128b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'P' >> /tmp/p
printf '0 8 crypt aes-ecb a69ed6b66a5a3cb8b1256af04680ef9a 100 /dev/ram0 824\n8 1024\n' | dmsetup create d3; echo rc=$?
dmsetup status lv_x; echo rc=$?
dmsetup create d3 --notable; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup suspend d3; echo rc=$?
printf '0 512 zero\n512 32 linear 1:0 8\n' | dmsetup create top -r; echo rc=$?
printf '0 8 flakey /dev/mapper/top 312 3600 0 1 error_writes\n8 8 error\n' | dmsetup create d1; echo rc=$?
dmsetup table --inactive top; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d1 ]; then echo no-node; else
  dd if=/dev/mapper/d1 bs=4096 skip=0 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table --inactive d3; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup suspend --noflush d1; echo rc=$?
dmsetup deps -o devname d3; echo rc=$?
printf '0 8 error\n' | dmsetup reload d1; echo rc=$?
dmsetup resume d1; echo rc=$?
printf '0 256 crypt aes-xts-plain dd7bad50359ab1761b7c02113d852599614966b8369164567d8b4d43eca8940b 100 /dev/ram0 1216\n' | dmsetup load top; echo rc=$?
dmsetup remove d3; echo rc=$?
dmsetup remove d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=4096 skip=64 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,attr,open,segments,events d1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
