# thin-pool metadata: a fresh format of a 16 MiB metadata device, byte for byte (md5sum, hexdump)
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 0"
dmsetup status pool
dmsetup remove pool
md5sum /dev/ram0
hexdump -C /dev/ram0
