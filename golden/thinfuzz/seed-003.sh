# thinfuzz v1 seed 3 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s3p0k$i" >> /tmp/p0; head -c 4090 /dev/zero | tr '\0' 'z' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s3p1k$i" >> /tmp/p1; head -c 4090 /dev/zero | tr '\0' 'u' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s3p2k$i" >> /tmp/p2; head -c 4090 /dev/zero | tr '\0' 'J' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s3p3k$i" >> /tmp/p3; head -c 4090 /dev/zero | tr '\0' 'P' >> /tmp/p3; done
dmsetup create meta --table "0 2048 linear /dev/ram0 2048"
dmsetup create pool --table "0 4864 thin-pool /dev/mapper/meta /dev/ram1 256 4 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 4526777; echo rc=$?
dmsetup status; echo rc=$?
dmsetup reload pool --table "0 4864 thin-pool /dev/mapper/meta /dev/ram1 256 4 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup status; echo rc=$?
dmsetup message pool 0 create_snap 4526777 4526777; echo rc=$?
dmsetup message pool 0 create_thin 4526777; echo rc=$?
dmsetup create t4526777 --table "0 1536 thin /dev/mapper/pool 4526777"; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup create t4526777b --table "0 512 thin /dev/mapper/pool 4526777"; echo rc=$?
if [ ! -b /dev/mapper/t4526777 ]; then echo no-node; else
  blkdiscard -o 106496 -l 13312 /dev/mapper/t4526777; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4526777 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t4526777 bs=512 count=1 skip=80 seek=350 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup suspend t4526777
dmsetup suspend t4526777b
dmsetup message pool 0 create_snap 7 4526777; echo rc=$?
dmsetup resume t4526777
dmsetup resume t4526777b
dmsetup remove t4526777b; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 reserve_metadata_snap; echo rc=$?
thin_ls -m /dev/mapper/meta; echo rc=$?
dmsetup message pool 0 create_thin 11972637; echo rc=$?
dmsetup remove t4526777; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup message pool 0 create_thin 10592358; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup message pool 0 create_snap 0 4; echo rc=$?
dmsetup message pool 0 create_snap 15 4; echo rc=$?
dmsetup message pool 0 create_snap 1 11972637; echo rc=$?
dmsetup message pool 0 set_transaction_id 3 4; echo rc=$?
dmsetup reload pool --table "0 4864 thin-pool /dev/mapper/meta /dev/ram1 256 4 3 error_if_no_space no_discard_passdown read_only"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup table; echo rc=$?
dmsetup reload pool --table "0 4864 thin-pool /dev/mapper/meta /dev/ram1 256 4 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup create t7 --table "0 2048 thin /dev/mapper/pool 7"; echo rc=$?
dmsetup create t1 --table "0 2304 thin /dev/mapper/pool 1"; echo rc=$?
dmsetup message pool 0 delete 6; echo rc=$?
dmsetup create t4526777 --table "0 512 thin /dev/mapper/pool 4526777"; echo rc=$?
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t7; echo rc=$?
dmsetup remove t1; echo rc=$?
dmsetup remove t4526777; echo rc=$?
dmsetup message pool 0 delete 11972637; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/mapper/meta; echo rc=$?
thin_check /dev/mapper/meta; echo rc=$?
thin_ls /dev/mapper/meta; echo rc=$?
md5sum /dev/mapper/meta
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
