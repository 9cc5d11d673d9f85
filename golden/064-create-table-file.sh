# tables from a file given as an argument, and load from a file
modprobe brd rd_nr=2 rd_size=4096
cat > /tmp/t1 <<EOT
0 2048 linear /dev/ram0 0
2048 2048 linear /dev/ram1 0
EOT
dmsetup create f /tmp/t1
echo rc=$?
dmsetup table f
echo "0 100 zero" > /tmp/t2
dmsetup load f /tmp/t2
dmsetup resume f
dmsetup table f
dmsetup create g /tmp/nosuchfile
echo rc=$?
printf '0 100 linear /dev/ram0 0\n0 100 zero\n' > /tmp/t3
dmsetup create h /tmp/t3
echo rc=$?
printf '0 abc zero\n' > /tmp/t4
dmsetup create i /tmp/t4
echo rc=$?
dmsetup create j --table "0 abc zero"
echo rc=$?
dmsetup ls
