# an unrecognised field, --noopencount, -o +field, --concise quoting and empty tables, -c -v create, a 127-character name
modprobe brd rd_nr=1 rd_size=1024
dmsetup create a --table "0 8 linear /dev/ram0 0"
dmsetup info --noopencount a
dmsetup info -c --noopencount -o name,open a; echo rc=$?
dmsetup info -c -o nosuch a 2>&1 | tail -2; echo rc=$?
dmsetup info -c -o +tables_loaded a; echo rc=$?
dmsetup table --concise --showkeys a; echo rc=$?
dmsetup create 'b;c' --table "0 8 zero"; dmsetup table --concise; echo rc=$?
dmsetup create --notable e; dmsetup table --concise e; dmsetup table --concise --target zero; echo rc=$?
dmsetup -c -v create f --table "0 8 zero" -o name,tables_loaded; echo rc=$?
dmsetup rename a "$(printf 'n%.0s' $(seq 127))"; echo rc=$?; dmsetup ls | cut -c1-5
dmsetup info -c --noheadings -o name,devs_used,names_using_dev,device_ref_count
