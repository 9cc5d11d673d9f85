# thinfuzz v1 seed 6 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s6p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'o' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s6p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'R' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s6p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'w' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s6p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'J' >> /tmp/p3; done
dmsetup create pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t3 --table "0 2048 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 2 no_discard_passdown error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 3; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=16384 count=1 skip=0 seek=8 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 3 error_if_no_space read_only no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status pool; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup create t7 --table "0 1688 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 256 2 2 read_only error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t7 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t7 bs=512 count=1 skip=24 seek=46 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7 pool
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t7 bs=16384 count=1 skip=2 seek=45 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7 pool
dmsetup message pool 0 create_snap 0 3; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t7 bs=16384 count=1 skip=1 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=512 count=1 skip=912 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
