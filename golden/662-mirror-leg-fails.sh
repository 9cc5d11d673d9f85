# a mirror leg fails: with handle_errors the write is held until the suspend, without it the leg is marked and the write completes; a failed primary while out of sync
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
dmsetup create leg --table "0 8192 linear /dev/ram1 0"
dmsetup create m --table "0 8192 mirror core 1 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors"
sleep 1; dmsetup status m
dmsetup suspend leg; dmsetup reload leg --table "0 8192 error"; dmsetup resume leg
dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 seek=10 oflag=direct 2>/dev/null & 
sleep 1
dmsetup status m
dmsetup info -c -o name,events m
dmsetup suspend m; echo suspend=$?
wait
dmsetup status m
dmsetup resume m
dmsetup remove m
dmsetup create m --table "0 8192 mirror core 1 1024 2 /dev/ram0 0 /dev/mapper/leg 0"
sleep 1
dmsetup status m
dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 seek=10 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status m
dd if=/dev/mapper/m of=/dev/null bs=4k count=1 skip=10 iflag=direct 2>/dev/null; echo rc=$?
dmsetup remove m
dmsetup create m --table "0 8192 mirror core 1 1024 2 /dev/mapper/leg 0 /dev/ram0 0 1 handle_errors"
sleep 1
dmsetup status m
dd if=/dev/mapper/m of=/dev/null bs=4k count=1 skip=10 iflag=direct 2>/dev/null; echo rc=$?
dmsetup status m
dmsetup remove m
dmesg | sed 's/^\[[^]]*\] //'
