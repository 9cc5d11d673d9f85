# /dev/mapper nodes: when dmsetup makes them
modprobe brd rd_nr=1 rd_size=1024
dmsetup create n --notable; ls /dev/mapper
dmsetup load n --table "0 8 zero"; ls /dev/mapper
dmsetup info n | grep -i 'ahead\|open'
dmsetup resume n; ls -l /dev/mapper/n | cut -c1
dmsetup create m --notable; dmsetup mknodes m; ls -l /dev/mapper/m | cut -c1
dmsetup create o --notable --addnodeoncreate; ls -l /dev/mapper/o | cut -c1
dd if=/dev/zero of=/dev/mapper/o bs=512 count=1 2>&1; echo rc=$?
dmsetup create p --notable; touch /dev/mapper/p; dmsetup mknodes p; ls -l /dev/mapper/p | cut -c1
dmsetup create q --notable; echo x > /dev/mapper/q; dmsetup load q --table "0 8 zero"; dmsetup resume q; echo rc=$?; ls -l /dev/mapper/q | cut -c1
dmsetup remove q; ls /dev/mapper
dmsetup rename n nn; ls /dev/mapper
dmsetup create r --table "0 8 zero"; rm /dev/mapper/r; dmsetup info r | head -3; dmsetup suspend r; dmsetup resume r; ls /dev/mapper
dmsetup remove_all; ls /dev/mapper
