# thinfuzz v1 seed 4 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s4p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'c' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s4p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'L' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s4p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'I' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s4p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'd' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 3840 thin-pool /dev/mapper/meta /dev/ram1 256 3 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup create t2 --table "0 512 thin /dev/mapper/pool 2"; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t2 bs=512 count=1 skip=38 seek=511 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2 pool
dmsetup remove t2; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 1; echo rc=$?
dmsetup message pool 0 create_snap 9507315 2; echo rc=$?
dmsetup reload pool --table "0 5376 thin-pool /dev/mapper/meta /dev/ram1 256 3 3 no_discard_passdown error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 12223870 9507315; echo rc=$?
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 16648693 12223870; echo rc=$?
dmsetup create t2 --table "0 2560 thin /dev/mapper/pool 2"; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
if [ ! -b /dev/mapper/t2 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2 bs=16384 count=1 skip=3 seek=20 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t2 pool
dmsetup remove t2; echo rc=$?
dmsetup create t9507315 --table "0 2304 thin /dev/mapper/pool 9507315"; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup remove t9507315; echo rc=$?
dmsetup reload pool --table "0 5376 thin-pool /dev/mapper/meta /dev/ram1 256 3 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t12223870 --table "0 1280 thin /dev/mapper/pool 12223870"; echo rc=$?
if [ ! -b /dev/mapper/t12223870 ]; then echo no-node; else
  blkdiscard -o 475648 -l 1536 /dev/mapper/t12223870; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 7 0; echo rc=$?
if [ ! -b /dev/mapper/t12223870 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12223870 bs=16384 count=1 skip=3 seek=26 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12223870 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t12223870 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t12223870 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t12223870 bs=4096 count=1 skip=5 seek=59 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t12223870; echo rc=$?
dmsetup message pool 0 create_snap 6 7; echo rc=$?
dmsetup create t6 --table "0 2048 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t6 bs=16384 count=1 skip=2 seek=48 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup message pool 0 delete 2; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup message pool 0 delete 6; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
