# info, table and status with no devices and for a missing device
dmsetup info
echo rc=$?
dmsetup table
echo rc=$?
dmsetup status
echo rc=$?
dmsetup ls
echo rc=$?
dmsetup info nosuch
echo rc=$?
dmsetup table nosuch
echo rc=$?
dmsetup status nosuch
echo rc=$?
dmsetup info -c
echo rc=$?
