# difffuzz v2 seed 22 (src/shell/difffuzz.ts)
modprobe brd rd_nr=3 rd_size=2048
: > /tmp/p
printf 's22b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's22b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'b' >> /tmp/p
printf 's22b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'm' >> /tmp/p
printf 's22b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'O' >> /tmp/p
printf '0 32 flakey 3 8 1 /dev/ram1 0\n' | dmsetup create top; echo rc=$?
printf '0 16392 delay 1:2 3704 1\n' | dmsetup create top; echo rc=$?
dmsetup table --inactive d1; echo rc=$?
printf '0 2048 linear 1:0 312\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=2 seek=1391 count=5 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=1391 count=5 iflag=direct 2>/dev/null | md5sum
fi
printf '0 8 crypt aes-xts-plain64 23973a411d4deca73da59b5a471ea5ecd0ac402ee102eaadd379cbd9d5b07903 100 /dev/ram1 2200\n' | dmsetup reload d2; echo rc=$?
printf '0 8 linear /dev/mapper/d2 1368\n' > /tmp/t
dmsetup create d0 /tmp/t; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/dev/mapper/d2 bs=4096 skip=241 count=1 iflag=direct 2>/dev/null | hexdump -C | head -n 6
fi
dmsetup message top 0 1 2 3; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup remove d0; echo rc=$?
dmsetup message d2 0 @stats_list; echo rc=$?
dmsetup ls --tree; echo rc=$?
printf '0 128 crypt aes-xts-plain 47f780372eb22f9acb4c10eaec6a94492c6481f1f6544c15c935e15efa7dd301 0 /dev/mapper/d2 488\n' | dmsetup create lv_x; echo rc=$?
dmsetup rename top d1; echo rc=$?
dmsetup create d3 --table '0 1024 linear /dev/mapper/d2 104'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d3 ]; then echo no-node; else
  dd if=/dev/mapper/d3 bs=512 skip=953 count=7 iflag=direct 2>/dev/null | md5sum
fi
printf '0 16 delay /dev/mapper/d3 552 0\n16 32 unstriped 3 8 1 /dev/ram0 0\n' | dmsetup create top; echo rc=$?
printf '0 2048 flakey /dev/ram2 1328 3600 0 1 drop_writes\n' | dmsetup load d2; echo rc=$?
dmsetup clear top; echo rc=$?
printf '0 256 delay /dev/ram1 2528 2 /dev/ram2 3384 0\n' | dmsetup load d2; echo rc=$?
dmsetup remove --force d2; echo rc=$?
dmsetup resume d2; echo rc=$?
printf '0 344 switch 2 8 0 1:1 0 /dev/ram1 0\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
