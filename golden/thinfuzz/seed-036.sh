# thinfuzz v1 seed 36 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s36p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'k' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s36p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s36p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s36p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=6 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=22 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1207 linear /dev/ram2 0"
dmsetup create pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 1024 2 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 1024 2 2 error_if_no_space read_only"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 1024 2 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup reload pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 1024 2 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 1024 2 3 skip_block_zeroing error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 1024 2 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 4; echo rc=$?
dmsetup create t0 --table "0 6803 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=4096 count=1 skip=10 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=512 count=1 skip=2402 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup reload pool --table "0 7168 thin-pool /dev/ram0 /dev/ram1 1024 2 3 error_if_no_space ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=4096 count=1 skip=3 seek=565 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=512 count=1 skip=126 seek=2059 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=16384 count=1 skip=0 seek=41 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t0 bs=4096 count=1 skip=15 seek=295 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t4 --table "0 9895 thin /dev/mapper/pool 4 /dev/mapper/ext"; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  blkdiscard -o 1572864 -l 1572864 /dev/mapper/t4; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t4
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t0 bs=16384 count=1 skip=3 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
