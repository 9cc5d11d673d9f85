# thinfuzz v1 seed 22 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s22p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'R' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s22p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'A' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s22p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'K' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s22p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 0"
dmsetup create pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 0 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 11453623; echo rc=$?
dmsetup message pool 0 delete 11453623; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup reload pool --table "0 2048 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 10240 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup message pool 0 create_snap 3 0; echo rc=$?
dmsetup message pool 0 create_thin 11091125; echo rc=$?
dmsetup create t3 --table "0 11426 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=4096 count=1 skip=13 seek=139 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=67 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t5 --table "0 3072 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup message pool 0 create_thin 15; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=4096 count=1 skip=2 seek=225 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5 pool
dmsetup create t0 --table "0 12288 thin /dev/mapper/pool 0"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t0
dmsetup message pool 0 create_snap 6 0; echo rc=$?
dmsetup resume t0
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=512 count=1 skip=119 seek=2366 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_snap 1 11091125; echo rc=$?
dmsetup create t15 --table "0 8862 thin /dev/mapper/pool 15"; echo rc=$?
dmsetup reload pool --table "0 14336 thin-pool /dev/mapper/meta /dev/ram1 1024 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=65536 count=1 skip=0 seek=13 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 16777216; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup remove t15; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
