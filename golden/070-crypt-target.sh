# crypt: ciphertext on the disk below for aes-xts-plain64, aes-cbc-essiv:sha256 and aes-cbc-plain
modprobe brd rd_nr=3 rd_size=4096
K32=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
K16=00112233445566778899aabbccddeeff
dmsetup create x --table "0 4096 crypt aes-xts-plain64 $K32 0 /dev/ram0 0"; echo rc=$?
dmsetup create e --table "0 4096 crypt aes-cbc-essiv:sha256 $K16 5 /dev/ram1 8"; echo rc=$?
dmsetup create p --table "0 4096 crypt aes-cbc-plain $K16 0 /dev/ram2 0"; echo rc=$?
for d in x e p; do
  printf 'attack at dawn! attack at dawn!\n' | dd of=/dev/mapper/$d bs=512 seek=3 conv=sync 2>/dev/null
done
sync
for r in 0 1 2; do blockdev --flushbufs /dev/ram$r; done
dd if=/dev/ram0 bs=512 skip=3 count=1 2>/dev/null | hexdump -C | head -4
dd if=/dev/ram1 bs=512 skip=11 count=1 2>/dev/null | hexdump -C | head -4
dd if=/dev/ram2 bs=512 skip=3 count=1 2>/dev/null | hexdump -C | head -4
for d in x e p; do dd if=/dev/mapper/$d bs=512 skip=3 count=1 2>/dev/null | head -c 32; done
dmsetup table --showkeys
dmsetup status
for t in "0 4096 crypt aes-xts-plain64 $K32 0 /dev/ram0" "0 4096 crypt aes-xts-plain64 0011 0 /dev/ram0 0" \
  "0 4096 crypt aes-xts-plain64 zz$K32 0 /dev/ram0 0" "0 4096 crypt nosuch-cbc-plain $K16 0 /dev/ram0 0" \
  "0 4096 crypt aes-cbc-bogus $K16 0 /dev/ram0 0" "0 4096 crypt aes-cbc $K16 0 /dev/ram0 0" \
  "0 4096 crypt aes-cbc-plain $K16 x /dev/ram0 0" "0 4096 crypt aes-cbc-plain $K16 0 /dev/nope 0" \
  "0 4096 crypt aes-cbc-plain $K16 0 /dev/ram0 x" "0 4096 crypt aes-cbc-essiv $K16 0 /dev/ram0 0" \
  "0 4096 crypt aes-xts-plain64 $K16 0 /dev/ram0 0"; do
  echo "$t" | dmsetup create bad; echo rc=$?
done
dmesg | sed 's/^\[[^]]*\] //'
