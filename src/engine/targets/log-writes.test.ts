/**
 * log-writes (drivers/md/dm-log-writes.c, 6.1.192) below what dmsh's scripts can reach: FUA
 * writes, discards, the logging thread's own bios, and the log read back with the format
 * module replay-log and the page's viewer share. The golden files 630-632 check the bytes
 * against Linux for writes, flushes and marks.
 */

import { describe, expect, it } from "vitest";
import { EV } from "../events.ts";
import {
  LOG_DISCARD_FLAG,
  LOG_FLUSH_FLAG,
  LOG_FUA_FLAG,
  LOG_MARK_FLAG,
  readLog,
} from "../log-writes-format.ts";
import { createDevice, engineWithDisks, pattern, sameBytes } from "../test/helpers.ts";
import { REQ_FUA, REQ_PREFLUSH } from "../types.ts";
import type { Engine } from "../engine.ts";

/** The log as it is on ram1 now, read the way the page's viewer reads a disk. */
async function logOf(e: Engine) {
  const size = e.lookup("/dev/ram1")!.sizeSectors * 512;
  const bytes = await e.read("/dev/ram1", 0, size);
  return readLog((off, len) => bytes.slice(off, off + len), size);
}

describe("log-writes", () => {
  it("logs a FUA write at once and rewrites the super block after it; flushes take the writes before them", async () => {
    const e = engineWithDisks(2, 4096);
    await createDevice(e, "lw", "0 8192 log-writes /dev/ram0 /dev/ram1");
    const lw = e.lookup("/dev/mapper/lw")!;
    await e.write("/dev/mapper/lw", 0, pattern(4096, 1));
    await e.settled();
    // A plain write waits for a flush: nothing logged, no super block yet.
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("0 0");
    expect((await logOf(e)).error?.message).toBe("Magic doesn't match");
    expect(await e.io(lw, "WRITE", 64, pattern(1024, 2), undefined, REQ_FUA)).toBe("OK");
    await e.settled();
    // The FUA write is entry 0: the write before it is still unflushed.
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("1 3");
    let log = await logOf(e);
    expect(log.super?.nrEntries).toBe(1);
    expect(log.entries.map((x) => [x.sector, x.nrSectors, x.flags])).toEqual([
      [64, 2, LOG_FUA_FLAG],
    ]);
    expect(await e.io(lw, "WRITE", 0, null, 0, REQ_PREFLUSH)).toBe("OK");
    await e.settled();
    // The flush logs the unflushed write, then itself; no super block rewrite (not FUA/MARK).
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("3 13");
    log = await logOf(e);
    expect(log.super?.nrEntries).toBe(1);
    await e.dm.message("lw", 0, "mark m");
    await e.settled();
    log = await logOf(e);
    expect(log.super?.nrEntries).toBe(4);
    expect(log.entries.map((x) => [x.sector, x.nrSectors, x.flags, x.mark])).toEqual([
      [64, 2, LOG_FUA_FLAG, null],
      [0, 8, 0, null],
      [0, 0, LOG_FLUSH_FLAG, null],
      [0, 0, LOG_MARK_FLAG, "m"],
    ]);
    // The data follows each entry.
    const w = log.entries[1]!;
    expect(sameBytes(await e.read("/dev/ram1", w.dataPos, 4096), pattern(4096, 1))).toBe(true);
  });

  it("logs discards without data, in completion order, and keeps them from a RAM disk", async () => {
    const e = engineWithDisks(2, 4096);
    await createDevice(e, "lw", "0 8192 log-writes /dev/ram0 /dev/ram1");
    const lw = e.lookup("/dev/mapper/lw")!;
    await e.write("/dev/mapper/lw", 4096, pattern(4096, 3));
    expect(await e.io(lw, "DISCARD", 8, null, 16)).toBe("OK");
    expect(await e.io(lw, "WRITE", 0, null, 0, REQ_PREFLUSH)).toBe("OK");
    await e.dm.message("lw", 0, "mark d");
    await e.settled();
    const log = await logOf(e);
    expect(log.entries.map((x) => [x.sector, x.nrSectors, x.flags])).toEqual([
      [8, 8, 0],
      [8, 16, LOG_DISCARD_FLAG],
      [0, 0, LOG_FLUSH_FLAG],
      [0, 0, LOG_MARK_FLAG],
    ]);
    // The discard took one block of the log (its entry), no data: 1 + (1 + 8) + 1 + 1 + 1.
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("4 12");
    expect(log.entries[2]!.pos).toBe(11 * 512);
    // Not passed down: brd takes no discards (discard_max_bytes 0), log_writes_io_hints saw
    // that, so the block keeps its data.
    expect(sameBytes(await e.read("/dev/ram0", 4096, 4096), pattern(4096, 3))).toBe(true);
  });

  it("writes the log as its own bios: entry and data blocks, then the super block after a mark", async () => {
    const e = engineWithDisks(2, 4096);
    await createDevice(e, "lw", "0 8192 log-writes /dev/ram0 /dev/ram1");
    const lw = e.lookup("/dev/mapper/lw")!;
    const from = e.events.since(0).length;
    await e.write("/dev/mapper/lw", 0, pattern(4096, 4));
    await e.io(lw, "WRITE", 0, null, 0, REQ_PREFLUSH);
    await e.dm.message("lw", 0, "mark x");
    await e.settled();
    const ram1 = e.lookup("/dev/ram1")!.dev;
    const own = e.events
      .since(0)
      .slice(from)
      .filter((v) => v.type === EV.BIO_SUBMIT && v.issuer && v.dev === ram1)
      .map((v) => [v.sector, v.sectors]);
    // entry at 1, data at 2-9, the flush's entry at 10, the mark's at 11, the super block at 0.
    expect(own).toEqual([
      [1, 1],
      [2, 8],
      [10, 1],
      [11, 1],
      [0, 1],
    ]);
  });

  it("counts 4 KiB blocks over a device with 4 KiB logical blocks, and cuts a mark to fit its block", async () => {
    const e = engineWithDisks(2, 4096);
    await createDevice(
      e,
      "c",
      "0 8192 crypt aes-cbc-essiv:sha256 0123456789abcdef0123456789abcdef 0 /dev/ram0 0 1 sector_size:4096",
    );
    await createDevice(e, "lw", "0 8192 log-writes /dev/mapper/c /dev/ram1");
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("0 7");
    await e.dm.message("lw", 0, `mark ${"m".repeat(5000)}`);
    await e.settled();
    const log = await logOf(e);
    expect(log.super?.sectorsize).toBe(4096);
    expect(log.entries[0]!.mark).toBe("m".repeat(4096 - 33));
    expect(e.dm.status("lw", "INFO")[0]!.params).toBe("1 15");
  });
});
