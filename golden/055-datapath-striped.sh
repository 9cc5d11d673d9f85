# prove the striped mapping: chunk 8 sectors, 2 stripes; chunk n goes to disk n%2 at chunk n/2
# (lower devices are read after blockdev --flushbufs: a disk held open by a table keeps its page cache)
modprobe brd rd_nr=2 rd_size=4096
peek() {
  blockdev --flushbufs $1
  dd if=$1 bs=512 skip=$2 count=1 status=none | head -c $3
  echo
}
echo "0 16384 striped 2 8 /dev/ram0 0 /dev/ram1 0" | dmsetup create s
for c in 0 1 2 3 4 5; do
  printf 'chunk%s' $c | dd of=/dev/mapper/s bs=4096 seek=$c conv=notrunc status=none
done
for d in 0 1; do
  for k in 0 1 2; do
    printf 'ram%s chunk %s: ' $d $k
    peek /dev/ram$d $((k * 8)) 6
  done
done
printf 'mid' | dd of=/dev/mapper/s bs=512 seek=13 conv=notrunc status=none
peek /dev/ram1 5 3
dd if=/dev/mapper/s bs=4096 count=6 status=none | md5sum
dmsetup remove s
echo "0 6144 striped 3 16 /dev/ram0 0 /dev/ram1 0 /dev/ram0 4096" | dmsetup create s3
for c in 0 1 2 3; do
  printf 'S%s' $c | dd of=/dev/mapper/s3 bs=8192 seek=$c conv=notrunc status=none
done
peek /dev/ram0 0 2
peek /dev/ram1 0 2
peek /dev/ram0 4096 2
peek /dev/ram0 16 2
dmsetup status s3
