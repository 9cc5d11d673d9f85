# wrong argument counts for linear, striped, zero and error
modprobe brd rd_nr=2 rd_size=4096
echo "0 1024 linear /dev/ram0" | dmsetup create a1
echo linear-1 rc=$?
echo "0 1024 linear" | dmsetup create a2
echo linear-0 rc=$?
echo "0 1024 linear /dev/ram0 0 7" | dmsetup create a3
echo linear-3 rc=$?
echo "0 1024 striped 2 8 /dev/ram0 0" | dmsetup create b1
echo striped-short rc=$?
echo "0 1024 striped 2" | dmsetup create b2
echo striped-2 rc=$?
echo "0 1024 striped" | dmsetup create b3
echo striped-0 rc=$?
echo "0 1024 zero 5" | dmsetup create c1
echo zero-1 rc=$?
echo "0 1024 error 5" | dmsetup create d1
echo error-1 rc=$?
dmsetup ls
dmesg | sed 's/^\[[^]]*\] //'
