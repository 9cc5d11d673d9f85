# dd partial records: N+M records in/out
printf 'abcdefghij' | dd of=/dev/null bs=4
echo rc=$?
printf 'abcdefghij' | dd bs=4 count=2; echo
printf 'abcdefghij' | dd bs=3 skip=1; echo
printf '' | dd of=/dev/null bs=512
echo rc=$?
dd if=/dev/zero bs=1 count=5 | od -c
dd if=/dev/zero of=/dev/null bs=512 count=7 ibs=512
echo rc=$?
dd if=/dev/zero of=/dev/null ibs=1024 obs=512 count=3
echo rc=$?
dd if=/dev/zero of=/dev/null bs=2x512 count=1
echo rc=$?
dd if=/dev/zero of=/dev/null bs=1k count=2 status=noxfer
echo rc=$?
dd if=/dev/zero of=/dev/null bs=1k count=2 status=none
echo rc=$?
dd if=/dev/zero of=/dev/null bs=abc count=1
echo bad-bs rc=$?
dd if=/dev/zero of=/dev/null count=1 bogus=1
echo bad-op rc=$?
dd if=/nonexistent of=/dev/null
echo missing rc=$?
