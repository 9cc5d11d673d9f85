# crypt cipher specs: capi: forms and key counts; ciphertext and errors
modprobe brd rd_nr=1 rd_size=1024
K32=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
K64=${K32}202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f
t() { dmsetup create c --table "0 64 crypt $1 $2 0 /dev/ram0 0"; r=$?; if [ $r = 0 ]; then dd if=/dev/zero of=/dev/mapper/c bs=4096 count=8 oflag=direct 2>/dev/null; dd if=/dev/ram0 bs=4096 count=8 2>/dev/null | md5sum; dmsetup table c | cut -d' ' -f4; dmsetup remove c; else echo "rc=$r"; fi; }
t capi:cbc\(aes\)-plain64 $K32
t capi:xts\(aes\)-plain64 $K64
t capi:ecb\(aes\) $K32
t capi:cbc\(aes\)-essiv:sha256 $K32
t aes:2-cbc-plain64 $K64
t aes:2-cbc-essiv:sha256 $K64
t aes:4-xts-plain64 ${K64}${K64}
t aes:2-xts-plain64 $K64
t aes:3-cbc-plain $K32
t aes:x-cbc-plain $K32
t aes:1-cbc-plain64 $K32
t capi:foo\(aes\)-plain $K32
t capi:cbc\(aes\)-bogus $K32
t capi:cbc\(aes\)-essiv $K32
t aes-cbc-bogus $K32
t aes-cbc-plain 0011
dmesg | grep -v brd | sed 's/^\[[^]]*\] //'
