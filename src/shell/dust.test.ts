/**
 * dust (drivers/md/dm-dust.c, 6.1.192). The kernel tool's kernel has no dm-dust, so the
 * reference is blktests' dm/002 (osandov/blktests tests/dm/002 and its expected 002.out, run
 * here on /dev/ram0 as TEST_DEV) and, for what it does not cover, the 6.1 source's texts.
 */

import { describe, expect, it } from "vitest";
import { runTranscript } from "./index.ts";

async function run(script: string): Promise<string> {
  const { output } = await runTranscript(script, { seed: 1 });
  return Buffer.from(output).toString("latin1");
}

/** tests/dm/002's test_device, as blktests runs it (|& spelled 2>&1 |). */
const DM_002 = `
echo "Running dm/002"
sz=$(blockdev --getsz "$TEST_DEV")
bsz=$(blockdev --getbsz "$TEST_DEV")
dmsetup create dust1 --table "0 $sz dust $TEST_DEV 0 $bsz"
dmsetup message dust1 0 addbadblock 60
dmsetup message dust1 0 addbadblock 67
dmsetup message dust1 0 addbadblock 72
dmsetup message dust1 0 countbadblocks
dmsetup message dust1 0 listbadblocks
dmsetup message dust1 0 clearbadblocks
dmsetup message dust1 0 countbadblocks
dmsetup message dust1 0 addbadblock 60
dmsetup message dust1 0 addbadblock 67
dmsetup message dust1 0 addbadblock 72
dmsetup message dust1 0 countbadblocks
dmsetup message dust1 0 enable
dd if=/dev/zero of=/dev/mapper/dust1 bs="$bsz" count=128 oflag=direct \\
   >"$FULL" 2>&1 || exit $?
sync
dmsetup message dust1 0 countbadblocks
sync
dmsetup remove --retry dust1 2>&1 | grep -v "Device or resource busy"
echo "Test complete"
`;

/** blktests tests/dm/002.out. */
const DM_002_OUT = `Running dm/002
countbadblocks: 3 badblock(s) found
60
67
72
dust_clear_badblocks: badblocks cleared
countbadblocks: 0 badblock(s) found
countbadblocks: 3 badblock(s) found
countbadblocks: 0 badblock(s) found
Test complete
`;

describe("dust", () => {
  it("passes blktests dm/002", async () => {
    const out = await run(
      `modprobe brd rd_nr=1 rd_size=8192\nTEST_DEV=/dev/ram0\nFULL=/tmp/full\n${DM_002}`,
    );
    expect(out).toBe(`${DM_002_OUT}exit status 0\n`);
  });

  it("logs what dm-dust.c prints, fails reads of bad blocks once enabled, and uses up write fail counts", async () => {
    const out = await run(`modprobe brd rd_nr=1 rd_size=8192
dmsetup create d --table "0 16384 dust /dev/ram0 0 4096"
dmsetup status d; dmsetup table d
dmsetup message d 0 listbadblocks
dmsetup message d 0 clearbadblocks
dmsetup message d 0 addbadblock 8
dmsetup message d 0 addbadblock 8; echo rc=$?
dmsetup message d 0 addbadblock 9 2
dmsetup message d 0 addbadblock 10 256; echo rc=$?
dmsetup message d 0 addbadblock 2049; echo rc=$?
dmsetup message d 0 addbadblock 2048; echo rc=$?
dmsetup message d 0 queryblock 8
dmsetup message d 0 queryblock 7
dmsetup message d 0 removebadblock 7; echo rc=$?
dmsetup message d 0 removebadblock 2048; echo rc=$?
dmsetup message d 0 addbadblock; echo rc=$?
dmsetup message d 0 frob; echo rc=$?
dmsetup message d 0 frob 1; echo rc=$?
dmsetup message d 0 a b c d; echo rc=$?
# not enabled: bad blocks read fine
dd if=/dev/mapper/d of=/dev/null bs=4096 skip=8 count=1 iflag=direct 2>/dev/null; echo rc=$?
dmsetup message d 0 enable
dmsetup status d
dd if=/dev/mapper/d of=/dev/null bs=4096 skip=8 count=1 iflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/d of=/dev/null bs=4096 skip=7 count=1 iflag=direct 2>/dev/null; echo rc=$?
# block 9 fails two writes, then a write heals it; a write heals block 8
dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=9 count=1 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=9 count=1 oflag=direct 2>/dev/null; echo rc=$?
dmsetup message d 0 listbadblocks
dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=9 count=1 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=8 count=1 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/mapper/d of=/dev/null bs=4096 skip=8 count=2 iflag=direct 2>/dev/null; echo rc=$?
dmsetup message d 0 listbadblocks
dmsetup message d 0 addbadblock 100
dmsetup message d 0 quiet
dmsetup status d
dmsetup message d 0 removebadblock 3; echo rc=$?
dmsetup message d 0 addbadblock 101
dmsetup message d 0 quiet
dmsetup message d 0 removebadblock 101
dmsetup message d 0 disable
dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=100 count=1 oflag=direct 2>/dev/null; echo rc=$?
dmsetup message d 0 countbadblocks
dmsetup message d 0 clearbadblocks
dmesg | grep -v brd | sed 's/^\\[[^]]*\\] //'
`);
    expect(out).toBe(`0 16384 dust 1:0 bypass verbose
0 16384 dust 1:0 0 4096
No blocks in badblocklist
dust_clear_badblocks: no badblocks found
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
rc=0
dust_query_block: block 8 found in badblocklist
dust_query_block: block 7 not found in badblocklist
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
rc=0
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
rc=0
0 16384 dust 1:0 fail_read_on_bad_block verbose
rc=1
rc=0
rc=1
rc=1
8
9
rc=0
rc=0
rc=0
No blocks in badblocklist
0 16384 dust 1:0 fail_read_on_bad_block quiet
device-mapper: message ioctl on d  failed: Invalid argument
Command failed.
rc=1
rc=0
countbadblocks: 1 badblock(s) found
dust_clear_badblocks: badblocks cleared
device-mapper: dust: dust_add_block: badblock added at block 8 with write fail count 0
device-mapper: dust: dust_add_block: block 8 already in badblocklist
device-mapper: dust: dust_add_block: badblock added at block 9 with write fail count 2
device-mapper: dust: selected write fail count out of range
device-mapper: dust: selected block value out of range
device-mapper: dust: dust_add_block: badblock added at block 2048 with write fail count 0
device-mapper: dust: dust_remove_block: block 7 not found in badblocklist
device-mapper: dust: dust_remove_block: badblock removed at block 2048
device-mapper: dust: addbadblock requires an additional argument
device-mapper: dust: unrecognized message 'frob' received
device-mapper: dust: unrecognized message 'frob' received
device-mapper: dust: invalid number of arguments '4'
device-mapper: dust: enabling read failures on bad sectors
device-mapper: dust: block 1 removed from badblocklist by write
device-mapper: dust: block 1 removed from badblocklist by write
device-mapper: dust: dust_add_block: badblock added at block 100 with write fail count 0
device-mapper: dust: dust_remove_block: badblock removed at block 101
device-mapper: dust: disabling read failures on bad sectors
exit status 0
`);
  });
});
