# thinfuzz v1 seed 26 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s26p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'm' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s26p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'w' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s26p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'f' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s26p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p3; done
dmsetup create pool --table "0 256 thin-pool /dev/ram0 /dev/ram1 128 1 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup create t3 --table "0 1408 thin /dev/mapper/pool 3"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=2 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  blkdiscard -o 113664 -l 5120 /dev/mapper/t3; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=7 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_thin 2740914; echo rc=$?
dmsetup create t31 --table "0 512 thin /dev/mapper/pool 31"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t3 bs=16384 count=1 skip=1 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  blkdiscard -o 131072 -l 131072 /dev/mapper/t3; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t3; echo rc=$?
dmsetup create t3 --table "0 256 thin /dev/mapper/pool 3"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/dev/mapper/t3 bs=512 count=1 skip=247 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t3 bs=512 count=1 skip=32 seek=156 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload pool --table "0 256 thin-pool /dev/ram0 /dev/ram1 128 1 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  blkdiscard -o 65536 -l 65536 /dev/mapper/t3; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t3
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup create t2740914 --table "0 1412 thin /dev/mapper/pool 2740914"; echo rc=$?
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=65536 count=1 skip=0 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t2740914 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t2740914 bs=4096 count=1 skip=15 seek=31 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t3 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t3 bs=16384 count=1 skip=1 seek=1 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t3
dmsetup message pool 0 create_snap 7268290 3; echo rc=$?
dmsetup resume t3
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t3; echo rc=$?
dmsetup remove t2740914; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
