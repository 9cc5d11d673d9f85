# table and status restricted with --target
modprobe brd rd_nr=2 rd_size=4096
dmsetup create a --table "0 1024 linear /dev/ram0 0
1024 1024 zero
2048 2048 striped 2 16 /dev/ram0 1024 /dev/ram1 0"
dmsetup create b --table "0 512 zero"
dmsetup table
dmsetup status
dmsetup table --target zero
dmsetup status --target striped
dmsetup table --target linear a
dmsetup table --target error
echo rc=$?
dmsetup status --target zero b
