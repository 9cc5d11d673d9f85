# thinfuzz v1 seed 33 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s33p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s33p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'I' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s33p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s33p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'J' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 2048"
dmsetup create pool --table "0 1536 thin-pool /dev/mapper/meta /dev/ram1 256 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup message pool 0 create_thin 5491446; echo rc=$?
dmsetup create t21 --table "0 2043 thin /dev/mapper/pool 21"; echo rc=$?
dmsetup reload pool --table "0 1792 thin-pool /dev/mapper/meta /dev/ram1 256 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 5491446 5491446; echo rc=$?
dmsetup create t5491446 --table "0 2048 thin /dev/mapper/pool 5491446"; echo rc=$?
dmsetup message pool 0 create_thin 4193453; echo rc=$?
if [ ! -b /dev/mapper/t5491446 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5491446 bs=512 count=1 skip=27 seek=1836 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t4193453 --table "0 1130 thin /dev/mapper/pool 4193453"; echo rc=$?
if [ ! -b /dev/mapper/t5491446 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5491446 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5491446 pool
dmsetup status; echo rc=$?
if [ ! -b /dev/mapper/t5491446 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t5491446 bs=512 count=1 skip=50 seek=1619 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 4193453; echo rc=$?
dmsetup message pool 0 delete 5491446; echo rc=$?
if [ ! -b /dev/mapper/t5491446 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5491446 bs=65536 count=1 skip=0 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t5491446; echo rc=$?
if [ ! -b /dev/mapper/t4193453 ]; then echo no-node; else
  dd if=/dev/mapper/t4193453 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t4193453 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t4193453 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 3584 thin-pool /dev/mapper/meta /dev/ram1 256 1 2 error_if_no_space no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t4193453 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t4193453 bs=65536 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4193453 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t4193453 bs=512 count=1 skip=113 seek=103 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4193453 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t4193453 bs=16384 count=1 skip=2 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup table; echo rc=$?
dmsetup table; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t4193453; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
