# linear at several offsets into one disk; each device sees its own window
modprobe brd rd_nr=1 rd_size=4096
for i in 0 1 2 3; do
  printf 'slot%s' $i | dd of=/dev/ram0 bs=512 seek=$((i * 2048)) conv=notrunc 2>/dev/null
done
for i in 0 1 2 3; do
  echo "0 2048 linear /dev/ram0 $((i * 2048))" | dmsetup create part$i
done
dmsetup table
for i in 0 1 2 3; do
  head -c 5 /dev/mapper/part$i; echo
done
echo "0 100 linear /dev/ram0 7" | dmsetup create odd
dmsetup table odd
blockdev --getsz /dev/mapper/odd
dmsetup ls
