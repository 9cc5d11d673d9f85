# thinfuzz v1 seed 56 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s56p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'Y' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s56p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'e' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s56p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'C' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s56p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'K' >> /tmp/p3; done
dmsetup create pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 1024 3 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/ram0; echo rc=$?
thin_dump -m /dev/ram0; echo rc=$?
dmsetup message pool 0 create_thin 16111792; echo rc=$?
dmsetup message pool 0 create_snap 14507137 16111792; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup create t16111792 --table "0 3072 thin /dev/mapper/pool 16111792"; echo rc=$?
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/dev/mapper/t16111792 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup table; echo rc=$?
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t16111792 bs=16384 count=1 skip=3 seek=8 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t16111792 pool
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t16111792 bs=16384 count=1 skip=1 seek=12 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t16111792 bs=4096 count=1 skip=14 seek=83 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t16111792 pool
dmsetup reload t16111792 --table "0 11129 thin /dev/mapper/pool 16111792"; echo rc=$?
dmsetup suspend t16111792; dmsetup resume t16111792; echo rc=$?
dmsetup status t16111792; dmsetup info -c -o name,attr,open,segments,events t16111792
dmsetup message pool 0 create_thin 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 2 4; echo rc=$?
dmsetup reload pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 1024 3 2 skip_block_zeroing error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 set_transaction_id 4 5; echo rc=$?
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t16111792 bs=16384 count=1 skip=3 seek=58 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t16111792 --table "0 10240 thin /dev/mapper/pool 16111792"; echo rc=$?
dmsetup suspend t16111792; dmsetup resume t16111792; echo rc=$?
dmsetup status t16111792; dmsetup info -c -o name,attr,open,segments,events t16111792
dmsetup create t16111792b --table "0 7936 thin /dev/mapper/pool 16111792"; echo rc=$?
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/dev/mapper/t16111792 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup reload t16111792 --table "0 1024 thin /dev/mapper/pool 16111792"; echo rc=$?
dmsetup suspend t16111792; dmsetup resume t16111792; echo rc=$?
dmsetup status t16111792; dmsetup info -c -o name,attr,open,segments,events t16111792
if [ ! -b /dev/mapper/t16111792b ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t16111792b bs=16384 count=1 skip=0 seek=200 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t16111792b pool
dmsetup reload pool --table "0 9216 thin-pool /dev/ram0 /dev/ram1 1024 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup remove t16111792b; echo rc=$?
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t16111792 bs=4096 count=1 skip=0 seek=62 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t16111792 pool
dmsetup reload t16111792 --table "0 5120 thin /dev/mapper/pool 16111792"; echo rc=$?
dmsetup suspend t16111792; dmsetup resume t16111792; echo rc=$?
dmsetup status t16111792; dmsetup info -c -o name,attr,open,segments,events t16111792
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t16111792 bs=512 count=1 skip=31 seek=3502 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup reload t16111792 --table "0 3451 thin /dev/mapper/pool 16111792"; echo rc=$?
dmsetup suspend t16111792; dmsetup resume t16111792; echo rc=$?
dmsetup status t16111792; dmsetup info -c -o name,attr,open,segments,events t16111792
if [ ! -b /dev/mapper/t16111792 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t16111792 bs=16384 count=1 skip=2 seek=92 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t16111792; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup create t1 --table "0 6144 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup create t14507137 --table "0 8192 thin /dev/mapper/pool 14507137"; echo rc=$?
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  blkdiscard -o 1572864 -l 1048576 /dev/mapper/t1; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t1 ]; then echo no-node; else
  dd if=/dev/mapper/t1 bs=512 count=1 skip=2014 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
dmsetup message pool 0 create_thin 14507137; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove t14507137; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
