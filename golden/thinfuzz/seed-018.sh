# thinfuzz v1 seed 18 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s18p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'u' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s18p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 't' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s18p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s18p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=21 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=19 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=12 oflag=direct 2>/dev/null
dmsetup create ext --table "0 603 linear /dev/ram2 0"
dmsetup create pool --table "0 6144 thin-pool /dev/mapper/meta /dev/ram1 1024 3 2 no_discard_passdown skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 6144 thin-pool /dev/mapper/meta /dev/ram1 1024 3 1 no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status; echo rc=$?
dmsetup reload pool --table "0 7168 thin-pool /dev/mapper/meta /dev/ram1 1024 3 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup message pool 0 create_thin 5926537; echo rc=$?
dmsetup message pool 0 create_thin 6637463; echo rc=$?
dmsetup create t5926537 --table "0 2048 thin /dev/mapper/pool 5926537"; echo rc=$?
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t5926537 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5926537 bs=512 count=1 skip=110 seek=1960 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t5926537; echo rc=$?
dmsetup message pool 0 create_thin 15449317; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t5926537 --table "0 2048 thin /dev/mapper/pool 5926537"; echo rc=$?
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t5926537 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5926537 bs=512 count=1 skip=35 seek=1954 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup message pool 0 set_transaction_id 2 5; echo rc=$?
dmsetup create t5926537b --table "0 3072 thin /dev/mapper/pool 5926537"; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup status pool; echo rc=$?
if [ ! -b /dev/mapper/t5926537b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5926537b bs=4096 count=1 skip=0 seek=336 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t5926537b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5926537b bs=16384 count=1 skip=2 seek=31 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5926537b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5926537b bs=4096 count=1 skip=4 seek=263 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5926537b pool
if [ ! -b /dev/mapper/t5926537b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5926537b bs=16384 count=1 skip=0 seek=79 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5926537b pool
dmsetup remove t5926537; echo rc=$?
dmsetup create t6637463 --table "0 6144 thin /dev/mapper/pool 6637463 /dev/mapper/ext"; echo rc=$?
dmsetup create t15449317 --table "0 5120 thin /dev/mapper/pool 15449317"; echo rc=$?
if [ ! -b /dev/mapper/t6637463 ]; then echo no-node; else
  dd if=/dev/mapper/t6637463 bs=512 count=1 skip=764 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t5926537b ]; then echo no-node; else
  dd if=/dev/mapper/t5926537b bs=512 count=1 skip=398 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5926537b; echo rc=$?
dmsetup remove t6637463; echo rc=$?
dmsetup remove t15449317; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
