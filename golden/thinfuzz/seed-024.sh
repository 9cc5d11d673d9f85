# thinfuzz v1 seed 24 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s24p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'o' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s24p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'F' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s24p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'C' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s24p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'j' >> /tmp/p3; done
dmsetup create pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 2 2 ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup create t3 --table "0 896 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup message pool 0 delete 3; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=0 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup create t3b --table "0 1152 thin /dev/mapper/pool 3"; echo rc=$?
dmsetup ls; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/dev/mapper/t3b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_thin 4626176; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=16384 count=1 skip=0 seek=14 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3 pool
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/dev/mapper/t3b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 2 2 ignore_discard skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 128 2 1 ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 release_metadata_snap; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=512 count=1 skip=121 seek=734 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 1280 thin-pool /dev/ram0 /dev/ram1 128 2 1 ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=4096 count=1 skip=1 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 delete 3; echo rc=$?
dmsetup message pool 0 create_snap 11549825 4626176; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/dev/mapper/t3 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3b bs=16384 count=1 skip=2 seek=22 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3b pool
dmsetup reload pool --table "0 1792 thin-pool /dev/ram0 /dev/ram1 128 2 2 skip_block_zeroing ignore_discard"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3b bs=4096 count=1 skip=4 seek=113 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 8447686 11549825; echo rc=$?
if [ ! -b /dev/mapper/t3b ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3b bs=512 count=1 skip=9 seek=21 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup remove t3b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
