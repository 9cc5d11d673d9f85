# thinfuzz v1 seed 8 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s8p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s8p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'O' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s8p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'B' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s8p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'z' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 4096 thin-pool /dev/mapper/meta /dev/ram1 256 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 15315158; echo rc=$?
dmsetup message pool 0 create_snap 6 15315158; echo rc=$?
dmsetup message pool 0 create_snap 12840884 6; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 delete 12840884; echo rc=$?
dmsetup message pool 0 create_snap 0 6; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
dmsetup message pool 0 create_snap 3 0; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup create t0 --table "0 2816 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup message pool 0 create_snap 16302776 15315158; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  blkdiscard -o 350208 -l 38400 /dev/mapper/t0; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t15315158 --table "0 1792 thin /dev/mapper/pool 15315158"; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=4096 count=1 skip=8 seek=218 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t15315158 ]; then echo no-node; else
  blkdiscard -o 131072 -l 262144 /dev/mapper/t15315158; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t15315158
dmsetup message pool 0 set_transaction_id 1 4; echo rc=$?
dmsetup message pool 0 create_snap 6558985 16302776; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=4096 count=1 skip=3 seek=172 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
dmsetup message pool 0 create_snap 4 0; echo rc=$?
dmsetup message pool 0 set_transaction_id 4 6; echo rc=$?
dmsetup message pool 0 create_snap 6558985 1; echo rc=$?
dmsetup remove t15315158; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t0 bs=4096 count=1 skip=1 seek=8 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup status pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=16384 count=1 skip=3 seek=70 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t0 pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup message pool 0 delete 6558985; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
