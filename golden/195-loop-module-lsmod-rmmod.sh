# the loop module in lsmod (a bound device holds it), rmmod loop, and /dev/loop-control while it is loaded
ls /dev | grep -c loop
modprobe loop
lsmod | grep -E "^(Module|loop|brd)"
ls /dev/loop* | tr "\n" " "; echo
[ -c /dev/loop-control ] && echo char
truncate -s 1M /tmp/f
losetup /dev/loop0 /tmp/f
lsmod | grep -E "^loop"
rmmod loop; echo rc=$?
losetup -d /dev/loop0
rmmod loop; echo rc=$?
lsmod | grep -c "^loop"
rmmod loop; echo rc=$?
ls /dev/loop* 2>&1
