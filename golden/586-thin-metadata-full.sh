# a pool's metadata device fills up: metadata low water events, "No free metadata blocks", read-only; then the metadata device grows
dmesg -n 1
modprobe brd rd_nr=2 rd_size=65536
dmsetup create meta --table "0 2048 linear /dev/ram0 0"
dmsetup create pool --table "0 131072 thin-pool /dev/mapper/meta /dev/ram1 128 0"
dmsetup status pool
i=0
while [ $i -lt 300 ]; do
  dmsetup message pool 0 create_thin $i 2>/dev/null || break
  i=$((i+1))
done
echo created=$i
dmsetup status pool
dmsetup info pool | grep Event
dmsetup create thin0 --table "0 8192 thin /dev/mapper/pool 0"
dd if=/dev/zero of=/dev/mapper/thin0 bs=64k count=1 oflag=direct; echo rc=$?
dmsetup message pool 0 delete 5; echo rc=$?
dmsetup status
dmsetup remove thin0
dmsetup suspend pool
dmsetup load meta --table "0 8192 linear /dev/ram0 0"
dmsetup resume meta
dmsetup reload pool --table "0 131072 thin-pool /dev/mapper/meta /dev/ram1 128 0"
dmsetup resume pool; echo rc=$?
dmsetup status pool
dmsetup message pool 0 create_thin 299; echo rc=$?
dmsetup status pool
dmsetup remove pool
thin_check /dev/mapper/meta 2>&1 | head -5; echo rc=$?
dmesg | sed 's/^\[[^]]*\] //' | grep -v "discard unsupported"
