# error target mixed with linear: reads across the boundary, kernel log
modprobe brd rd_nr=1 rd_size=4096
dmsetup create mix <<EOT
0 1024 linear /dev/ram0 0
1024 1024 error
2048 1024 linear /dev/ram0 1024
EOT
dd if=/dev/mapper/mix of=/dev/null bs=512 count=1024 status=none
echo first-part rc=$?
dd if=/dev/mapper/mix of=/dev/null bs=512 skip=2048 count=1024 status=none
echo last-part rc=$?
dd if=/dev/mapper/mix of=/dev/null bs=512 skip=1024 count=1
echo error-part rc=$?
dd if=/dev/mapper/mix of=/dev/null bs=1M
echo whole rc=$?
dd if=/dev/mapper/mix of=/dev/null bs=512 skip=1024 count=1 conv=noerror
echo noerror rc=$?
dmesg | sed 's/^\[[^]]*\] //'
