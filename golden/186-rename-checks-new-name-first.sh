# dm_hash_rename (6.1.192) checks that the new name or uuid is free before it looks for the device
dmsetup create a --table "0 8 zero"
dmsetup create b --uuid U-b --table "0 8 zero"
dmsetup create c --notable
dmsetup rename nosuch a; echo rc=$?
dmsetup rename nosuch newname; echo rc=$?
dmsetup rename a b; echo rc=$?
dmsetup rename c --setuuid U-b; echo rc=$?
dmsetup rename nosuch --setuuid U-b; echo rc=$?
dmsetup rename nosuch --setuuid U-new; echo rc=$?
dmsetup rename b --setuuid U-c; echo rc=$?
dmsetup rename b --setuuid U-b; echo rc=$?
dmsetup rename c --setuuid U-c; echo rc=$?
dmsetup rename a a; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
