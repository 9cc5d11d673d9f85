# thinfuzz v1 seed 50 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s50p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'T' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s50p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'z' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s50p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'o' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s50p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 0"
dmsetup create pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 4096 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup table; echo rc=$?
dmsetup reload pool --table "0 4096 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 12680545 0; echo rc=$?
dmsetup create t12680545 --table "0 9216 thin /dev/mapper/pool 12680545"; echo rc=$?
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545 bs=16384 count=1 skip=3 seek=232 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t12680545 pool
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t12680545 bs=512 count=1 skip=111 seek=2210 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t12680545 --table "0 9399 thin /dev/mapper/pool 12680545"; echo rc=$?
dmsetup suspend t12680545; dmsetup resume t12680545; echo rc=$?
dmsetup status t12680545; dmsetup info -c -o name,attr,open,segments,events t12680545
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_snap 4 7; echo rc=$?
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545 bs=4096 count=1 skip=10 seek=673 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t12680545b --table "0 8081 thin /dev/mapper/pool 12680545"; echo rc=$?
dmsetup message pool 0 set_transaction_id 1 1; echo rc=$?
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545 bs=16384 count=1 skip=2 seek=73 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t7 --table "0 4764 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545 bs=4096 count=1 skip=12 seek=278 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/dev/mapper/t12680545 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload pool --table "0 4096 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup create t7b --table "0 5120 thin /dev/mapper/pool 7"; echo rc=$?
if [ ! -b /dev/mapper/t12680545 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545 bs=512 count=1 skip=34 seek=3894 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t12680545 pool
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  blkdiscard -o 1048576 -l 524288 /dev/mapper/t7; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7
dmsetup message pool 0 delete 4; echo rc=$?
if [ ! -b /dev/mapper/t12680545b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t12680545b bs=16384 count=1 skip=2 seek=106 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t12680545b pool
if [ ! -b /dev/mapper/t12680545b ]; then echo no-node; else
  blkdiscard -o 196096 -l 197120 /dev/mapper/t12680545b; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12680545b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12680545b bs=65536 count=1 skip=0 seek=47 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12680545b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t12680545b bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t12680545b pool
dmsetup remove t12680545b; echo rc=$?
if [ ! -b /dev/mapper/t7 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t7 bs=512 count=1 skip=119 seek=2940 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7 pool
dmsetup message pool 0 create_thin 5; echo rc=$?
if [ ! -b /dev/mapper/t7b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t7b bs=512 count=1 skip=101 seek=2380 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t7b pool
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t12680545; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup remove t7b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
