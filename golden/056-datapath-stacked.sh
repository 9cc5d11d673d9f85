# a write through three stacked devices lands where the composed mapping says
modprobe brd rd_nr=2 rd_size=4096
echo "0 16384 striped 2 8 /dev/ram0 0 /dev/ram1 0" | dmsetup create bottom
echo "0 8192 linear /dev/mapper/bottom 8" | dmsetup create middle
echo "0 4096 linear /dev/mapper/middle 16" | dmsetup create top
# top 0 -> middle 16 -> bottom 24 -> chunk 3 -> ram1 chunk 1 -> ram1 sector 8
printf 'landed' | dd of=/dev/mapper/top bs=512 conv=notrunc status=none
# top 8 -> middle 24 -> bottom 32 -> chunk 4 -> ram0 chunk 2 -> ram0 sector 16
printf 'second' | dd of=/dev/mapper/top bs=512 seek=8 conv=notrunc status=none
sync
dd if=/dev/ram1 bs=512 skip=8 count=1 status=none | hexdump -C
dd if=/dev/ram0 bs=512 skip=16 count=1 status=none | hexdump -C
dd if=/dev/mapper/bottom bs=512 skip=24 count=1 status=none | head -c 6; echo
dd if=/dev/mapper/middle bs=512 skip=24 count=1 status=none | head -c 6; echo
dmsetup ls --tree
