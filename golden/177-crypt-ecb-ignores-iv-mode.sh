# aes-ecb with an IV mode: the IV mode is ignored, with a warning
modprobe brd rd_nr=1 rd_size=1024
dmsetup create c --table "0 8 crypt aes-ecb-plain 000102030405060708090a0b0c0d0e0f 0 /dev/ram0 0"; echo rc=$?
dmsetup create d --table "0 8 crypt aes-ecb 000102030405060708090a0b0c0d0e0f 0 /dev/ram0 0"; echo rc=$?
dmesg | grep -v brd | sed 's/^\[[^]]*\] //'
