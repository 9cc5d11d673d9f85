# statistics report fields in info -c: no row without regions of program dmstats; with some dmsetup 1.02.185 crashes
modprobe brd rd_nr=1 rd_size=1024
dmsetup create s --table "0 2048 linear /dev/ram0 0"
dmsetup create t --table "0 8 zero"
dmsetup info -c -o name,read_count,write_count,region_id t
echo rc=$?
dmsetup info -c -o stats_all
echo rc=$?
dmsetup info -c -o region_all,name --noheadings
echo rc=$?
dmsetup message s 0 @stats_create 0+1024 /2 myprog myaux
dmsetup info -c -o name,read_count,hist_count,area_id s
echo rc=$?
dmsetup info -c -o name,nosuch_count s 2>&1 | tail -1
dmsetup message s 0 @stats_create - /1 dmstats
dd if=/dev/zero of=/dev/mapper/s bs=4096 count=3 oflag=direct 2>/dev/null
dmsetup info -c -o name,read_count,reads_merged_count,read_sector_count,write_count t s
echo rc=$?
dmsetup info -c -o name,read_time,write_time,io_ticks s | sed 's/[0-9]/N/g'
dmsetup info -c -o name,vg_name,util
echo rc=$?
dmsetup message s 0 @stats_delete 1
dmsetup info -c -o name,read_count,program_id
echo rc=$?
