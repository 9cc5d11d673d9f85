# kill of a background job waiting on I/O to a suspended device: the process is in
# uninterruptible sleep (D state), so it goes on running until the device is resumed and its
# I/O completes, then the first fatal signal sent kills it (a later SIGKILL does not change how
# it died). A job in sleep dies at once.
modprobe brd rd_nr=1 rd_size=1024
dmsetup create x --table "0 2048 linear /dev/ram0 0"
dmsetup suspend x
dd if=/dev/mapper/x of=/dev/null bs=512 count=1 2>/dev/null &
sleep 0.5
jobs
kill %1
sleep 0.5
jobs
echo ---
dd if=/dev/zero of=/dev/mapper/x bs=512 count=1 oflag=direct 2>/dev/null &
sleep 0.5
kill %2
sleep 0.5
jobs
kill -9 %2
sleep 0.5
jobs
echo ---
sleep 5 &
sleep 0.5
jobs
kill %3
sleep 0.5
jobs
dmsetup resume x
sleep 0.5
jobs
wait
echo "rc=$?"
wait %1
echo "rc=$?"
