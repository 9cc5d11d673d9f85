# difffuzz v2 seed 59 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's59b0' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'T' >> /tmp/p
printf 's59b1' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'A' >> /tmp/p
printf 's59b2' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'C' >> /tmp/p
printf 's59b3' >> /tmp/p; head -c 4091 /dev/zero | tr '\0' 'a' >> /tmp/p
printf '0 304 switch 3 64 0 /dev/ram2 0 1:3 0 /dev/ram1\n' | dmsetup create d1; echo rc=$?
dmsetup status d3; echo rc=$?
dmsetup create d1 --table '0 2048 error'; echo rc=$?
printf '0 1024 striped 2 16 /dev/ram3 640 /dev/ram3 4864\n' > /tmp/t
dmsetup reload d1 /tmp/t; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup suspend d1; echo rc=$?
printf '0 256 flakey 1:2 5664 0 3600 5 corrupt_bio_byte 487 r 66 0\n256 512 nosuch /dev/ram0 2424 0 3600 5 corrupt_bio_byte 323 r 189 0\n' > /tmp/t
dmsetup reload d1 /tmp/t; echo rc=$?
dmsetup rename d1 d0; echo rc=$?
printf '0 304 switch 2 16 0 /dev/ram0 0 1:0 0\n' | dmsetup create d2; echo rc=$?
if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io
elif [ ! -b /dev/mapper/d0 ]; then echo no-node; else
  dd if=/tmp/p of=/dev/mapper/d0 bs=512 skip=3 seek=607 count=8 oflag=direct conv=notrunc 2>&1; echo rc=$?
  dd if=/dev/mapper/d0 bs=512 skip=607 count=8 iflag=direct 2>/dev/null | md5sum
fi
dmsetup suspend --nolockfs d2; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 2048 zero\n2048 2048 error\n' > /tmp/t
dmsetup create top /tmp/t; echo rc=$?
printf '0 8 error 0x10\n8 16 zero\n' | dmsetup create d3; echo rc=$?
printf '0 32776 crypt aes-cbc-plain 3e7aacb428c119c85cb4b0945daf7511 7 /dev/mapper/d0 40\n' | dmsetup create d3; echo rc=$?
dmsetup resume d1; echo rc=$?
dmsetup resume d2; echo rc=$?
dmsetup suspend --noflush d0; echo rc=$?
dmsetup remove d2; echo rc=$?
printf '0 1024 linear /dev/mapper/d0\n' | dmsetup create d1; echo rc=$?
dmsetup status; echo rc=$?
dmsetup info -c; echo rc=$?
dmsetup create d1 --table '0 120 switch 3 8 0 /dev/mapper/d0 0 /dev/ram2 0 /dev/ram2'; echo rc=$?
dmsetup message d0 0 hello; echo rc=$?
printf '0 8 flakey 1:2 4824 3600 0 1 error_writes\n8 32 zero 0x10\n' | dmsetup create d3; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove_all; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
