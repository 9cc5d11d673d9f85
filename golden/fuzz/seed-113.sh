# difffuzz v2 seed 113 (src/shell/difffuzz.ts)
modprobe brd rd_nr=4 rd_size=4096
: > /tmp/p
printf 's113b0' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
printf 's113b1' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'L' >> /tmp/p
printf 's113b2' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'r' >> /tmp/p
printf 's113b3' >> /tmp/p; head -c 4090 /dev/zero | tr '\0' 'l' >> /tmp/p
printf '0 8200 crypt aes-cbc-plain 24ea06a339f3ec06d3b6f30c264fb27c 0 1:2 1224 1 no_read_workqueue\n' > /tmp/t
dmsetup create lv_x /tmp/t; echo rc=$?
printf '1 2048 linear /dev/ram2 5416\n' | dmsetup create d1; echo rc=$?
printf '0 32 linear 1:0 1528\n' | dmsetup create lv_x; echo rc=$?
printf '0 256 crypt aes-xts-plain64 ceb4593d88776b2e2261e0ae53a73f2e4abce21a9c54a08c219f46ad0888cbb5fc6d2f9e2d739203caad3bdcf96b4b3455b313c297b1c14a4a3f07c8171e62e4 100 /dev/ram1 5680 8193\n256 1024 linear /dev/ram2 6720\n' > /tmp/t
dmsetup create d1 /tmp/t; echo rc=$?
printf '8 8 linear /dev/mapper/lv_x 24\n' | dmsetup create top; echo rc=$?
dmsetup clear lv_x; echo rc=$?
dmsetup suspend lv_x; echo rc=$?
dmsetup message lv_x 0 @stats_list; echo rc=$?
dmsetup resume lv_x; echo rc=$?
dmsetup message lv_x 0 @stats_list; echo rc=$?
dmsetup remove d1; echo rc=$?
dmsetup rename lv_x lv_x; echo rc=$?
dmsetup ls; echo rc=$?
printf '0 32 linear /dev/mapper/lv_x 0\n' > /tmp/t
dmsetup create d3 /tmp/t; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup resume d3; echo rc=$?
dmsetup load d0 --table '0 128 crypt aes-xts-plain64 67bc55de570c06c3661fdf2fc0c57aa50d99ca44c584eadc75fe979f4ebfb4f3 7 /dev/ram2 4080'; echo rc=$?
dmsetup table; echo rc=$?
dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?
dmesg | grep device-mapper | sed 's/^\[[^]]*\] //'
