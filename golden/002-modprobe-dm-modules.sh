# modprobe of dm modules (already loaded or built into dm-mod) and of a missing module
modprobe dm-mod
echo dm-mod rc=$?
modprobe dm-linear
echo dm-linear rc=$?
modprobe dm-striped
echo dm-striped rc=$?
modprobe dm-zero
echo dm-zero rc=$?
modprobe dm-flakey
echo dm-flakey rc=$?
modprobe no-such-module
echo no-such-module rc=$?
modprobe dm-nonexistent 2>/dev/null
echo silent rc=$?
dmesg | sed 's/^\[[^]]*\] //'
echo dmesg done
