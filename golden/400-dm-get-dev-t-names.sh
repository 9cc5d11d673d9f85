# dm_get_device: names that are neither paths nor major:minor go through name_to_dev_t (hex dev_t, /dev/ram, maj:min:off)
modprobe brd rd_nr=2 rd_size=1024
for d in 99999999999 abc x -1 0x10 100 101 /dev/nope /dev/ram 1:0:5 1:0x "''" 8193 7; do
  dmsetup create t --table "0 8 linear $d 0"; echo "$d rc=$?"; dmsetup table t; dmsetup remove t 2>/dev/null
done
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
