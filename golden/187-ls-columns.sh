# busybox ls lays its columns out by COLUMNS when it is set (the console's width)
mkdir -p /tmp/cols && cd /tmp/cols
touch aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff
ls
COLUMNS=36 ls
COLUMNS=37 ls
COLUMNS=25 ls
COLUMNS=24 ls
COLUMNS=1 ls
COLUMNS=0 ls
COLUMNS=x ls
COLUMNS=200 ls
COLUMNS=30000 ls
export COLUMNS=40
ls
ls -1 | head -2
