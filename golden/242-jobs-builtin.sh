# ash's jobs builtin in a script (no job control): no command text, the state padded to column
# 33, + for the current job and - for the previous; an ended job is shown once and freed; wait
# marks jobs waited for, and the next fork (an external command, a pipeline, a subshell, a
# substitution) or job frees the lowest one; builtins do not fork.
pid() { sed 's/[0-9][0-9]*/PID/g'; }
sleep 1 &
jobs
echo "rc=$?"
jobs | cat -A
sleep 2 &
jobs
jobs -p | pid
jobs -l | pid
jobs %1
jobs %-
wait
echo waited
jobs
echo again
jobs
false &
(exit 3) &
sleep 0.1
jobs
true &
wait $!
jobs
sleep 0.1 & wait; cat /dev/null; echo a; jobs
sleep 0.1 & wait; true; echo b; jobs
sleep 0.1 & wait; x=$(echo); echo c; jobs
sleep 0.1 & wait; (:); echo d; jobs
sleep 0.1 & wait; echo hi | cat; echo e; jobs
sleep 0.1 & sleep 0.1 & wait; cat /dev/null; echo f; jobs
sleep 0.1 & wait; printf ''; [ 1 ]; test 1; echo g; jobs
sleep 0.1 & sleep 2 & sleep 0.1 & sleep 0.5; jobs; sleep 0.1 & jobs; wait
sleep 1 | sleep 1 & jobs; jobs -l | pid; jobs -p | pid
wait
jobs
sleep 0.1 & x=$(jobs); echo "[$x]"; wait
echo "[$(jobs)]"
sleep 1 & (jobs); { jobs; } | cat; jobs | cat
wait
jobs -x
echo "rc=$?"
jobs %3
echo "rc=$?"
jobs %abc
echo "rc=$?"
