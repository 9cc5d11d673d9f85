# thin-pool messages: create_thin, create_snap, delete, set_transaction_id, metadata snapshots, and their errors
dmesg -n 1
modprobe brd rd_nr=2 rd_size=16384
dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 16"
m() { echo "> $*"; dmsetup message pool 0 "$@"; echo rc=$?; dmesg -c | sed 's/^\[[^]]*\] //' | grep -v 'brd:\|discard'; }
m create_thin 0
m create_thin 0
m create_thin
m create_thin 1 2
m create_thin x
m create_thin 16777215
m create_thin 16777216
m CREATE_THIN 7
m create_snap 1 0
m create_snap 2 99
m create_snap 2
m create_snap x 0
m create_snap 3 y
m create_snap 1 0
m delete 7
m delete 7
m delete
m delete abc
m set_transaction_id 0 5
m set_transaction_id 0 6
m set_transaction_id 5
m set_transaction_id x 6
m set_transaction_id 5 y
m set_transaction_id 5 18446744073709551615
dmsetup status pool
m reserve_metadata_snap
dmsetup status pool
m reserve_metadata_snap
m reserve_metadata_snap now
m release_metadata_snap
m release_metadata_snap
m release_metadata_snap x
m frobnicate
m
dmsetup status pool
dmsetup remove pool
