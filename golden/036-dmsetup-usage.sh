# dmsetup with no arguments, an unknown command, an unknown option, help
dmsetup
echo rc=$?
dmsetup bogus
echo rc=$?
dmsetup --bogus
echo rc=$?
dmsetup help
echo rc=$?
dmsetup create
echo rc=$?
dmsetup remove
echo rc=$?
