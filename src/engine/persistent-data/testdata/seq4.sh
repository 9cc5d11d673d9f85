modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup message pool 0 create_thin 1
dmsetup remove pool
echo == data block size changed
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 256 0"; echo rc=$?
echo == superblock checksum
printf '\001' | dd of=/dev/ram0 bs=1 seek=100 conv=notrunc 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"; echo rc=$?
printf '\000' | dd of=/dev/ram0 bs=1 seek=100 conv=notrunc 2>/dev/null
echo == superblock magic and blocknr
dd if=/dev/ram0 of=/dev/ram0 bs=4096 count=1 seek=3 conv=notrunc 2>/dev/null
dd if=/dev/zero of=/dev/ram0 bs=4096 count=1 conv=notrunc 2>/dev/null
printf 'x' | dd of=/dev/ram0 bs=1 seek=32 conv=notrunc 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"; echo rc=$?
dd if=/dev/ram0 of=/dev/ram0 bs=4096 count=1 skip=3 conv=notrunc 2>/dev/null
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"; echo rc=$?
dmsetup table
dmesg | grep -E "device-mapper|thin" | sed 's/^\[[^]]*\] //'
