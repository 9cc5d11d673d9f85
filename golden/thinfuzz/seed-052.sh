# thinfuzz v1 seed 52 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s52p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s52p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'T' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s52p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'B' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s52p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'R' >> /tmp/p3; done
dmsetup create meta --table "0 8192 linear /dev/ram0 2048"
dmsetup create pool --table "0 1280 thin-pool /dev/mapper/meta /dev/ram1 256 0 1 error_if_no_space"; echo rc=$?
dmsetup status pool
dmsetup reload pool --table "0 2816 thin-pool /dev/mapper/meta /dev/ram1 256 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup reload pool --table "0 4352 thin-pool /dev/mapper/meta /dev/ram1 256 0 3 error_if_no_space skip_block_zeroing no_discard_passdown"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup message pool 0 create_thin 8676968; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup reload pool --table "0 4864 thin-pool /dev/mapper/meta /dev/ram1 256 0 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 13235856 8676968; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_thin 3; echo rc=$?
dmsetup message pool 0 create_snap 6431628 3; echo rc=$?
dmsetup message pool 0 delete 13235856; echo rc=$?
dmsetup create t6 --table "0 2560 thin /dev/mapper/pool 6"; echo rc=$?
dmsetup message pool 0 create_thin 15; echo rc=$?
dmsetup create t15 --table "0 2048 thin /dev/mapper/pool 15"; echo rc=$?
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t6 bs=65536 count=1 skip=0 seek=12 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup create t15b --table "0 512 thin /dev/mapper/pool 15"; echo rc=$?
dmsetup message pool 0 create_thin 1; echo rc=$?
if [ ! -b /dev/mapper/t15 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t15 bs=16384 count=1 skip=0 seek=5 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 create_snap 4 21; echo rc=$?
dmsetup message pool 0 release_metadata_snap; echo rc=$?
dmsetup create t24 --table "0 3072 thin /dev/mapper/pool 24"; echo rc=$?
if [ ! -b /dev/mapper/t15 ]; then echo no-node; else
  dd if=/dev/mapper/t15 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t15b ]; then echo no-node; else
  blkdiscard -o 238592 -l 5120 /dev/mapper/t15b; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t6 ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t6 bs=512 count=1 skip=4 seek=2055 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup status t6 pool
dmsetup message pool 0 create_thin 12; echo rc=$?
if [ ! -b /dev/mapper/t15 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t15 bs=16384 count=1 skip=2 seek=10 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t15b ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t15b bs=16384 count=1 skip=0 seek=4 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup remove t15; echo rc=$?
dmsetup message pool 0 create_snap 10 3; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 3; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup remove t15b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
