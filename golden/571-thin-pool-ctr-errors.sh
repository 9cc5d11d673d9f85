# thin-pool constructor errors, one table line at a time, with the kernel's ti->error
dmesg -n 1
modprobe brd rd_nr=4 rd_size=16384
P="/dev/ram0 /dev/ram1"
for args in "" "/dev/ram0 /dev/ram1 128" "/dev/ram0 /dev/ram0 128 16" "/dev/nosuch /dev/ram1 128 16" \
  "/dev/ram0 /dev/nosuch 128 16" "$P 127 16" "$P 64 16" "$P 0 16" "$P abc 16" "$P 192 16" \
  "$P 4294967296 16" "$P 2097152 16" "$P 4194304 16" "$P +128 16" "$P 128 x" "$P 128 -1" "$P 128 18446744073709551616" \
  "$P 128 16 1" "$P 128 16 5 a b c d e" "$P 128 16 1 bogus" "$P 128 16 x" "$P 128 16 2 skip_block_zeroing" \
  "$P 128 16 -1"; do
  echo "== $args"
  dmsetup create pool --table "0 32768 thin-pool $args"
  echo rc=$?
  dmsetup remove pool 2>/dev/null && dd if=/dev/zero of=/dev/ram0 bs=4k count=1 2>/dev/null
  dmesg -c | sed 's/^\[[^]]*\] //' | grep -v 'brd:'
done
dmsetup ls
echo "== extra arguments after the features"
dmsetup create pool --table "0 32768 thin-pool $P 128 16 0 extra more"
echo rc=$?
dmsetup table pool
dmsetup remove pool
dmesg -c | sed 's/^\[[^]]*\] //' | grep -v 'brd:'
echo "== two pools in one table"
dmsetup create two --table "0 16384 thin-pool /dev/ram2 /dev/ram3 128 16
16384 16384 thin-pool /dev/ram0 /dev/ram1 128 16"
echo rc=$?
dmsetup create mixed --table "0 16384 linear /dev/ram2 0
16384 16384 thin-pool /dev/ram0 /dev/ram1 128 16"
echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
