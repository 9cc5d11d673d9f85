/**
 * replay-log (fstests src/log-writes/replay-log.c) against logs dm-playground's log-writes
 * wrote: replaying up to each mark gives back the device as it was when the mark was made
 * (after an fsync, as fstests' dmlogwrites tests do), entry by entry and with --find.
 */

import { describe, expect, it } from "vitest";
import { runTranscript } from "../index.ts";

async function run(script: string): Promise<string> {
  const { output } = await runTranscript(script, { seed: 7 });
  return Buffer.from(output).toString("latin1");
}

const WRITE_AND_MARK = `
modprobe brd rd_nr=3 rd_size=4096
dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1"
for i in 1 2 3 4 5; do
  dd if=/dev/urandom of=/dev/mapper/lw bs=4096 seek=$((i * 37 % 500)) count=$i oflag=direct 2>/dev/null
  dd if=/dev/urandom of=/dev/mapper/lw bs=512 seek=$((i * 13)) count=3 2>/dev/null
  dd if=/dev/urandom of=/dev/mapper/lw bs=4096 seek=$((i * 3)) count=1 oflag=direct conv=fsync 2>/dev/null
  echo "at m$i $(md5sum < /dev/mapper/lw)"
  dmsetup message lw 0 mark m$i
done
# writes after the last mark, never flushed: logged at dtr, after the marks
dd if=/dev/urandom of=/dev/mapper/lw bs=4096 seek=900 count=2 oflag=direct 2>/dev/null
echo "at end $(md5sum < /dev/mapper/lw)"
dmsetup remove lw
`;

describe("replay-log", () => {
  it("replays a log up to each mark onto a device that then equals the device at that mark", async () => {
    const out = await run(`${WRITE_AND_MARK}
replay-log --log /dev/ram1
replay-log --log /dev/ram1 --num-entries
for m in m1 m2 m3 m4 m5 dm-log-writes-end; do
  dd if=/dev/zero of=/dev/ram2 bs=1M count=4 oflag=direct 2>/dev/null
  replay-log --log /dev/ram1 --replay /dev/ram2 --end-mark $m; echo rc=$?
  echo "replayed $m $(md5sum < /dev/ram2)"
  replay-log --log /dev/ram1 --find --end-mark $m
done
`);
    const at = new Map([...out.matchAll(/^at (\S+) (\S+)/gm)].map((m) => [m[1]!, m[2]!]));
    const replayed = new Map(
      [...out.matchAll(/^replayed (\S+) (\S+)/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(at.size).toBe(6);
    for (const m of ["m1", "m2", "m3", "m4", "m5"]) expect(replayed.get(m)).toBe(at.get(m));
    expect(replayed.get("dm-log-writes-end")).toBe(at.get("end"));
    // Every mark is a different state of the device.
    expect(new Set(at.values()).size).toBe(6);
    expect(out).not.toMatch(/rc=[1-9]/);
    // 5 marks, each after 3 to 7 writes (a 4 KiB direct write is one bio, the 512-byte
    // buffered ones one page) and a flush; then 2 writes and the end mark at dtr.
    expect(out).toContain("Log version=1, sectorsize=512, entries=39\n");
    expect(out).toMatch(/^39$/m);
    // --find prints the entry and the block after it: the first mark is entry 4, in block 29.
    expect(out).toMatch(/^4@30$/m);
  });

  it("replays entry by entry with -v, and --limit stops after N entries", async () => {
    const out = await run(`${WRITE_AND_MARK}
replay-log -v --log /dev/ram1 --replay /dev/ram2 --limit 5
replay-log --log /dev/ram1 --find --limit 3
replay-log --log /dev/ram1 --find --next-flush
replay-log --log /dev/ram1 --start-mark m2 --find --end-mark m4
replay-log --log /dev/ram1 --find --end-mark nope; echo rc=$?
replay-log --log /dev/ram1 --start-mark nope; echo rc=$?
replay-log --log /dev/ram1 --start-entry 99; echo rc=$?
replay-log --log /dev/ram0; echo rc=$?
replay-log --log /dev/nothing; echo rc=$?
replay-log; echo rc=$?
replay-log --log /dev/ram1 --check 3; echo rc=$?
`);
    const lines = out.split("\n");
    const v = lines.filter((l) => l.startsWith("replaying "));
    expect(v).toHaveLength(5);
    // entry 0: 4096 bytes (8 blocks of 512) at sector 296; its header in block 1, data after.
    expect(v[0]).toBe("replaying 0@2: sector 296, size 4096, flags 0x0(NONE)");
    expect(v[1]).toBe("replaying 1@11: sector 8, size 4096, flags 0x0(NONE)");
    expect(v[3]).toBe("replaying 3@29: sector 0, size 0, flags 0x1(FLUSH)");
    expect(v[4]).toBe("replaying 4@30: sector 0, size 0, flags 0x8(MARK)");
    expect(out).toContain("\n2@28\n");
    expect(out).toContain("\n3@29\n");
    expect(out).toContain("\n26@180\n");
    expect(out).toContain("Couldn't find entry\nrc=1\n");
    expect(out).toContain("Couldn't find starting mark\nrc=1\n");
    expect(out).toContain("Invalid entry number\nrc=1\n");
    expect(out).toContain("Magic doesn't match\nrc=1\n");
    expect(out).toContain("Couldn't open log /dev/nothing: 2\nrc=1\n");
    expect(out).toContain("Usage: replay-log --log <logfile> [options]\n");
    expect(out).toMatch(
      /--check \[<number>\|flush\|fua\|discard\] when to check the file system, mush specify --fsck\n(?:.*\n)*rc=1\nexit status 0\n$/,
    );
  });

  it("runs --fsck at every --check point and stops when it fails", async () => {
    const out = await run(`${WRITE_AND_MARK}
replay-log --log /dev/ram1 --replay /dev/ram2 --check flush --fsck 'echo checked'; echo rc=$?
replay-log --log /dev/ram1 --replay /dev/ram2 --check 7 --fsck 'false'; echo rc=$?
`);
    expect(out.match(/^checked$/gm)).toHaveLength(5);
    expect(out).toContain("Fsck errored out on entry 6\nrc=1\n");
  });
});
