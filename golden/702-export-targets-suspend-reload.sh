# dm-playground scenario: striped, zero, error, delay, flakey; suspend, reload, noflush
# Exported from dm-playground: run as root on Linux (a VM, or a machine where brd is not loaded).
# It builds the stack over brd RAM disks with the same commands, then checks that Linux prints
# what dm-playground printed.
if [ -e /dev/ram0 ]; then echo 'brd is already loaded: rmmod brd first'; exit 1; fi
modprobe brd rd_nr=2 rd_size=8192
dmsetup create st --table '0 16384 striped 2 64 /dev/ram0 0 /dev/ram1 0'
dmsetup create z --table '0 4096 zero'
dmsetup create holey <<'EOF'
0 2048 linear /dev/ram0 8192
2048 2048 error
EOF
dmsetup create slow --table '0 2048 delay /dev/ram1 8192 50'
dmsetup create fl --table '0 2048 flakey /dev/ram1 10240 0 60 1 drop_writes'
printf 'striped chunk 1' | dd of=/dev/mapper/st bs=512 seek=64 conv=notrunc 2>/dev/null
dd if=/dev/mapper/holey of=/dev/null bs=4096 skip=300 count=1 iflag=direct 2>/dev/null; echo rc=$?
printf 'dropped' | dd of=/dev/mapper/fl bs=512 conv=notrunc,fsync 2>/dev/null; echo rc=$?
dmsetup suspend st
dmsetup info -c -o name,suspended st
dmsetup load st --table '0 8192 linear /dev/ram1 0'
dmsetup resume st
dmsetup suspend --noflush slow
dmsetup resume slow
dmsetup remove z
# ---- checks: dm-playground's outputs
check() { if [ "$2" = "$3" ]; then echo "same: $1"; else echo "DIFFERS: $1"; echo "--- dm-playground"; echo "$3"; echo "--- Linux"; echo "$2"; fi; }
check 'dmsetup table' "$(dmsetup table 2>&1)" 'fl: 0 2048 flakey 1:1 10240 0 60 1 drop_writes 
holey: 0 2048 linear 1:0 8192
holey: 2048 2048 error 
slow: 0 2048 delay 1:1 8192 50
st: 0 8192 linear 1:1 0'
check 'dmsetup status' "$(dmsetup status 2>&1)" 'fl: 0 2048 flakey 
holey: 0 2048 linear 
holey: 2048 2048 error 
slow: 0 2048 delay 0 0 0
st: 0 8192 linear '
check 'dmsetup ls --tree' "$(dmsetup ls --tree 2>&1)" 'fl (254:4)
 `- (1:1)
holey (254:2)
 `- (1:0)
slow (254:3)
 `- (1:1)
st (254:0)
 `- (1:1)'
check 'md5sum /dev/mapper/fl' "$(md5sum /dev/mapper/fl 2>&1)" 'b6d81b360a5672d80c27430f39153e2c  /dev/mapper/fl'
check 'md5sum /dev/mapper/holey' "$(md5sum /dev/mapper/holey 2>&1)" 'md5sum: can'\''t read '\''/dev/mapper/holey'\'': Input/output error'
check 'md5sum /dev/mapper/slow' "$(md5sum /dev/mapper/slow 2>&1)" 'b6d81b360a5672d80c27430f39153e2c  /dev/mapper/slow'
check 'md5sum /dev/mapper/st' "$(md5sum /dev/mapper/st 2>&1)" '1aa7da0b670cfb3322360ddd2c0f6263  /dev/mapper/st'
