# hexdump -C on device regions: '*' collapses repeated lines, -s/-n select a window, -v shows all
modprobe brd rd_nr=1 rd_size=4096
printf 'Hello, device-mapper!\n' | dd of=/dev/ram0 bs=512 seek=1 conv=notrunc status=none
printf '\001\002\003\377' | dd of=/dev/ram0 bs=1 seek=1100 conv=notrunc status=none
dd if=/dev/ram0 bs=512 count=4 status=none | hexdump -C
hexdump -C -s 512 -n 48 /dev/ram0
hexdump -C -s 1090 -n 20 /dev/ram0
dd if=/dev/ram0 bs=64 count=1 status=none | hexdump -C -v
printf 'abc' | hexdump -C
printf '0123456789abcdefXYZ' | hexdump -C
printf '0123456789abcdef0123' | hexdump -C
printf '' | hexdump -C
echo empty rc=$?
tr '\000' 'A' < /dev/zero | head -c 100 | hexdump -C
printf 'abcd' | hexdump
printf 'ab' | hexdump -c
hexdump -C /dev/ram0 | tail -n 3
