# name mangling (auto, none, hex), the mangle command, --readahead and read-ahead after table swaps
modprobe brd rd_nr=1 rd_size=1024
dmsetup create 'a b' --table "0 8 zero"
dmsetup create --manglename none 'c d' --table "0 8 zero"; echo rc=$?
dmsetup create --manglename hex 'e\x20f' --table "0 8 zero"; echo rc=$?
dmsetup create 'g\x20h' --table "0 8 zero"; echo rc=$?
dmsetup create 'i j\x20k' --table "0 8 zero"; echo rc=$?
ls /dev/mapper
dmsetup ls
dmsetup ls --manglename none
dmsetup table
dmsetup info -c -o name,mangled_name,unmangled_name
dmsetup info -c --manglename none -o name,mangled_name,unmangled_name
dmsetup info -c --manglename hex -o name,mangled_name,unmangled_name; echo rc=$?
dmsetup mangle; echo rc=$?
ls /dev/mapper
dmsetup ls
dmsetup mangle 'a b'; echo rc=$?
dmsetup rename 'a b' 'x y'; echo rc=$?
dmsetup rename 'x y' 'p/q'; echo rc=$?
dmsetup rename 'x y' ''; echo rc=$?
dmsetup info 'x y' | head -1
dmsetup --manglename foo ls; echo rc=$?
dmsetup create r1 --readahead 1024 --table "0 8 zero"; blockdev --getra /dev/mapper/r1
dmsetup create r2 --readahead 1001 --table "0 8 zero"; blockdev --getra /dev/mapper/r2
dmsetup create r3 --readahead +100 --table "0 8 zero"; blockdev --getra /dev/mapper/r3
dmsetup create r4 --readahead +1000 --table "0 8 zero"; blockdev --getra /dev/mapper/r4
dmsetup create r5 --readahead none --table "0 8 zero"; blockdev --getra /dev/mapper/r5
dmsetup create r6 --readahead auto --table "0 8 zero"; blockdev --getra /dev/mapper/r6
dmsetup create r7 --readahead -5 --table "0 8 zero"; echo rc=$?
dmsetup create r8 --readahead abc --table "0 8 zero"; echo rc=$?; blockdev --getra /dev/mapper/r8
dmsetup suspend r1; dmsetup resume --readahead 2048 r1; blockdev --getra /dev/mapper/r1
dmsetup info -c -o name,read_ahead r1
blockdev --setra 1001 /dev/mapper/r1; blockdev --getra /dev/mapper/r1
dmsetup load r1 --table "0 16 zero"; dmsetup resume r1; blockdev --getra /dev/mapper/r1
dmsetup create s --table "0 64 striped 2 16 /dev/ram0 0 /dev/ram0 64"; blockdev --getra /dev/mapper/s
blockdev --getra /dev/ram0
dmsetup create n --notable --readahead 1024; echo rc=$?
dmsetup load n --table "0 8 zero"; dmsetup resume n --readahead 512; blockdev --getra /dev/mapper/n
