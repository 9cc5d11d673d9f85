# dmsetup message: linear, zero and striped have no message method
modprobe brd rd_nr=1 rd_size=4096
dmsetup create m --table "0 1024 linear /dev/ram0 0"
dmsetup message m 0 hello
echo rc=$?
dmsetup message m 0 hello world 2>/dev/null
echo quiet rc=$?
dmsetup message m 5000 hello
echo bad-sector rc=$?
dmsetup message m 0
echo no-message rc=$?
dmsetup message nosuch 0 hello
echo nosuch rc=$?
dmesg | sed 's/^\[[^]]*\] //'
