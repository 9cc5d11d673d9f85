# thinfuzz v1 seed 40 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s40p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'K' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s40p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'R' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s40p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'W' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s40p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'X' >> /tmp/p3; done
dmsetup create pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 1024 1 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup status pool
dmsetup ls; echo rc=$?
dmsetup reload pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 1024 1 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 4096 thin-pool /dev/ram0 /dev/ram1 256 1 2 ignore_discard error_if_no_space"; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup create pool --table "0 8192 thin-pool /dev/ram0 /dev/ram1 1024 1 3 ignore_discard skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_thin 14129383; echo rc=$?
dmsetup message pool 0 delete x; echo rc=$?
dmsetup create t14129383 --table "0 3634 thin /dev/mapper/pool 14129383"; echo rc=$?
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t14129383 bs=4096 count=1 skip=8 seek=371 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t14129383 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t14129383 pool
dmsetup message pool 0 create_snap 15333798 14129383; echo rc=$?
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t14129383 bs=512 count=1 skip=57 seek=587 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t14129383 --table "0 10943 thin /dev/mapper/pool 14129383"; echo rc=$?
dmsetup suspend t14129383; dmsetup resume t14129383; echo rc=$?
dmsetup status t14129383; dmsetup info -c -o name,attr,open,segments,events t14129383
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t14129383 bs=512 count=1 skip=82 seek=2455 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 7; echo rc=$?
dmsetup reload t14129383 --table "0 1024 thin /dev/mapper/pool 14129383"; echo rc=$?
dmsetup suspend t14129383; dmsetup resume t14129383; echo rc=$?
dmsetup status t14129383; dmsetup info -c -o name,attr,open,segments,events t14129383
dmsetup reload pool --table "0 8192 thin-pool /dev/ram0 /dev/ram1 1024 1 2 error_if_no_space ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t14129383 bs=512 count=1 skip=24 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t14129383 pool
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t14129383 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
if [ ! -b /dev/mapper/t14129383 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t14129383 bs=16384 count=1 skip=2 seek=26 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t14129383 pool
dmsetup create t14129383b --table "0 10184 thin /dev/mapper/pool 14129383"; echo rc=$?
dmsetup remove t14129383; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t14129383b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
