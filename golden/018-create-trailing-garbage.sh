# extra words on a target line, blank lines and comments in a table
modprobe brd rd_nr=1 rd_size=4096
echo "0 1024 linear /dev/ram0 0 garbage" | dmsetup create a
echo garbage rc=$?
echo "0 1024 zero garbage" | dmsetup create b
echo zero-garbage rc=$?
printf '\n# a comment\n0 1024 linear /dev/ram0 0\n\n' | dmsetup create c
echo comment rc=$?
dmsetup table c
printf '0 1024   linear    /dev/ram0     0   \n' | dmsetup create d
echo spaces rc=$?
dmsetup table d
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
