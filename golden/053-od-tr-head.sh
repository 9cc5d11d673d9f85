# tr on /dev/zero, head -c, od formats, wc
tr '\000' '\132' < /dev/zero | head -c 10; echo
tr '\000' 'x' < /dev/zero | head -c 5 | od -c
head -c 16 /dev/zero | od
head -c 16 /dev/zero | od -x
printf 'ABCDEFGH' | od -A d -t x1
printf 'ABCDEFGH' | od -t x4
printf 'hi\n' | od -c
printf 'hi\n' | od -b
tr '\000' '\377' < /dev/zero | head -c 4 | od -t x1
tr 'a-z' 'A-Z' <<EOT
shout this
EOT
head -c 1000 /dev/zero | wc -c
printf 'one\ntwo\n' | wc -l
