# truncate and fallocate of files: sizes, growing and shrinking, errors
truncate -s 1M /tmp/t.img; echo rc=$?
wc -c < /tmp/t.img
truncate -s +512K /tmp/t.img; wc -c < /tmp/t.img
truncate -s -1M /tmp/t.img; wc -c < /tmp/t.img
truncate -s 10 /tmp/t.img; wc -c < /tmp/t.img
printf 'abcdefghij' > /tmp/s.txt; truncate -s 4 /tmp/s.txt; cat /tmp/s.txt; echo
truncate -s 8 /tmp/s.txt; od -c /tmp/s.txt
truncate -c -s 1M /tmp/none.img; echo rc=$?; ls /tmp/none.img; echo rc=$?
truncate -s 1K /tmp/k.img; wc -c < /tmp/k.img
truncate -s 2G /tmp/big.img; echo rc=$?
truncate; echo rc=$?
truncate -s 1M; echo rc=$?
truncate -s 1X /tmp/x.img; echo rc=$?
truncate -s 1M /tmp/nodir/x.img; echo rc=$?
fallocate -l 1M /tmp/f.img; echo rc=$?; wc -c < /tmp/f.img
fallocate -l 64KiB /tmp/g.img; wc -c < /tmp/g.img
fallocate -o 1M -l 1M /tmp/f.img; wc -c < /tmp/f.img
fallocate -n -o 4M -l 1M /tmp/f.img; wc -c < /tmp/f.img
fallocate -l 0 /tmp/z.img; echo rc=$?
fallocate /tmp/f.img; echo rc=$?
fallocate -l 1M; echo rc=$?
fallocate -l 1Q /tmp/q.img; echo rc=$?
fallocate -l 1M /tmp/nodir/f.img; echo rc=$?
