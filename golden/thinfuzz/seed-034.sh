# thinfuzz v1 seed 34 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s34p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'J' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s34p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'y' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s34p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'q' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s34p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'D' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 0"
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=20 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=8 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=13 oflag=direct 2>/dev/null
dmsetup create pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 4 3 ignore_discard skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 256 thin-pool /dev/mapper/meta /dev/ram1 128 4 3 error_if_no_space skip_block_zeroing ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete x; echo rc=$?
dmsetup message pool 0 create_thin 13749451; echo rc=$?
dmsetup create t13749451 --table "0 694 thin /dev/mapper/pool 13749451"; echo rc=$?
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t13749451 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451 pool
dmsetup reload pool --table "0 1152 thin-pool /dev/mapper/meta /dev/ram1 128 4 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t13749451 bs=16384 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/dev/mapper/t13749451 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t13749451 bs=4096 count=1 skip=1 seek=73 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451 pool
dmsetup create t13749451b --table "0 1617 thin /dev/mapper/pool 13749451 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t13749451 bs=512 count=1 skip=23 seek=607 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451 pool
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t13749451b bs=512 count=1 skip=120 seek=319 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451b pool
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t13749451b bs=65536 count=1 skip=0 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451b pool
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t13749451 bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451 pool
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  blkdiscard -o 227328 -l 12288 /dev/mapper/t13749451b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t13749451 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t13749451b bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t13749451b bs=512 count=1 skip=36 seek=103 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t13749451b pool
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/dev/mapper/t13749451b bs=512 count=1 skip=279 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t13749451 bs=4096 count=1 skip=8 seek=18 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/dev/mapper/t13749451b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t13749451b bs=16384 count=1 skip=2 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t13749451b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t13749451b bs=512 count=1 skip=91 seek=1600 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t13749451 ]; then echo no-node; else
  dd if=/dev/mapper/t13749451 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t13749451; echo rc=$?
dmsetup remove t13749451b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
