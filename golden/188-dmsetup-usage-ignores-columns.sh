# dmsetup prints its usage as it is, whatever the terminal's width: the console wraps it
COLUMNS=40 dmsetup
echo rc=$?
COLUMNS=40 dmsetup help 2>&1 | head -4
