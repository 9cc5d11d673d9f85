# thinfuzz v1 seed 1 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s1p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'm' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s1p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'B' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s1p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'S' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s1p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'C' >> /tmp/p3; done
dmsetup create pool --table "0 2560 thin-pool /dev/ram0 /dev/ram1 128 3 3 ignore_discard skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup reload pool --table "0 3584 thin-pool /dev/ram0 /dev/ram1 128 3 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 15; echo rc=$?
dmsetup message pool 0 create_thin 13516537; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
dmsetup message pool 0 delete 15; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup create t7 --table "0 497 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/dev/mapper/t7 bs=512 count=1 skip=76 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup remove t7; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 delete 13516537; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 16739331 3; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup create t0 --table "0 1209 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  blkdiscard -o 81408 -l 24064 /dev/mapper/t0; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0 bs=512 count=1 skip=119 seek=192 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 12 16739331; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=512 count=1 skip=46 seek=978 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
