# kill of background jobs in a script (ash killcmd + busybox's kill applet), wait's statuses
# (128 + signal; the signal's text on stderr when wait sees the job die, not for SIGPIPE),
# kill -l, errors; fg and bg refuse every job without job control.
sleep 5 &
kill %1
echo "kill rc=$?"
wait %1
echo "wait rc=$?"
jobs
echo ---
sleep 5 &
kill $!
sleep 0.1
jobs
wait $!
echo "wait rc=$?"
echo ---
sleep 5 &
kill -9 %1
wait
echo "wait rc=$?"
jobs
echo ---
sleep 5 &
sleep 0.1
kill -INT %1
kill -s QUIT %1
kill -CONT %1
kill -0 %1
echo "rc=$?"
sleep 0.1
jobs
kill -HUP %%
sleep 0.1
jobs %1
echo ---
sleep 5 &
kill -USR1 $!
wait $!
echo "rc=$?"
sleep 5 &
kill -PIPE %1
wait %1
echo "rc=$?"
sleep 5 &
kill -TERM %1 %1
echo "rc=$?"
sleep 0.1
kill %1
echo "rc=$?"
jobs
kill %1
echo "rc=$?"
echo ---
sleep 5 &
sleep 5 &
kill %1 %2
wait
echo "rc=$?"
jobs
while :; do sleep 0.1; done &
sleep 0.3
kill %1
wait
jobs
echo ---
fg
echo "fg rc=$?"
sleep 1 &
fg
echo "fg rc=$?"
fg %1
echo "fg rc=$?"
bg %1
echo "bg rc=$?"
bg %2
echo "bg rc=$?"
kill %3
echo "kill3 rc=$?"
wait %5
echo "wait5 rc=$?"
wait abc
echo "rc=$?"
wait 12345
echo "rc=$?"
kill 99999
echo "rc=$?"
kill -0 1
echo "rc=$?"
kill
echo "rc=$?"
kill -FOO 1
echo "rc=$?"
kill abc
echo "rc=$?"
kill -s
echo "rc=$?"
kill -l
kill -l 143 9 TERM sigkill 0
kill -l foo
echo "rc=$?"
wait
# wait -n in busybox 1.35: 127 with no job at all, else it waits for every job (status 0)
(exit 3) &
sleep 0.1
wait -n
echo a rc=$?
jobs
sleep 0.3 &
(sleep 0.1; exit 4) &
wait -n
echo b rc=$?
jobs
wait -n
echo c rc=$?
jobs
wait -n
echo d rc=$?
wait -x
echo e rc=$?
