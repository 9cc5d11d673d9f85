# difffuzz v2 seed 61 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=2048
: > /tmp/p
printf 's61b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'w' >> /tmp/p
printf 's61b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'p' >> /tmp/p
printf 's61b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf 's61b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'l' >> /tmp/p
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
dmsetup create d1 --notable; echo rc=$?
dmsetup remove d1; echo rc=$?
printf '0 32 linear /dev/ram1 1840\n32 128 linear /dev/ram0 2600\n' | dmsetup create lv_x; echo rc=$?
dmsetup remove --force lv_x; echo rc=$?
printf '0 1024 crypt aes-cbc-plain64 a67ffeeccdd67f5b31e6b9d910c3d4a5 0 /dev/ram0 1720\n' | dmsetup create d2; echo rc=$?
dmsetup remove d2; echo rc=$?
dmsetup info -c -o name,attr,open,segments,events d3; echo rc=$?
printf '0 1024 flakey /dev/ram2 2728 0 3600\n' | dmsetup create d2; echo rc=$?
printf '0 512 crypt aes-cbc-plain64be bb4a826a9f453c812614709f50beb49f 0 1:1 72\n' > /tmp/t
dmsetup load d2 /tmp/t; echo rc=$?
printf '0 424 switch 2 8 0 /dev/ram1 0 /dev/ram3\n' | dmsetup create lv_x; echo rc=$?
dmsetup clear d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=4096 skip=1 seek=128 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=4096 skip=128 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup create lv_x --table '0 32 unstriped 2 16 1 /dev/ram1 0'; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d2 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d2 bs=512 skip=1 seek=829 count=1 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d2 bs=512 skip=829 count=1 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove d2; echo rc=$?
printf '0 131080 striped 2 16 /dev/ram2 2288 /dev/ram1 640\n' | dmsetup load d1; echo rc=$?
printf '0 128 delay\n' | dmsetup load lv_x; echo rc=$?
printf '0 2048 zero\n' | dmsetup create d2; echo rc=$?
dmsetup message d2 0 hello; echo rc=$?
printf '0 2048 striped 2 8 /dev/ram1 656 /dev/ram1 2824\n2048 2048 crypt aes-cbc-plain64 5b5e6d3a393f3b5b5f5932471a54ee875f0bdbd70e53e76a5413c3d84bb34f1b 0 1:1 1384\n' | dmsetup reload lv_x; echo rc=$?
dmsetup rename lv_x d2; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
