# crypt integrity:N:aead: the checks before the AEAD is allocated (lmk, essiv digest), and features printed in crypt_status order
K16=000102030405060708090a0b0c0d0e0f
modprobe brd rd_nr=1 rd_size=1024
t() { dmsetup create c --table "$1"; echo rc=$?; dmsetup remove c 2>/dev/null; }
t "0 32 crypt capi:cbc(aes)-lmk $K16 0 /dev/ram0 0 1 integrity:28:aead"
t "0 32 crypt capi:cbc(aes)-essiv $K16 0 /dev/ram0 0 1 integrity:28:aead"
t "0 32 crypt capi:cbc(aes)-plain64 $K16 0 /dev/ram0 0 1 integrity:28:aead"
t "0 32 crypt capi:gcm(aes)-random $K16 0 /dev/ram0 0 1 integrity:28:aead"
t "0 32 crypt capi:cbc(aes)-plain64 $K16 0 /dev/ram0 0 1 integrity:16:none"
t "0 32 crypt aes-cbc-lmk $K16 0 /dev/ram0 0 3 integrity:28:NoNe allow_discards sector_size:512"
dmsetup create c --table "0 32 crypt aes-cbc-plain $K16 0 /dev/ram0 0 3 integrity:28:NoNe allow_discards iv_large_sectors"; dmsetup table c
dmsetup suspend c; dmsetup message c 0 key wipe; dmsetup message c 0 key set $K16; dmsetup resume c; dmsetup remove c
dmesg | grep -v "brd: module" | sed 's/^\[[^]]*\] //'
