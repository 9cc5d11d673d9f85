# thin constructor errors: the pool device, the device id, the origin
dmesg -n 1
modprobe brd rd_nr=4 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 16"
dmsetup message pool 0 create_thin 0
dmesg -c >/dev/null
for args in "" "/dev/mapper/pool" "/dev/mapper/pool 0 /dev/ram2 x" "/dev/mapper/pool 0 /dev/mapper/pool" \
  "/dev/mapper/pool 0 /dev/nosuch" "/dev/nosuch 0" "/dev/mapper/pool x" "/dev/mapper/pool 16777216" \
  "/dev/mapper/pool 5" "/dev/ram2 0" "/dev/mapper/lin 0"; do
  echo "== $args"
  dmsetup create lin --table "0 8192 linear /dev/ram3 0" 2>/dev/null
  dmsetup create t --table "0 65536 thin $args"
  echo rc=$?
  dmesg -c | sed 's/^\[[^]]*\] //'
done
echo "== opened twice"
dmsetup create t --table "0 65536 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup create t2 --table "0 65536 thin /dev/mapper/pool 0"; echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== two segments of one thin device"
dmsetup create t3 --table "0 8192 thin /dev/mapper/pool 0
8192 8192 thin /dev/mapper/pool 0"; echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
dmsetup remove t
echo "== pool suspended"
dmsetup suspend pool
dmsetup create t --table "0 65536 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup resume pool
dmesg -c | sed 's/^\[[^]]*\] //'
echo "== remove the pool while a thin device uses it"
dmsetup create t --table "0 65536 thin /dev/mapper/pool 0"; echo rc=$?
dmsetup remove pool; echo rc=$?
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup status t
dmsetup remove t
dmsetup message pool 0 delete 0; echo rc=$?
dmsetup create t --table "0 65536 thin /dev/mapper/pool 0"; echo rc=$?
dmesg -c | sed 's/^\[[^]]*\] //'
