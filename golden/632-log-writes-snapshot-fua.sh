# log-writes under a persistent snapshot's COW device: the snapshot's header and area writes, its commits with PREFLUSH|FUA (FUA entries, the super block rewritten after each)
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
dmsetup create lwc --table "0 8192 log-writes /dev/ram1 /dev/ram2"
dmsetup create snap --table "0 8192 snapshot /dev/ram0 /dev/mapper/lwc P 8"; echo rc=$?
sleep 1
dmsetup status lwc
printf 'SSSS%.0s' $(seq 1 1024) | dd of=/dev/mapper/snap bs=4096 count=1 iflag=fullblock oflag=direct 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lwc
dmsetup status snap
printf 'TTTT%.0s' $(seq 1 1024) | dd of=/dev/mapper/snap bs=4096 seek=5 count=1 iflag=fullblock oflag=direct 2>/dev/null; echo rc=$?
sleep 1
dmsetup status lwc
dmsetup remove snap
sleep 1
dmsetup status lwc
dmsetup remove lwc
hexdump -C /dev/ram2 | grep -v '^\*' | awk '{print}' | head -120
md5sum /dev/ram1 /dev/ram2
