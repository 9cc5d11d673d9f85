# thinfuzz v1 seed 7 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s7p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'k' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s7p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'e' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s7p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'b' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s7p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dmsetup create pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 1024 4 2 ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup create t2 --table "0 11264 thin /dev/mapper/pool 2"; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  blkdiscard -o 1272832 -l 155648 /dev/mapper/t2; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t2 bs=512 count=1 skip=44 seek=859 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 1024 4 2 ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup remove t2; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 set_transaction_id 1 2; echo rc=$?
dmsetup create t2 --table "0 11264 thin /dev/mapper/pool 2"; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 16002285; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t2 bs=16384 count=1 skip=2 seek=208 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup status pool
dmsetup create t16002285 --table "0 8192 thin /dev/mapper/pool 16002285"; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup remove t16002285; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/dev/mapper/t2 bs=512 count=1 skip=2922 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup remove t2; echo rc=$?
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup message pool 0 create_snap 7 16002285; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 delete 7; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_snap 7 16002285; echo rc=$?
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
