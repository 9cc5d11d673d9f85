# difffuzz v2 seed 31 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=4096
: > /tmp/p
printf 's31b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's31b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'd' >> /tmp/p
printf 's31b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'N' >> /tmp/p
printf 's31b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 's' >> /tmp/p
dmsetup status; echo rc=$?
printf '0 2048 flakey /dev/ram2 5792 0 3600 1 drop_writes -1\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
dmsetup status d3; echo rc=$?
printf '0 256 crypt aes-xts-plain f52ac30e3e89145c527eb57e55aecdc87ff28f9722fe377f661ff2943039a4d3 100 1:1 6784\n' | dmsetup create d2; echo rc=$?
dmsetup create top --table '0 1024 linear /dev/ram1 6576'; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=11 seek=128 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=128 count=5 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create d3 --table '0 2048 error'; echo rc=$?
printf '0 16 crypt aes-ecb 18a1df05df3550ec03db317592c52231 0 /dev/mapper/top 400\n' | dmsetup create top; echo rc=$?
dmsetup ls --target linear; echo rc=$?
dmsetup table; echo rc=$?
printf '0 8 crypt aes-ecb 1faef6b2c85ec318f7e4621325c7fa8a 0 /dev/ram1 5616\n' | dmsetup create lv_x; echo rc=$?
printf '0 160 switch 3 64 0 /dev/ram2 0 /dev/ram0 0 /dev/ram0 0 -1\n' | dmsetup reload d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=267 count=1 iflag=direct 2>/dev/null | md5sum
  blockdev --getsize64 /dev/mapper/top; echo rc=$?
fi
dmsetup message d3 0 1 2 3; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/top ]; then echo no-node; else
  dd if=/dev/mapper/top bs=512 skip=27 count=8 iflag=direct 2>/dev/null | md5sum
fi
printf '0 256 unstriped 2 8193 1 /dev/ram0 0\n' | dmsetup create d0; echo rc=$?
dmsetup resume top; echo rc=$?
printf '0 256 zero\n256 512 striped 2 8 /dev/ram0 5224 /dev/mapper/d3 656\n' | dmsetup create d1; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events lv_x; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
