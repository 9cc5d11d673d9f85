# dd: bs, count, seek, skip, conv=notrunc, status=none/noxfer; record counts go to stderr
modprobe brd rd_nr=1 rd_size=4096
printf 'AAAAAAAA' | dd of=/dev/ram0 bs=8 count=1
echo rc=$?
printf 'BBBBBBBB' | dd of=/dev/ram0 bs=8 seek=2 conv=notrunc
echo rc=$?
printf 'CCCCCCCC' | dd of=/dev/ram0 bs=512 seek=1 status=none
echo rc=$?
printf 'DDDD' | dd of=/dev/ram0 bs=1 seek=1000 status=noxfer
echo rc=$?
dd if=/dev/ram0 bs=8 count=4 2>/dev/null | hexdump -C
dd if=/dev/ram0 bs=8 count=1 skip=2 status=none; echo
dd if=/dev/ram0 bs=512 skip=1 count=1 status=none | head -c 8; echo
dd if=/dev/ram0 bs=1000 skip=1 count=1 2>/dev/null | head -c 4; echo
dd if=/dev/ram0 of=/dev/null bs=4096
echo rc=$?
dd if=/dev/ram0 of=/dev/null bs=1M
echo rc=$?
dd if=/dev/ram0 of=/dev/null bs=3000 count=2
echo rc=$?
dd if=/dev/ram0 of=/dev/null bs=4k count=0
echo rc=$?
dd if=/dev/ram0 of=/dev/null
echo rc=$?
