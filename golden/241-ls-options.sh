# busybox ls options on /dev, /sys and files: -s (allocated KiB, `total` per directory), -1, -a,
# -A, -d, -p, -n, -L, -R, -r, -S, -X, -v, -x, -C, -w; numeric ids (no /etc/passwd); device
# nodes' modes and numbers as devtmpfs and dmsetup make them. stdout is a terminal (columns).
modprobe brd rd_nr=2 rd_size=1024
dmsetup create lin --table "0 2048 linear /dev/ram0 0"
d() { sed 's/ [A-Z][a-z][a-z] [ 0-9][0-9] [0-9][0-9]:[0-9][0-9] / DATE /'; }
ls -s /dev/ram0
ls -ls /dev/mapper | d
ls -1 /sys/block
ls -d /sys/block
ls -a /dev/mapper
ls -A /dev/mapper
ls -n /dev/ram1 | d
ls -l /dev/ram1 /dev/mapper/lin /dev/mapper/control /dev/null /dev/zero /dev/dm-0 | d
ls -s /sys/block/dm-0/size
ls -sh /dev/ram0
ls -1s /dev/mapper
ls -lL /dev/mapper/lin | d
ls -R /sys/block/dm-0/holders
ls -r /dev/mapper
ls -C /sys/block/dm-0/dm
ls -x /sys/block/dm-0/dm
ls -1 /sys/block/dm-0/dm
ls -w 40 /sys/block/dm-0/dm
ls -dp /sys/block/dm-0/dm /sys/block/dm-0/size
ls -ld /sys/block/dm-0/dm /sys/block/dm-0/size | d
ls -S /dev/ram0 /dev/ram1
ls -e /dev/ram0
echo "rc=$?"
ls -s /tmp
mkdir /tmp/w
cd /tmp/w
dd if=/dev/zero of=f.img bs=1024 count=5 2>/dev/null
dd if=/dev/zero of=a10 bs=100 count=1 2>/dev/null
dd if=/dev/zero of=a2 bs=9000 count=1 2>/dev/null
dd if=/dev/zero of=b.txt bs=1 count=1 2>/dev/null
mkdir sub
ls -s f.img
ls -ls | d
ls -lh | d
ls -S
ls -Sr
ls -X
ls -v
ls -p
ls -sx
ls -R
ls -1 -C
ls -C -1
ls -l nosuch a2 | d
echo "rc=$?"
