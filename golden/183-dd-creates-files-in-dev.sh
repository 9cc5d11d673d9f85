# dd to a /dev path with no device: devtmpfs takes a regular file (with oflag=direct O_CREAT makes it, then the open fails)
dd if=/dev/zero of=/dev/mapper/nd bs=512 count=1 oflag=direct; echo rc=$?
[ -f /dev/mapper/nd ] && echo regular file
wc -c < /dev/mapper/nd
dd if=/dev/zero of=/dev/mapper/nd2 bs=4096 count=2 oflag=direct; echo rc=$?
wc -c < /dev/mapper/nd2
dd if=/dev/zero of=/dev/mapper/p bs=512 count=2; echo rc=$?
wc -c < /dev/mapper/p
dd if=/dev/zero of=/dev/mapper/p bs=512 count=1 seek=4 conv=notrunc 2>/dev/null; echo rc=$?
wc -c < /dev/mapper/p
dd if=/dev/mapper/nd of=/dev/null iflag=direct; echo rc=$?
dd if=/dev/zero of=/dev/other bs=512 count=1; echo rc=$?
dd if=/dev/zero of=/dev/other2 bs=512 count=1 oflag=direct; echo rc=$?
ls /dev/other* 2>&1
dd if=/dev/mapper/nosuch of=/dev/null iflag=direct; echo rc=$?
dmsetup create nd --table "0 8 zero"; echo rc=$?
ls /dev/mapper
dmsetup remove nd
ls /dev/mapper
