# a thin device with an external origin: unprovisioned blocks read from the origin, writes copy them first
dmesg -n 1
modprobe brd rd_nr=3 rd_size=16384
seq 1 300000 > /tmp/pat
dd if=/tmp/pat of=/dev/ram2 bs=64k count=16 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create ext --table "0 4096 thin /dev/mapper/pool 0 /dev/ram2"
dmsetup table ext
dmsetup status ext
dd if=/dev/ram2 bs=512 count=2048 2>/dev/null | md5sum
dd if=/dev/mapper/ext bs=512 count=2048 2>/dev/null | md5sum
dd if=/dev/mapper/ext bs=512 count=2048 skip=2048 2>/dev/null | md5sum
dd if=/dev/zero of=/dev/mapper/ext bs=4k count=1 seek=3 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status
dd if=/dev/mapper/ext bs=64k count=1 iflag=direct 2>/dev/null | md5sum
dd if=/dev/ram2 bs=4k count=3 2>/dev/null > /tmp/a; dd if=/dev/zero bs=4k count=1 2>/dev/null >> /tmp/a; dd if=/dev/ram2 bs=4k count=12 skip=4 2>/dev/null >> /tmp/a; md5sum < /tmp/a
dd if=/dev/zero of=/dev/mapper/ext bs=4k count=1 seek=600 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/ext bs=64k count=1 skip=37 iflag=direct 2>/dev/null | md5sum
dmsetup status
echo "== origin smaller than a block boundary"
dmsetup create ext2 --notable
dmsetup message pool 0 create_thin 1
dmsetup create small --table "0 200 linear /dev/ram2 0"
dmsetup load ext2 --table "0 4096 thin /dev/mapper/pool 1 /dev/mapper/small"
dmsetup resume ext2
dd if=/dev/mapper/ext2 bs=512 count=256 iflag=direct 2>/dev/null | md5sum
dd if=/dev/zero of=/dev/mapper/ext2 bs=512 count=1 seek=10 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/ext2 bs=512 count=256 iflag=direct 2>/dev/null | md5sum
dmsetup status
dmesg | sed 's/^\[[^]]*\] //'
