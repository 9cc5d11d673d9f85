# crypt messages: not suspended, unknown, wrong key size, wipe then set, data readable again
modprobe brd rd_nr=1 rd_size=1024
K=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
dmsetup create c --table "0 100 crypt aes-cbc-essiv:sha256 ${K} 0 /dev/ram0 0"
printf 'hello' | dd of=/dev/mapper/c bs=512 count=1 conv=sync oflag=direct 2>/dev/null
dmsetup message c 0 key wipe; echo rc=$?
dmsetup message c 0 hello world; echo rc=$?
dmsetup message c 0 key; echo rc=$?
dmsetup suspend c
dmsetup message c 0 key set 0011; echo rc=$?
dmsetup message c 0 key wipe; echo rc=$?
dmsetup message c 0 key set ${K}; echo rc=$?
dmsetup resume c; echo rc=$?
dd if=/dev/mapper/c bs=5 count=1 2>/dev/null; echo
dmsetup status c
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
