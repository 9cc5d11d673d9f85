# dmsetup ls: plain, --tree, --target
modprobe brd rd_nr=2 rd_size=4096
dmsetup create zeta --table "0 4096 linear /dev/ram0 0"
dmsetup create alpha --table "0 4096 zero"
dmsetup create mid --table "0 4096 striped 2 8 /dev/ram1 0 /dev/mapper/zeta 0"
dmsetup create top --table "0 1024 linear /dev/mapper/mid 0"
dmsetup ls
dmsetup ls --tree
dmsetup ls --target linear
dmsetup ls --target zero
dmsetup ls --target striped
dmsetup ls --target nosuch
echo rc=$?
dmsetup ls -o blkdevname
echo rc=$?
dmsetup ls --tree -o ascii
echo rc=$?
