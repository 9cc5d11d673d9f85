# dmsetup version and the registered target types
modprobe dm-zero
dmsetup version
echo rc=$?
dmsetup targets
echo rc=$?
