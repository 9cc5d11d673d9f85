# busybox's time is an applet that execs its command: a shell builtin that is not also an
# applet, a function, an assignment word or a missing command cannot be executed (status 127),
# and the shell is left alone. A status other than 0 is reported before the times; the
# command's redirections are time's own (its report follows them).
t() { sed 's/[0-9]\.[0-9][0-9]s$/N.NNs/'; }
{ time wait; } 2>&1 | t
time wait 2>/dev/null
echo "rc=$?"
{ time cd /; } 2>&1 | t
time cd / 2>/dev/null
echo "rc=$?"
pwd
{ time jobs; } 2>&1 | t
f() { echo in f; }
{ time f; } 2>&1 | t
x=1
{ time x=2; } 2>&1 | t
echo "x=$x"
{ time nosuch arg; } 2>&1 | t
{ time; } 2>&1 | t
time 2>/dev/null
echo "rc=$?"
{ time -p echo hi; } 2>&1 | sed 's/ [0-9]\.[0-9][0-9]$/ N.NN/'
time -p echo hi 2>/dev/null
echo "rc=$?"
{ time ls /nonexist; } 2>&1 | t
time ls /nonexist 2>/dev/null
echo "rc=$?"
{ time [ 1 = 2 ]; } 2>&1 | t
time [ 1 = 2 ] 2>/dev/null
echo "rc=$?"
{ time ! true; } 2>&1 | t
