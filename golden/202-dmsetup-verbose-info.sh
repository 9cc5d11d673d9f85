# dmsetup -v on each command (info after create, load, suspend, resume, clear, table, status, deps)
dmsetup -v create a --table "0 8 zero"; echo rc=$?
dmsetup -v create n --notable; echo rc=$?
dmsetup -v load n --table "0 8 zero"; echo rc=$?
dmsetup -v suspend a; echo rc=$?
dmsetup -v resume a; echo rc=$?
dmsetup -v resume n; echo rc=$?
dmsetup -v table; echo rc=$?
dmsetup -v table a; echo rc=$?
dmsetup -v status a n; echo rc=$?
dmsetup -v table --concise; echo rc=$?
dmsetup -v clear a; echo rc=$?
dmsetup -v deps a; echo rc=$?
dmsetup -v ls; echo rc=$?
dmsetup -v info a; echo rc=$?
dmsetup -v remove a; echo rc=$?
dmsetup -v rename n m; echo rc=$?
dmsetup -v message m 0 foo; echo rc=$?
