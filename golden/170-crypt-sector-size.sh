# crypt with sector_size:4096 (and iv_large_sectors): the ciphertext on the disk
modprobe brd rd_nr=1 rd_size=1024
K=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff
dmsetup create c1 --table "0 64 crypt aes-xts-plain64 $K 0 /dev/ram0 0 1 sector_size:4096"
dd if=/dev/zero of=/dev/mapper/c1 bs=4096 count=8 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/ram0 bs=4096 count=8 2>/dev/null | md5sum
dmsetup table c1
blockdev --getss /dev/mapper/c1; blockdev --getpbsz /dev/mapper/c1; blockdev --getiomin /dev/mapper/c1
dmsetup remove c1
dmsetup create c2 --table "0 64 crypt aes-cbc-essiv:sha256 $K 8 /dev/ram0 0 2 sector_size:4096 iv_large_sectors"
dd if=/dev/zero of=/dev/mapper/c2 bs=4096 count=8 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/ram0 bs=4096 count=8 2>/dev/null | md5sum
dmsetup table c2
dd if=/dev/mapper/c2 bs=4096 count=8 2>/dev/null | md5sum
dmsetup remove c2
dmsetup create c3 --table "0 64 crypt aes-cbc-plain64 $K 0 /dev/ram0 0 1 sector_size:1024"
dd if=/dev/zero of=/dev/mapper/c3 bs=4096 count=8 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/ram0 bs=4096 count=8 2>/dev/null | md5sum
dmsetup remove c3
