# thinfuzz v1 seed 11 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s11p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'm' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s11p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s11p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'H' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s11p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 't' >> /tmp/p3; done
dmsetup create pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 256 3 2 read_only error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status pool; echo rc=$?
dmsetup message pool 0 set_transaction_id 2 1; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup message pool 0 create_thin 5002859; echo rc=$?
dmsetup reload pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 6558606; echo rc=$?
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup create t6558606 --table "0 977 thin /dev/mapper/pool 6558606"; echo rc=$?
if [ ! -b /dev/mapper/t6558606 ]; then echo no-node; else
  dd if=/dev/mapper/t6558606 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup suspend t6558606
dmsetup message pool 0 create_snap 1 6558606; echo rc=$?
dmsetup resume t6558606
dmsetup status; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 4 6558606; echo rc=$?
if [ ! -b /dev/mapper/t6558606 ]; then echo no-node; else
  blkdiscard -o 0 -l 262144 /dev/mapper/t6558606; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6558606
dmsetup ls; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
if [ ! -b /dev/mapper/t6558606 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6558606 bs=65536 count=1 skip=0 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t5 --table "0 2816 thin /dev/mapper/pool 5"; echo rc=$?
if [ ! -b /dev/mapper/t6558606 ]; then echo no-node; else
  blkdiscard -o 257024 -l 2560 /dev/mapper/t6558606; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6558606
dmsetup status; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup reload pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 256 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5 bs=512 count=1 skip=68 seek=762 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 262144 -l 393216 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t6558606 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t6558606 bs=16384 count=1 skip=1 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t6558606; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
