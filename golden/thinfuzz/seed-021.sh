# thinfuzz v1 seed 21 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s21p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'S' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s21p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s21p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'y' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s21p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p3; done
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=4 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=18 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=20 oflag=direct 2>/dev/null
dmsetup create pool --table "0 768 thin-pool /dev/ram0 /dev/ram1 128 2 3 skip_block_zeroing error_if_no_space ignore_discard"; echo rc=$?
dmsetup status pool
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 12231204; echo rc=$?
dmsetup message pool 0 create_snap 3 1; echo rc=$?
dmsetup message pool 0 create_snap 9 12231204; echo rc=$?
dmsetup message pool 0 create_thin 4343564; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup create t3 --table "0 896 thin /dev/mapper/pool 3"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  blkdiscard -o 65536 -l 65536 /dev/mapper/t3; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=512 count=1 skip=32 seek=128 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
dmsetup table; echo rc=$?
dmsetup create t3b --table "0 1408 thin /dev/mapper/pool 3"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=16384 count=1 skip=3 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t3; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3b bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t1 --table "0 808 thin /dev/mapper/pool 1 /dev/ram2"; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup message pool 0 create_snap 4 4343564; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  blkdiscard -o 30720 -l 20480 /dev/mapper/t3b; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3b
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3b bs=16384 count=1 skip=3 seek=23 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3b bs=4096 count=1 skip=4 seek=101 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3b bs=16384 count=1 skip=2 seek=25 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 768 thin-pool /dev/ram0 /dev/ram1 128 2 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3b bs=16384 count=1 skip=3 seek=11 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3b bs=16384 count=1 skip=1 seek=15 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3b bs=4096 count=1 skip=1 seek=13 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3b pool
dmsetup remove t3b; echo rc=$?
dmsetup message pool 0 delete 12231204; echo rc=$?
dmsetup message pool 0 create_snap 9167087 4343564; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
