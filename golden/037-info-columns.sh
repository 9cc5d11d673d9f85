# dmsetup info -c (columns) and a few -o field selections
modprobe brd rd_nr=1 rd_size=4096
dmsetup create a --table "0 1024 linear /dev/ram0 0"
dmsetup create bb -u UUID-bb --table "0 2048 zero"
dmsetup suspend bb
dmsetup info -c
dmsetup info -c a
dmsetup info -c --noheadings
dmsetup info -c -o name,major,minor,open,segments,events
dmsetup info -c -o name,uuid --separator ,
dmsetup resume bb
