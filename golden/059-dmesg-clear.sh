# dmesg -c prints and clears the ring buffer; dmesg afterwards is empty
modprobe brd rd_nr=1 rd_size=4096
echo "0 1024 nosuch" | dmsetup create x
dmesg -c | sed 's/^\[[^]]*\] //'
echo == after clear
dmesg
echo rc=$?
dmesg | wc -l
echo "0 1024 zero 1" | dmsetup create y 2>/dev/null
dmesg | sed 's/^\[[^]]*\] //'
dmesg -c > /dev/null
dmesg | wc -l
