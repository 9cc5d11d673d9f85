# lsmod lists modules most recently loaded first: loop over brd
modprobe brd rd_nr=1
modprobe loop
lsmod | head -3
rmmod loop
modprobe loop
lsmod | head -3
