# difffuzz v2 seed 37 (src/shell/difffuzz.ts)
modprobe brd rd_nr=2 rd_size=4096
: > /tmp/p
printf 's37b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'P' >> /tmp/p
printf 's37b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'z' >> /tmp/p
printf 's37b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's37b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'F' >> /tmp/p
dmsetup table d2; echo rc=$?
printf '0 256 crypt aes-ecb 5bbf02ddfe0fbfa6db047ac2df2b72fb 100 1:0 1936 2 same_cpu_crypt allow_discards\n256 16 zero\n' | dmsetup create top; echo rc=$?
dmsetup ls --tree; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/top bs=4096 skip=0 seek=7 count=4 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/top bs=4096 skip=7 count=4 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,attr,open,segments,events top; echo rc=$?
printf '0 2048 linear '' 5416\n' | dmsetup create d3; echo rc=$?
dmsetup status top; echo rc=$?
dmsetup create d2 --table '0 512 linear 1:1 768'; echo rc=$?
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup table d2; echo rc=$?
dmsetup message top 0 set_region_mappings 0:0; echo rc=$?
printf '0 512 unstriped 2 8 1 /dev/ram0 0\n512 1024 linear /dev/ram1 4952\n' | dmsetup create d3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=512 skip=413 count=4 iflag=direct 2>/dev/null | hexdump -C | head -n 5
fi
printf '0 144 switch 3 16 0 /dev/ram0 0 /dev/ram1 0 /dev/ram1 0\n' | dmsetup reload top; echo rc=$?
dmsetup create d1 --table '0 128 zero'; echo rc=$?
printf '0 128 error\n' | dmsetup create d0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
