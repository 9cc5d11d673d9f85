# flakey: table and status lines, feature arguments, constructor errors
modprobe brd rd_nr=1 rd_size=4096
echo "0 8192 flakey /dev/ram0 0 5 0" | dmsetup create f1; echo rc=$?
echo "0 8192 flakey /dev/ram0 8 1 1 1 drop_writes" | dmsetup create f2; echo rc=$?
echo "0 8192 flakey /dev/ram0 0 3 2 1 error_writes" | dmsetup create f3; echo rc=$?
echo "0 8192 flakey /dev/ram0 0 0 10 5 corrupt_bio_byte 32 r 1 0" | dmsetup create f4; echo rc=$?
dmsetup table
dmsetup status
dd if=/dev/zero of=/dev/mapper/f1 bs=4096 count=1 oflag=direct 2>/dev/null; echo rc=$?
for t in "0 8192 flakey /dev/ram0 0 5" "0 8192 flakey /dev/ram0 0 0 0" "0 8192 flakey /dev/ram0 x 1 1" \
  "0 8192 flakey /dev/ram0 0 1 1 1 bogus" "0 8192 flakey /dev/ram0 0 1 1 2 drop_writes error_writes" \
  "0 8192 flakey /dev/ram0 0 1 1 2 drop_writes drop_writes" "0 8192 flakey /dev/ram0 0 1 1 3 corrupt_bio_byte 1 r" \
  "0 8192 flakey /dev/ram0 0 1 1 5 corrupt_bio_byte 1 x 1 0" "0 8192 flakey /dev/ram0 0 1 1 5 corrupt_bio_byte 0 r 1 0" \
  "0 8192 flakey /dev/ram0 0 1 1 5 corrupt_bio_byte 1 r 256 0" "0 8192 flakey /dev/ram0 0 1 1 7 corrupt_bio_byte 1 r 1 0 drop_writes" \
  "0 8192 flakey /dev/ram0 0 1 1 6 drop_writes corrupt_bio_byte 1 w 1 0" "0 8192 flakey /dev/ram0 0 1 1 9" "0 8192 flakey /dev/nope 0 1 1"; do
  echo "$t" | dmsetup create bad; echo rc=$?
done
dmesg | sed 's/^\[[^]]*\] //'
