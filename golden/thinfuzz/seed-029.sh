# thinfuzz v1 seed 29 (src/shell/thinfuzz.ts)
modprobe brd rd_nr=3 rd_size=16384
: > /tmp/p0
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s29p0k$i" >> /tmp/p0; head -c 4089 /dev/zero | tr '\0' 'e' >> /tmp/p0; done
: > /tmp/p1
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s29p1k$i" >> /tmp/p1; head -c 4089 /dev/zero | tr '\0' 'G' >> /tmp/p1; done
: > /tmp/p2
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s29p2k$i" >> /tmp/p2; head -c 4089 /dev/zero | tr '\0' 'o' >> /tmp/p2; done
: > /tmp/p3
for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "s29p3k$i" >> /tmp/p3; head -c 4089 /dev/zero | tr '\0' 'v' >> /tmp/p3; done
dd if=/tmp/p1 of=/dev/ram2 bs=65536 count=1 seek=6 oflag=direct 2>/dev/null
dd if=/tmp/p3 of=/dev/ram2 bs=65536 count=1 seek=11 oflag=direct 2>/dev/null
dd if=/tmp/p2 of=/dev/ram2 bs=65536 count=1 seek=15 oflag=direct 2>/dev/null
dmsetup create pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 1024 0 1 skip_block_zeroing"; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 611360; echo rc=$?
dmsetup message pool 0 create_snap 6 7; echo rc=$?
dmsetup message pool 0 create_thin 5; echo rc=$?
dmsetup message pool 0 create_thin 6; echo rc=$?
dmsetup ls; echo rc=$?
dmsetup message pool 0 create_thin 15136499; echo rc=$?
dmsetup create t6 --table "0 5019 thin /dev/mapper/pool 6 /dev/ram2"; echo rc=$?
dmsetup suspend t6
dmsetup message pool 0 create_snap 7 6; echo rc=$?
dmsetup resume t6
dmsetup message pool 0 set_transaction_id 0 2; echo rc=$?
dmsetup remove t6; echo rc=$?
dmsetup message pool 0 create_thin 2; echo rc=$?
dmsetup message pool 0 create_thin 0; echo rc=$?
dmsetup create t0 --table "0 10240 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup message pool 0 create_snap 14 7; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/tmp/p0 of=/dev/mapper/t0 bs=16384 count=1 skip=0 seek=18 oflag=direct 2>/dev/null; echo rc=$?
  dmsetup status pool >/dev/null
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=512 count=1 skip=959 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup message pool 0 create_snap 11 2; echo rc=$?
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=512 count=1 skip=2033 iflag=direct 2>/dev/null | hexdump -C | head -n 2
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
if [ ! -b /dev/mapper/t0 ]; then echo no-node; else
  dd if=/dev/mapper/t0 bs=65536 iflag=direct 2>/dev/null | md5sum
fi
dmsetup status; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmsetup remove t0; echo rc=$?
dmsetup status pool; echo rc=$?
dmsetup remove pool; echo rc=$?
thin_dump /dev/ram0; echo rc=$?
thin_check /dev/ram0; echo rc=$?
thin_ls /dev/ram0; echo rc=$?
md5sum /dev/ram0
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
