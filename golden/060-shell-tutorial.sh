# tutorial-style shell: command substitution, loops, arithmetic
modprobe brd rd_nr=4 rd_size=4096
echo "0 $(blockdev --getsz /dev/ram0) linear /dev/ram0 0" | dmsetup create whole
dmsetup table whole
SIZE=$(blockdev --getsz /dev/ram1)
HALF=$((SIZE / 2))
echo "size=$SIZE half=$HALF"
echo "0 $HALF linear /dev/ram1 0" | dmsetup create first
echo "0 $HALF linear /dev/ram1 $HALF" | dmsetup create second
for i in 2 3; do
  dmsetup create disk$i --table "0 $(blockdev --getsz /dev/ram$i) linear /dev/ram$i 0"
done
dmsetup ls
dmsetup ls | while read -r dev num; do
  echo "$dev $num has $(blockdev --getsz /dev/mapper/$dev) sectors"
done
n=0
for dev in whole first second disk2 disk3; do
  n=$((n + $(blockdev --getsz /dev/mapper/$dev)))
done
echo "total $n sectors in $(dmsetup ls | wc -l) devices"
i=0
while [ $i -lt 3 ]; do
  printf 'block%d' $i | dd of=/dev/mapper/whole bs=512 seek=$((i * 8)) conv=notrunc status=none
  i=$((i + 1))
done
i=0
while [ $i -lt 3 ]; do
  dd if=/dev/mapper/whole bs=512 skip=$((i * 8)) count=1 status=none | head -c 6
  echo
  i=$((i + 1))
done
if dmsetup info whole >/dev/null 2>&1; then echo whole exists; fi
if ! dmsetup info nosuch >/dev/null 2>&1; then echo nosuch missing; fi
dmsetup remove_all
dmsetup ls
