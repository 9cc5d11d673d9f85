# dm-playground scenario: lesson 'stacking', three layers
# Exported from dm-playground: run as root on Linux (a VM, or a machine where brd is not loaded).
# It builds the stack over brd RAM disks with the same commands, then checks that Linux prints
# what dm-playground printed.
if [ -e /dev/ram0 ]; then echo 'brd is already loaded: rmmod brd first'; exit 1; fi
modprobe brd rd_nr=2 rd_size=16384
dmsetup create bottom --table '0 8192 striped 2 8 /dev/ram0 0 /dev/ram1 0'
dmsetup create middle --table '0 4096 linear /dev/mapper/bottom 2048'
dmsetup create top --table '0 1024 linear /dev/mapper/middle 1024'
printf 'TOP!' | dd of=/dev/mapper/top bs=512 conv=notrunc 2>/dev/null
sync
dmsetup remove bottom
dmsetup ls --tree
# ---- checks: dm-playground's outputs
check() { if [ "$2" = "$3" ]; then echo "same: $1"; else echo "DIFFERS: $1"; echo "--- dm-playground"; echo "$3"; echo "--- Linux"; echo "$2"; fi; }
check 'dmsetup table' "$(dmsetup table 2>&1)" 'bottom: 0 8192 striped 2 8 1:0 0 1:1 0
middle: 0 4096 linear 254:0 2048
top: 0 1024 linear 254:1 1024'
check 'dmsetup status' "$(dmsetup status 2>&1)" 'bottom: 0 8192 striped 2 1:0 1:1 1 AA
middle: 0 4096 linear 
top: 0 1024 linear '
check 'dmsetup ls --tree' "$(dmsetup ls --tree 2>&1)" 'top (254:2)
 `-middle (254:1)
    `-bottom (254:0)
       |- (1:1)
       `- (1:0)'
check 'md5sum /dev/mapper/bottom' "$(md5sum /dev/mapper/bottom 2>&1)" '90c9d9b7e5dfc0afc97073389d32e18f  /dev/mapper/bottom'
check 'md5sum /dev/mapper/middle' "$(md5sum /dev/mapper/middle 2>&1)" '5be5c7c6994d7a1c8ba04daa3321fdbe  /dev/mapper/middle'
check 'md5sum /dev/mapper/top' "$(md5sum /dev/mapper/top 2>&1)" 'b46d2deb7302fee3086488f0de6b8495  /dev/mapper/top'
