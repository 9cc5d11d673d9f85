# snapshot, snapshot-origin and snapshot-merge constructor errors, as 6.1 logs them
dmesg -n 1
modprobe brd rd_nr=3 rd_size=4096
t() { dmsetup create x --table "$1"; echo rc=$?; dmsetup remove x 2>/dev/null; }
t "0 8192 snapshot /dev/ram0 /dev/ram1 P"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8 1"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8 3 a b c"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8 1 bogus"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8 1 discard_passdown_origin"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8 x"
t "0 8192 snapshot /dev/nosuch /dev/ram1 P 8"
t "0 8192 snapshot /dev/ram0 /dev/ram0 P 8"
t "0 8192 snapshot /dev/ram0 1:0 P 8"
t "0 8192 snapshot /dev/ram0 /dev/nosuch P 8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 X 8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 PX 8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 7"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P x8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P -8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 4294967296"
t "0 8192 snapshot /dev/ram0 /dev/ram1 P 8388608"
t "0 8192 snapshot /dev/ram0 /dev/ram1 N 0"
t "0 8192 snapshot-merge /dev/ram0 /dev/ram1 N 8"
t "0 8192 snapshot-origin"
t "0 8192 snapshot-origin /dev/ram0 /dev/ram1"
t "0 8192 snapshot-origin /dev/nosuch"
t "0 8192 snapshot-merge /dev/ram0 /dev/ram1"
t "0 16384 snapshot /dev/ram0 /dev/ram1 N 8"
t "0 8192 snapshot /dev/ram0 /dev/ram1 n 8"
dmsetup table x; dmsetup ls
printf 'JUNK' | dd of=/dev/ram2 bs=512 conv=notrunc oflag=direct 2>/dev/null
t "0 8192 snapshot /dev/ram0 /dev/ram2 P 8"
dmesg | sed 's/^\[[^]]*\] //'
