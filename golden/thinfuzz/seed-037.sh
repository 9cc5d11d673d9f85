# thinfuzz v1 seed 37 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s37p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'q' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s37p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s37p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'V' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s37p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'c' >> /tmp/p3; done
dmsetup create meta --table "0 4096 linear /dev/ram0 2048"
dmsetup create pool --table "0 384 thin-pool /dev/mapper/meta /dev/ram1 128 1 3 no_discard_passdown skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 512 thin-pool /dev/mapper/meta /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 10372758; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup create t1 --table "0 1020 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup message pool 0 delete 29; echo rc=$?
dmsetup reload t1 --table "0 1024 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup suspend t1; dmsetup resume t1; echo rc=$?
dmsetup status t1; dmsetup info -c -o name,attr,open,segments,events t1
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=16384 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=512 count=1 skip=117 seek=76 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t1 pool
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 124928 -l 3584 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=4096 count=1 skip=7 seek=73 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=4096 count=1 skip=7 seek=9 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=4096 count=1 skip=15 seek=70 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 delete 2; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t1 bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t1 bs=4096 count=1 skip=3 seek=103 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 512 thin-pool /dev/mapper/meta /dev/ram1 128 1 3 read_only skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 10372758 4; echo rc=$?
dmsetup create t1 --table "0 1408 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup create t10372758 --table "0 512 thin /dev/mapper/pool 10372758"; echo rc=$?
if [ ! -b /dev/mapper/t10372758 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t10372758 bs=512 count=1 skip=63 seek=174 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t10372758 pool
dmsetup message pool 0 set_transaction_id 3 1; echo rc=$?
dmsetup message pool 0 create_snap 0 4; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t1 bs=16384 count=1 skip=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t10372758b --table "0 384 thin /dev/mapper/pool 10372758"; echo rc=$?
if [ ! -b /dev/mapper/t10372758 ]; then echo no-node; else
  blkdiscard -o 131072 -l 65536 /dev/mapper/t10372758; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t10372758b ]; then echo no-node; else
  dd if=/dev/mapper/t10372758b bs=512 count=1 skip=338 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup remove t1; echo rc=$?
dmsetup remove t10372758; echo rc=$?
dmsetup remove t10372758b; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
dmsetup create pool --table "0 512 thin-pool /dev/mapper/meta /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup reload pool --table "0 1408 thin-pool /dev/mapper/meta /dev/ram1 128 1 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 10372758; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
