# thinfuzz v1 seed 59 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s59p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'l' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s59p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'D' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s59p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'x' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s59p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'b' >> /tmp/p3; done
dd if=/tmp/p0 of=/dev/ram2 bs=65536 count=1 seek=3 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=7 oflag=direct 2>/dev/null
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=11 oflag=direct 2>/dev/null
dmsetup create ext --table "0 973 linear /dev/ram2 0"
dmsetup create pool --table "0 3072 thin-pool /dev/ram0 /dev/ram1 1024 3 2 error_if_no_space skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 set_transaction_id 1; echo rc=$?
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_snap 5504700 5; echo rc=$?
dmsetup message pool 0 create_thin 13; echo rc=$?
dmsetup message pool 0 create_thin 4; echo rc=$?
dmsetup message pool 0 create_snap 7 5; echo rc=$?
dmsetup status; echo rc=$?
dmsetup create t5 --table "0 13137 thin /dev/mapper/pool 5"; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  blkdiscard -o 524288 -l 1048576 /dev/mapper/t5; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 3 5; echo rc=$?
dmsetup create t4 --table "0 8192 thin /dev/mapper/pool 4"; echo rc=$?
dmsetup message pool 0 create_thin 15546937; echo rc=$?
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/dev/mapper/t4 bs=512 count=1 skip=2986 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p1 of=/dev/mapper/t5 bs=512 count=1 skip=52 seek=3512 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t5 bs=4096 count=1 skip=12 seek=103 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t4 ]; then echo no-node; else
  dd if=/tmp/p2 of=/dev/mapper/t4 bs=65536 count=1 skip=0 seek=55 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup message pool 0 set_transaction_id 2 3; echo rc=$?
dmsetup create t5b --table "0 4096 thin /dev/mapper/pool 5 /dev/mapper/ext"; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup reload pool --table "0 8192 thin-pool /dev/ram0 /dev/ram1 1024 3 1 error_if_no_space"; echo rc=$?
dmsetup suspend pool; dmsetup resume pool; echo rc=$?
dmsetup status pool; dmsetup table pool
dmsetup message pool 0 create_snap 6 7; echo rc=$?
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/dev/mapper/t5b bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t5b ]; then echo no-node; else
  dd if=/tmp/p3 of=/dev/mapper/t5b bs=4096 count=1 skip=7 seek=297 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
if [ ! -b /dev/mapper/t5 ]; then echo no-node; else
  dd if=/dev/mapper/t5 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t5; echo rc=$?
dmsetup remove t4; echo rc=$?
dmsetup remove t5b; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
