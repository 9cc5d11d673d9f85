# report output modes: headings, nameprefixes, rows, unquoted, separator, sort
modprobe brd rd_nr=1 rd_size=1024
dmsetup create b --table "0 8 zero"
dmsetup create a --table "0 16 linear /dev/ram0 0"
dmsetup create c --table "0 8 linear /dev/mapper/a 0
8 8 linear /dev/mapper/b 0"
dmsetup info -c --nameprefixes -o name,open
dmsetup info -c --nameprefixes --unquoted --noheadings -o name,open
dmsetup info -c --rows -o name,open,uuid
dmsetup info -c --rows --noheadings -o name,open
dmsetup info -c --rows --nameprefixes -o name,open
dmsetup info -c --separator , -o name,open
dmsetup info -c -O -name -o name,minor
dmsetup info -c -O open,name -o name,open
dmsetup info -c -o name,device_count,devs_used,devnos_used,blkdevs_used,device_ref_count,names_using_dev,devnos_using_dev
dmsetup info -c -o name,read_ahead,tables_loaded,mangled_name,unmangled_name,mangled_uuid,unmangled_uuid
dmsetup info -c -o name_name,info_open,deps_device_count
dmsetup info -c -o NAME,Open
dmsetup info -c -o help; echo rc=$?
dmsetup info -c nosuch a; echo rc=$?
