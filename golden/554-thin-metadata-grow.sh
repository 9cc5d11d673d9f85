# thin-pool metadata device grown by reload (the metadata space map's extend, bootstrap mode): status, thin_dump, md5sum and hexdump
modprobe brd rd_nr=2 rd_size=16384
dmsetup create meta --table "0 8192 linear /dev/ram0 0"
dmsetup create pool --table "0 32768 thin-pool /dev/mapper/meta /dev/ram1 128 0"
dmsetup message pool 0 create_thin 0
dmsetup create thin0 --table "0 65536 thin /dev/mapper/pool 0"
for b in 0 3; do dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 seek=$b oflag=direct conv=fsync 2>/dev/null; done
dmsetup status pool
dmsetup suspend meta
dmsetup reload meta --table "0 32768 linear /dev/ram0 0"
dmsetup resume meta
dmsetup suspend pool
dmsetup resume pool
dmsetup status pool
dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 seek=9 oflag=direct conv=fsync 2>/dev/null
dmsetup status pool
dmsetup remove thin0
dmsetup remove pool
dmsetup remove meta
thin_dump /dev/ram0
md5sum /dev/ram0
hexdump -C /dev/ram0
dmesg | grep -E "device-mapper" | sed 's/^\[[^]]*\] //'
