# queue/ of crypt (sector_size raises the block sizes and dma_alignment, max_segment_size one page, allow_discards only where the device takes discards, never write-zeroes), snapshot with discard_zeroes_cow (granularity and max are the chunk size in sectors, as 6.1 sets them), unstriped (chunk_sectors), log-writes (discards it logs for a device that takes none)
modprobe brd rd_nr=4 rd_size=16384
modprobe loop
q() { for f in logical_block_size physical_block_size minimum_io_size optimal_io_size max_sectors_kb chunk_sectors max_segment_size dma_alignment discard_granularity discard_max_bytes discard_max_hw_bytes write_zeroes_max_bytes write_cache; do echo "$1 $f: $(cat /sys/block/$1/queue/$f)"; done; }
K=0000000000000000000000000000000000000000000000000000000000000000
dmsetup create c1 --table "0 8192 crypt aes-xts-plain64 $K 0 /dev/ram0 0 1 allow_discards"
q dm-0
dmsetup create c2 --table "0 8192 crypt aes-xts-plain64 $K 0 /dev/ram0 8192 1 sector_size:4096"
q dm-1
truncate -s 16M /tmp/img
losetup /dev/loop0 /tmp/img
dmsetup create c3 --table "0 8192 crypt aes-xts-plain64 $K 0 /dev/loop0 0 1 allow_discards"
q dm-2
dmsetup create c4 --table "0 8192 crypt aes-xts-plain64 $K 0 /dev/loop0 8192"
q dm-3
truncate -s 8M /tmp/cow
losetup /dev/loop1 /tmp/cow
dmsetup create snap --table "0 16384 snapshot /dev/loop0 /dev/loop1 P 16 2 discard_zeroes_cow discard_passdown_origin"
q dm-4
dmsetup create snapb --table "0 8192 snapshot /dev/ram1 /dev/ram2 N 32 1 discard_zeroes_cow"
q dm-5
dmsetup create un --table "0 4096 unstriped 2 64 1 /dev/ram3 0"
q dm-6
dmsetup create lw --table "0 8192 log-writes /dev/ram1 /dev/ram2"
q dm-7
