# prove the striped mapping: chunk 8 sectors, 2 stripes; chunk n goes to disk n%2 at chunk n/2
modprobe brd rd_nr=2 rd_size=4096
echo "0 16384 striped 2 8 /dev/ram0 0 /dev/ram1 0" | dmsetup create s
for c in 0 1 2 3 4 5; do
  printf 'chunk%s' $c | dd of=/dev/mapper/s bs=4096 seek=$c conv=notrunc status=none
done
sync
for d in 0 1; do
  for k in 0 1 2; do
    printf 'ram%s chunk %s: ' $d $k
    dd if=/dev/ram$d bs=4096 skip=$k count=1 status=none | head -c 6; echo
  done
done
printf 'mid' | dd of=/dev/mapper/s bs=512 seek=13 conv=notrunc status=none
sync
dd if=/dev/ram1 bs=512 skip=5 count=1 status=none | head -c 3; echo
dd if=/dev/mapper/s bs=4096 count=6 status=none | md5sum
dmsetup remove s
echo "0 6144 striped 3 16 /dev/ram0 0 /dev/ram1 0 /dev/ram0 4096" | dmsetup create s3
for c in 0 1 2 3; do
  printf 'S%s' $c | dd of=/dev/mapper/s3 bs=8192 seek=$c conv=notrunc status=none
done
sync
dd if=/dev/ram0 bs=512 skip=0 count=1 status=none | head -c 2; echo
dd if=/dev/ram1 bs=512 skip=0 count=1 status=none | head -c 2; echo
dd if=/dev/ram0 bs=512 skip=4096 count=1 status=none | head -c 2; echo
dd if=/dev/ram0 bs=512 skip=16 count=1 status=none | head -c 2; echo
dmsetup status s3
