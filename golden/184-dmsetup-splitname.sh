# splitname: the command (-o, --separator, --noheadings, --nameprefixes, --rows, _all) and its fields in info -c; -o without -c names devno/devname/blkdevname
modprobe brd rd_nr=1 rd_size=1024
dmsetup create vg-lv --table "0 8 zero"
dmsetup create vg-lv-real --uuid LVM-abc --table "0 8 zero"
dmsetup create x--y-z--w-l-m --uuid LVM-xyz --table "0 8 zero"
dmsetup create tail- --uuid LVM-t --table "0 8 zero"
dmsetup create c-d --uuid CRYPT-LUKS2-abc --table "0 8 zero"
dmsetup info -c -o name,subsystem,vg_name,lv_name,lv_layer
dmsetup info -c -o subsystem,vg_name,lv_name,lv_layer --separator : --noheadings vg-lv-real
dmsetup info -c -o splitname_all --nameprefixes x--y-z--w-l-m
dmsetup info -c -o name,vg_name -O lv_name
dmsetup info -o name,lv_name --rows
dmsetup splitname vg-lv
dmsetup splitname vg-lv-real
dmsetup splitname a--b-c--d-e LVM
dmsetup splitname abc
dmsetup splitname vg-lv XYZ
dmsetup splitname --noheadings --separator , vg-lv
dmsetup splitname -o vg_name vg-lv
dmsetup splitname -o +subsystem vg-lv
dmsetup splitname -o subsystem,lv_layer,vg_name --nameprefixes vg-lv-x
dmsetup splitname -o name vg-lv
echo rc=$?
dmsetup splitname -o lv_name,uuid vg-lv
echo rc=$?
dmsetup splitname -o nosuch vg-lv 2>&1 | tail -1
dmsetup splitname
echo rc=$?
dmsetup splitname -c vg-lv LVM
dmsetup splitname --rows vg-lv
dmsetup splitname -o splitname_all "" 
