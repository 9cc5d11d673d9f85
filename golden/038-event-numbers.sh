# which operations bump the event number: rename does, load/resume/suspend do not
modprobe brd rd_nr=1 rd_size=4096
ev() { dmsetup info "$1" | grep Event; }
dmsetup create e --table "0 1024 linear /dev/ram0 0"
ev e
echo "0 2048 linear /dev/ram0 0" | dmsetup load e
ev e
dmsetup resume e
ev e
dmsetup suspend e
dmsetup resume e
ev e
dmsetup rename e f
ev f
dmsetup rename f e
ev e
dmsetup create n --notable
dmsetup rename n m
dmsetup info m 2>/dev/null | grep Event
dmsetup info -c -o name,events
