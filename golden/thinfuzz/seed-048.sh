# thinfuzz v1 seed 48 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s48p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 's' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s48p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'p' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s48p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'H' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s48p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Z' >> /tmp/p3; done
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=19 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=0 oflag=direct 2>/dev/null
dmsetup create ext --table "0 1566 linear /dev/ram2 0"
dmsetup create pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 3 1 no_discard_passdown"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup create t5 --table "0 906 thin /dev/mapper/pool 5"; echo rc=$?
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 3 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t5b --table "0 2816 thin /dev/mapper/pool 5"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 262144 -l 131072 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5
dmsetup message pool 0 create_thin 4; echo rc=$?
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5b bs=512 count=1 skip=88 seek=48 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5b pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=16384 count=1 skip=0 seek=22 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5b bs=65536 count=1 skip=0 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t5b pool
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=65536 count=1 skip=0 seek=6 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t5
dmsetup suspend t5b
dmsetup message pool 0 create_snap 0 5; echo rc=$?
dmsetup resume t5
dmsetup resume t5b
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
thin_dump -m /dev/ram0; echo rc=$?
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/dev/mapper/t5b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_thin 5480642; echo rc=$?
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5b bs=512 count=1 skip=20 seek=448 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 2 0; echo rc=$?
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 3 1 skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 delete x; echo rc=$?
dmsetup reload pool --table "0 1536 thin-pool /dev/ram0 /dev/ram1 256 3 0"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 1; echo rc=$?
dmsetup create t5480642 --table "0 814 thin /dev/mapper/pool 5480642 /dev/mapper/ext"; echo rc=$?
dmsetup create t4 --table "0 1792 thin /dev/mapper/pool 4 /dev/mapper/ext"; echo rc=$?
if [ ! -b /dev/mapper/t5480642 ]; then echo no-node; else
  dd if=/dev/mapper/t5480642 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup remove t5b; echo rc=$?
dmsetup remove t5480642; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
