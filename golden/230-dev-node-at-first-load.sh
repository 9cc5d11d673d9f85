# /dev/dm-N appears when the device's disk is added (its first table load), /dev/mapper/NAME when dmsetup creates the node (create with a table, or resume)
modprobe brd rd_nr=1 rd_size=1024
dmsetup create x --notable
ls /dev/mapper
ls /dev | grep dm-
dd if=/dev/dm-0 of=/dev/null bs=512 count=1; echo rc=$?
blockdev --getsz /dev/mapper/x; echo rc=$?
ls /sys/block | grep dm-
dmsetup load x --table "0 8 zero"
ls /dev/mapper
ls /dev | grep dm-
ls /sys/block | grep dm-
blockdev --getsz /dev/dm-0; echo rc=$?
dd if=/dev/dm-0 of=/dev/null bs=512 count=1; echo rc=$?
dmsetup resume x
ls /dev/mapper
ls /dev | grep dm-
blockdev --getsz /dev/dm-0
dmsetup create y --table "0 8 zero" --inactive
ls /dev/mapper
ls /dev | grep dm-
dmsetup create z --notable
dmsetup remove z
ls /dev | grep dm-
dmsetup info -c
