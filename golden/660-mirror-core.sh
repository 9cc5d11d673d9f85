# mirror with core logs: table and status (nosync, sync, handle_errors, keep_log), recovery to in-sync, constructor errors
dmesg -n 1
modprobe brd rd_nr=4 rd_size=4096
dmsetup create m --table "0 4096 mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0"
dmsetup table m
sleep 1
dmsetup status m
dmsetup create m2 --table "0 4096 mirror core 2 512 nosync 2 /dev/ram0 4096 /dev/ram1 4096 1 handle_errors"
dmsetup table m2; dmsetup status m2
dmsetup create m3 --table "0 2048 mirror core 2 512 sync 3 /dev/ram2 0 /dev/ram3 0 /dev/ram0 6000 2 handle_errors keep_log"
dmsetup table m3; sleep 1; dmsetup status m3
dmsetup remove m m2 m3
for t in "mirror core 1 1024 2 /dev/ram0 0" "mirror core 1 1000 2 /dev/ram0 0 /dev/ram1 0" "mirror core 1 8192 2 /dev/ram0 0 /dev/ram1 0" \
  "mirror foo 1 1024 2 /dev/ram0 0 /dev/ram1 0" "mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0 1 bogus" \
  "mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0 1 keep_log" "mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0 2 handle_errors" \
  "mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0 1 handle_errors extra" "mirror core 1 1024 1 /dev/ram0 0" \
  "mirror core 1 1024 10 /dev/ram0 0 /dev/ram1 0" "mirror core 1 1024 2 /dev/ram0 x /dev/ram1 0" \
  "mirror core 1 1024 2 /dev/ram0 0 /dev/nonexist 0" "mirror core 3 1024 2 /dev/ram0 0 /dev/ram1 0" \
  "mirror core 2 1024 maybe 2 /dev/ram0 0 /dev/ram1 0" "mirror core x 1024 2 /dev/ram0 0 /dev/ram1 0" \
  "mirror core" "mirror disk 1 1024 2 /dev/ram0 0 /dev/ram1 0" "mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0 x"; do
  dmsetup create bad --table "0 4096 $t" 2>/dev/null; echo "rc=$?"
done
dmesg | sed 's/^\[[^]]*\] //'
