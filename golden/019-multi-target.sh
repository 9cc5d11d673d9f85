# a table of several targets of different types
modprobe brd rd_nr=2 rd_size=4096
dmsetup create multi <<EOT
0 1024 linear /dev/ram0 0
1024 2048 zero
3072 1024 error
4096 2048 linear /dev/ram1 512
6144 2048 striped 2 8 /dev/ram0 2048 /dev/ram1 4096
EOT
echo rc=$?
dmsetup table multi
dmsetup status multi
dmsetup info multi
blockdev --getsz /dev/mapper/multi
dmsetup deps multi
