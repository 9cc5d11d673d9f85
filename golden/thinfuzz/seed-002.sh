# thinfuzz v1 seed 2 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s2p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'w' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s2p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'E' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s2p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'i' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s2p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'r' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 0"
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=17 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=7 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=15 oflag=direct 2>/dev/null
dmsetup create pool --table "0 768 thin-pool /dev/mapper/meta /dev/ram1 128 2 1 no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
dmsetup table; echo rc=$?
dmsetup message pool 0 set_transaction_id 4 4; echo rc=$?
dmsetup message pool 0 create_thin 996229; echo rc=$?
dmsetup message pool 0 create_snap 1 996229; echo rc=$?
dmsetup table; echo rc=$?
dmsetup create t996229 --table "0 1280 thin /dev/mapper/pool 996229 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t996229 ]; then echo no-node; else
  blkdiscard -o 65536 -l 131072 /dev/mapper/t996229; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t996229 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t996229 bs=512 count=1 skip=6 seek=640 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t996229 ]; then echo no-node; else
  dd if=/dev/mapper/t996229 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t996229 ]; then echo no-node; else
  dd if=/dev/mapper/t996229 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup remove t996229; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup reload pool --table "0 1152 thin-pool /dev/mapper/meta /dev/ram1 128 2 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup message pool 0 frobnicate 1; echo rc=$?
dmsetup status; echo rc=$?
dmsetup message pool 0 create_snap 9 1; echo rc=$?
dmsetup create t5 --table "0 960 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup create t9 --table "0 896 thin /dev/mapper/pool 9"; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t9 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t9 bs=16384 count=1 skip=1 seek=25 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t996229 --table "0 836 thin /dev/mapper/pool 996229 /dev/ram2"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5 bs=16384 count=1 skip=0 seek=11 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup reload pool --table "0 1920 thin-pool /dev/mapper/meta /dev/ram1 128 2 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 delete 1; echo rc=$?
if [ ! -b /dev/mapper/t996229 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t996229 bs=4096 count=1 skip=14 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t9
dmsetup message pool 0 create_snap 2 9; echo rc=$?
dmsetup resume t9
dmsetup remove t5; echo rc=$?
dmsetup remove t9; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t996229; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
