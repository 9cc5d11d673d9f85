# the kernel the golden files were recorded on (uname), and dmsetup's versions
uname -r
uname -s
uname -m
uname -v
dmsetup version
uname; echo rc=$?
uname -n
uname -o
uname -a
uname -rs
uname -x; echo rc=$?
uname foo; echo rc=$?
