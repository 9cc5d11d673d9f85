# dd into a regular file: truncation versus conv=notrunc
printf '0123456789' > /tmp/f
printf 'ab' | dd of=/tmp/f bs=1 seek=2 status=none
cat /tmp/f; echo
printf '0123456789' > /tmp/f
printf 'ab' | dd of=/tmp/f bs=1 seek=2 conv=notrunc status=none
cat /tmp/f; echo
wc -c < /tmp/f
dd if=/tmp/f bs=4 2>&1 >/dev/null
dd if=/dev/zero of=/tmp/g bs=512 count=3 status=none
wc -c < /tmp/g
md5sum /tmp/f /tmp/g
