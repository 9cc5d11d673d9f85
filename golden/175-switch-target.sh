# switch: round-robin region table, set_region_mappings in all its forms, errors, status
modprobe brd rd_nr=3 rd_size=1024
i=0; while [ $i -lt 48 ]; do printf "%0512d" $i; i=$((i+1)); done > /tmp/pat
dd if=/tmp/pat of=/dev/ram0 bs=4096 oflag=direct 2>/dev/null
tr 0 1 < /tmp/pat | dd of=/dev/ram1 bs=4096 oflag=direct 2>/dev/null
tr 0 2 < /tmp/pat | dd of=/dev/ram2 bs=4096 oflag=direct 2>/dev/null
dmsetup create sw --table "0 48 switch 3 8 0 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0"
dmsetup table sw
dmsetup status sw
for r in 0 1 2 3 4 5; do dd if=/dev/mapper/sw bs=512 skip=$((r*8)) count=1 iflag=direct 2>/dev/null | cut -c1-8; echo; done
dmsetup message sw 0 set_region_mappings 0:2 :0 4:1; echo rc=$?
dmsetup message sw 0 set_region_mappings 2:1 R2,2; echo rc=$?
for r in 0 1 2 3 4 5; do dd if=/dev/mapper/sw bs=512 skip=$((r*8)) count=1 iflag=direct 2>/dev/null | cut -c1-8; echo; done
dmsetup message sw 0 set_region_mappings 6:0; echo rc=$?
dmsetup message sw 0 set_region_mappings 0:3; echo rc=$?
dmsetup message sw 0 set_region_mappings 0:1 R5,1; echo rc=$?
dmsetup message sw 0 set_region_mappings 1:1 R1,5; echo rc=$?
dmsetup message sw 0 set_region_mappings 0x; echo rc=$?
dmsetup message sw 0 set_region_mappings 0:; echo rc=$?
dmsetup message sw 0 set_region_mappings R,1; echo rc=$?
dmsetup message sw 0 set_region_mappings 1:g; echo rc=$?
dmsetup message sw 0 hello; echo rc=$?
dmsetup message sw 0 set_region_mappings A:1; echo rc=$?
dmsetup create e1 --table "0 48 switch 0 8 0"; echo rc=$?
dmsetup create e2 --table "0 48 switch 1 0 0 /dev/ram0 0"; echo rc=$?
dmsetup create e3 --table "0 48 switch 1 8 1 x /dev/ram0 0"; echo rc=$?
dmsetup create e4 --table "0 48 switch 2 8 0 /dev/ram0 0"; echo rc=$?
dmsetup create e5 --table "0 48 switch 1 8 0 /dev/nope 0"; echo rc=$?
dmsetup create e6 --table "0 48 switch 1 8 0 /dev/ram0 -1"; echo rc=$?
dmsetup create e7 --table "0 50 switch 2 7 0 /dev/ram0 0 /dev/ram1 +8"; echo rc=$?
dmsetup table e7
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
