# dm-playground scenario: the default stack, top stacked on stripes, data written
# Exported from dm-playground: run as root on Linux (a VM, or a machine where brd is not loaded).
# It builds the stack over brd RAM disks with the same commands, then checks that Linux prints
# what dm-playground printed.
if [ -e /dev/ram0 ]; then echo 'brd is already loaded: rmmod brd first'; exit 1; fi
modprobe brd rd_nr=2 rd_size=16384
dmsetup create concat <<'EOF'
0 16384 linear /dev/ram0 0
16384 16384 linear /dev/ram1 0
EOF
dmsetup create stripes --table '0 32768 striped 2 128 /dev/ram0 16384 /dev/ram1 16384'
dmsetup ls --tree
dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'
printf 'dm-playground' | dd of=/dev/mapper/top bs=512 seek=200 conv=notrunc 2>/dev/null
dd if=/dev/zero of=/dev/mapper/concat bs=64k count=4 oflag=direct 2>/dev/null
printf 'across the seam' | dd of=/dev/mapper/concat bs=1 seek=8388600 conv=notrunc 2>/dev/null
sync
# ---- checks: dm-playground's outputs
check() { if [ "$2" = "$3" ]; then echo "same: $1"; else echo "DIFFERS: $1"; echo "--- dm-playground"; echo "$3"; echo "--- Linux"; echo "$2"; fi; }
check 'dmsetup table' "$(dmsetup table 2>&1)" 'concat: 0 16384 linear 1:0 0
concat: 16384 16384 linear 1:1 0
stripes: 0 32768 striped 2 128 1:0 16384 1:1 16384
top: 0 8192 linear 254:1 0'
check 'dmsetup status' "$(dmsetup status 2>&1)" 'concat: 0 16384 linear 
concat: 16384 16384 linear 
stripes: 0 32768 striped 2 1:0 1:1 1 AA
top: 0 8192 linear '
check 'dmsetup ls --tree' "$(dmsetup ls --tree 2>&1)" 'concat (254:0)
 |- (1:1)
 `- (1:0)
top (254:2)
 `-stripes (254:1)
    |- (1:1)
    `- (1:0)'
check 'md5sum /dev/mapper/concat' "$(md5sum /dev/mapper/concat 2>&1)" '8f6fa188d6d8dca5017bacae709f889b  /dev/mapper/concat'
check 'md5sum /dev/mapper/stripes' "$(md5sum /dev/mapper/stripes 2>&1)" 'f517f9282b4bd6055f8043b07e3defca  /dev/mapper/stripes'
check 'md5sum /dev/mapper/top' "$(md5sum /dev/mapper/top 2>&1)" '3be4b96204c5162863b43d427b8567c3  /dev/mapper/top'
