# wipe_table replaces the table with an error target
modprobe brd rd_nr=1 rd_size=4096
dmsetup create w --table "0 2048 linear /dev/ram0 0"
dmsetup wipe_table w
echo rc=$?
dmsetup table w
dmsetup info w
dd if=/dev/mapper/w of=/dev/null bs=512 count=1 2>/dev/null
echo dd rc=$?
dmsetup table --inactive w
