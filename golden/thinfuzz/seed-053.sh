# thinfuzz v1 seed 53 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s53p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'u' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s53p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'x' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s53p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'E' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s53p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'A' >> /tmp/p3; done
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=22 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=18 oflag=direct 2>/dev/null
dmsetup create pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 2 0"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 delete 6; echo rc=$?
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup create t5 --table "0 514 thin /dev/mapper/pool 5"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=4096 count=1 skip=15 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=512 count=1 skip=120 seek=354 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 196608 -l 65536 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 196608 -l 65536 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 6; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5 bs=16384 count=1 skip=2 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup reload t5 --table "0 384 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup suspend t5; dmsetup resume t5; echo rc=$?
dmsetup status t5; dmsetup info -c -o name,attr,open,segments,events t5
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=4096 count=1 skip=11 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup message pool 0 create_snap 7 4; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=512 count=1 skip=374 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=512 count=1 skip=200 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup create t6 --table "0 1499 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup reload t6 --table "0 528 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup suspend t6; dmsetup resume t6; echo rc=$?
dmsetup status t6; dmsetup info -c -o name,attr,open,segments,events t6
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=512 count=1 skip=376 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload pool --table "0 640 thin-pool /dev/ram0 /dev/ram1 128 2 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/dev/mapper/t6 bs=512 count=1 skip=26 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
