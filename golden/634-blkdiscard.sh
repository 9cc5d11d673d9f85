# blkdiscard's checks and messages (util-linux 2.38); BLKZEROOUT on a RAM disk writes zeros
dmesg -n 1
modprobe brd rd_nr=1 rd_size=1024
printf 'AAAA%.0s' $(seq 1 1024) | dd of=/dev/ram0 bs=4096 count=1 iflag=fullblock oflag=direct 2>/dev/null
blkdiscard -o 100 /dev/ram0; echo rc=$?
blkdiscard -o 512 -l 100 /dev/ram0; echo rc=$?
blkdiscard -o 2097152 /dev/ram0; echo rc=$?
blkdiscard -o 4194304 /dev/ram0; echo rc=$?
blkdiscard -o abc /dev/ram0; echo rc=$?
blkdiscard /dev/nothing; echo rc=$?
blkdiscard /tmp; echo rc=$?
blkdiscard; echo rc=$?
blkdiscard /dev/ram0 /dev/ram0; echo rc=$?
blkdiscard -s /dev/ram0; echo rc=$?
blkdiscard -v -z -o 1024 -l 1024 /dev/ram0; echo rc=$?
blkdiscard -z -l 1M /dev/ram0; echo rc=$?
hexdump -C -n 4096 /dev/ram0
