# module parameters brd refuses (kstrtoul: EINVAL, ERANGE past ULONG_MAX); busybox modprobe
# tries twice, so the kernel logs each complaint twice
modprobe brd rd_nr=1 rd_size=-1; echo rc=$?
modprobe brd rd_nr=1 rd_size=abc; echo rc=$?
modprobe brd rd_nr=1 rd_size=99999999999999999999; echo rc=$?
modprobe brd rd_nr=x; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //'
ls /dev/ram0 2>&1
