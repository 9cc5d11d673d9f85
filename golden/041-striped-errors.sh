# striped constructor errors: chunk sizes, stripe counts, lengths
modprobe brd rd_nr=3 rd_size=4096
try() {
  echo "== $1"
  echo "$1" | dmsetup create t
  echo rc=$?
  dmsetup table t 2>/dev/null && dmsetup remove t
}
try "0 1024 striped 2 12 /dev/ram0 0 /dev/ram1 0"
try "0 1536 striped 2 12 /dev/ram0 0 /dev/ram1 0"
try "0 1024 striped 2 0 /dev/ram0 0 /dev/ram1 0"
try "0 1024 striped 2 1 /dev/ram0 0 /dev/ram1 0"
try "0 1024 striped 2 4 /dev/ram0 0 /dev/ram1 0"
try "0 1024 striped 2 x /dev/ram0 0 /dev/ram1 0"
try "0 1000 striped 2 8 /dev/ram0 0 /dev/ram1 0"
try "0 1001 striped 2 8 /dev/ram0 0 /dev/ram1 0"
try "0 1032 striped 3 8 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0"
try "0 1024 striped 3 8 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0"
try "0 1024 striped 0 8"
try "0 1024 striped x 8 /dev/ram0 0"
try "0 1024 striped 2 8 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0"
try "0 1024 striped 2 8 /dev/ram0 0 /dev/nosuch 0"
try "0 1024 striped 2 8 /dev/ram0 0 /dev/ram1 x"
try "0 16384 striped 2 8 /dev/ram0 0 /dev/ram1 8"
echo == dmesg
dmesg | sed 's/^\[[^]]*\] //'
