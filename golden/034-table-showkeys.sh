# crypt keys are hidden in table output unless --showkeys
modprobe brd rd_nr=1 rd_size=4096
dmsetup create c --table "0 4096 crypt aes-cbc-essiv:sha256 00112233445566778899aabbccddeeff 0 /dev/ram0 0"
echo rc=$?
dmsetup table c
dmsetup table --showkeys c
dmsetup status c
dmesg | sed 's/^\[[^]]*\] //'
