# prove the linear mapping: write through dm, read the RAM disk at the mapped offset
modprobe brd rd_nr=2 rd_size=4096
dmsetup create l <<EOT
0 2048 linear /dev/ram0 4096
2048 2048 linear /dev/ram1 100
EOT
tr '\000' '\101' < /dev/zero | head -c 512 | dd of=/dev/mapper/l bs=512 seek=0 conv=notrunc status=none
tr '\000' '\102' < /dev/zero | head -c 512 | dd of=/dev/mapper/l bs=512 seek=2047 conv=notrunc status=none
tr '\000' '\103' < /dev/zero | head -c 1024 | dd of=/dev/mapper/l bs=512 seek=2048 conv=notrunc status=none
sync
echo "ram0 sector 4096:"
dd if=/dev/ram0 bs=512 skip=4096 count=1 status=none | hexdump -C
echo "ram0 sector 6143:"
dd if=/dev/ram0 bs=512 skip=6143 count=1 status=none | hexdump -C
echo "ram1 sectors 100-101:"
dd if=/dev/ram1 bs=512 skip=100 count=2 status=none | hexdump -C
echo "ram1 sector 99 (untouched):"
dd if=/dev/ram1 bs=512 skip=99 count=1 status=none | hexdump -C
dd if=/dev/mapper/l bs=512 skip=2047 count=3 status=none | md5sum
dd if=/dev/ram0 bs=512 skip=6143 count=1 status=none > /tmp/x
dd if=/dev/ram1 bs=512 skip=100 count=2 status=none >> /tmp/x
md5sum < /tmp/x
