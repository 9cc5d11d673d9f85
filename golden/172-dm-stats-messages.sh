# dm-stats: regions, areas, counters after direct I/O, list filters, errors
dmesg -n 1
modprobe brd rd_nr=1 rd_size=1024
dmsetup create a --table "0 1000 linear /dev/ram0 0"
dmsetup message a 0 @stats_create - /4; echo rc=$?
dmsetup message a 0 @stats_create 100+50 10 1 precise_timestamps prog aux1; echo rc=$?
dmsetup message a 0 @stats_create 0+8 8 1 histogram:10,20 h; echo rc=$?
dmsetup message a 0 @stats_list; echo rc=$?
dmsetup message a 0 @stats_list prog; echo rc=$?
dd if=/dev/zero of=/dev/mapper/a bs=4096 count=2 oflag=direct 2>/dev/null
dd if=/dev/mapper/a of=/dev/null bs=512 count=3 skip=100 iflag=direct 2>/dev/null
dd if=/dev/mapper/a of=/dev/null bs=512 count=1 skip=103 iflag=direct 2>/dev/null
dmsetup message a 0 @stats_print 0 | cut -d' ' -f1-4,6-8,10
dmsetup message a 0 @stats_print 1 0 2 | cut -d' ' -f1-4,6-8,10
dmsetup message a 0 @stats_print_clear 0 1 1 | cut -d' ' -f1-4,6-8,10
dmsetup message a 0 @stats_print 0 1 1 | cut -d' ' -f1-4,6-8,10
dmsetup message a 0 @stats_set_aux 1 newaux; echo rc=$?
dmsetup message a 0 @stats_delete 0; echo rc=$?
dmsetup message a 0 @stats_list
dmsetup message a 0 @stats_delete 0; echo rc=$?
dmsetup message a 0 @stats_create 5+0 1; echo rc=$?
dmsetup message a 0 @stats_create - 0; echo rc=$?
dmsetup message a 0 @stats_create - 1 1 bogus; echo rc=$?
dmsetup message a 0 @stats_create - 1 1 histogram:5,5; echo rc=$?
dmsetup message a 0 @stats_print; echo rc=$?
dmsetup message a 0 @stats_create - /2 x y z; echo rc=$?
dmsetup message a 0 @bogus; echo rc=$?
dmsetup message a 0 @cancel_deferred_remove x; echo rc=$?
dmsetup message a 0 @stats_create - /2; echo rc=$?
dmsetup message a 0 @stats_list
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
