# mirror with a disk log: the log device byte for byte (header rRiM, clean bits), in sync over a re-create, nosync, errors
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
dmsetup create m --table "0 8192 mirror disk 2 /dev/ram2 1024 2 /dev/ram0 0 /dev/ram1 0"
dmsetup table m
sleep 1
dmsetup status m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
i=0; while [ $i -lt 24 ]; do printf "%0512d" $i; i=$((i+1)); done > /tmp/pat
dd if=/tmp/pat of=/dev/mapper/m bs=4k count=3 seek=100 oflag=direct 2>/dev/null; echo rc=$?
dmsetup status m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
dmsetup suspend m; dmsetup resume m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
[ "$(md5sum < /dev/ram0)" = "$(md5sum < /dev/ram1)" ] && echo legs-same
dmsetup remove m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
dmsetup create m --table "0 8192 mirror disk 2 /dev/ram2 1024 2 /dev/ram0 0 /dev/ram1 0"
dmsetup status m
dmsetup remove m
dmsetup create m --table "0 16384 mirror disk 3 /dev/ram2 512 nosync 2 /dev/ram0 0 /dev/ram1 0"; echo rc=$?
dmsetup create m --table "0 8192 mirror disk 3 /dev/ram2 512 nosync 2 /dev/ram0 0 /dev/ram1 0"
dmsetup table m; dmsetup status m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
dmsetup remove m
dmsetup create m --table "0 8192 mirror disk 2 /dev/ram2 2048 2 /dev/ram0 0 /dev/ram1 0"
sleep 1; dmsetup status m
dd if=/dev/ram2 bs=512 count=4 2>/dev/null | hexdump -C
dmsetup remove m
dmsetup create m --table "0 8192 mirror disk 1 /dev/ram2 2 /dev/ram0 0 /dev/ram1 0"; echo rc=$?
dmsetup create m --table "0 8192 mirror disk 2 /dev/nonexist 1024 2 /dev/ram0 0 /dev/ram1 0"; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
