import { describe, expect, it } from "vitest";
import { LINUX_REQ } from "./blk-mq.ts";
import { EV } from "./events.ts";
import { NS_PER_MS } from "./clock.ts";
import { REQ_PREFLUSH } from "./types.ts";
import { ShmemFile } from "./shmem.ts";
import { createDevice, engineWithDisks, pattern } from "./test/helpers.ts";
import type { Engine } from "./engine.ts";

const ram0 = (e: Engine) => e.lookup("/dev/ram0")!;
const errLines = (e: Engine) =>
  e.klog.lines.map((l) => l.text).filter((t) => t.includes(" error, dev "));

describe("disk fault rules", () => {
  it("fail a write in the range, with the block layer's line, and nothing is written", async () => {
    const e = engineWithDisks(1);
    e.diskFaults.add({
      disk: "ram0",
      op: "write",
      first: 100,
      last: 199,
      action: { kind: "error", errno: "EIO" },
    });
    const d = ram0(e);
    const data = pattern(4096, 1);
    expect(await e.io(d, "WRITE", 96, data, undefined, 0, LINUX_REQ.SYNC | LINUX_REQ.IDLE)).toBe(
      "IOERR",
    );
    expect(await e.io(d, "WRITE", 200, data)).toBe("OK"); // past the range (inclusive 199)
    expect(await e.io(d, "WRITE", 88, data)).toBe("OK"); // ends at 95
    expect(await e.io(d, "READ", 96, new Uint8Array(4096))).toBe("OK"); // reads pass
    const back = await e.read("/dev/ram0", 96 * 512, 4096);
    expect(back.every((b) => b === 0)).toBe(true);
    expect(errLines(e)).toEqual([
      "I/O error, dev ram0, sector 96 op 0x1:(WRITE) flags 0x8800 phys_seg 1 prio class 2",
    ]);
  });

  it("each op and errno: reads, flushes, discards, with the errno's status", async () => {
    const e = engineWithDisks(1);
    const d = ram0(e);
    const add = (op: "read" | "flush" | "discard", errno: "ENODATA" | "ETIMEDOUT" | "ENOSPC") =>
      e.diskFaults.add({
        disk: "ram0",
        op,
        first: 0,
        last: Infinity,
        action: { kind: "error", errno },
      });
    add("read", "ENODATA");
    add("flush", "ETIMEDOUT");
    add("discard", "ENOSPC");
    expect(await e.io(d, "READ", 8, new Uint8Array(512))).toBe("MEDIUM");
    expect(await e.io(d, "WRITE", 0, null, 0, REQ_PREFLUSH)).toBe("TIMEOUT");
    // brd takes no discards: the block layer fails one before it reaches the disk (and its rule).
    expect(await e.io(d, "DISCARD", 64, null, 64)).toBe("NOTSUPP");
    expect(await e.io(d, "WRITE", 0, new Uint8Array(512))).toBe("OK");
    // A loop device takes discards (hole punching): there the rule fires.
    e.loop.load();
    const lo = e.loop.getFree();
    e.loop.configure(lo, new ShmemFile(e.storage, "/tmp/disk.img", 1 << 20), "/tmp/disk.img");
    e.diskFaults.add({
      disk: "loop0",
      op: "discard",
      first: 0,
      last: Infinity,
      action: { kind: "error", errno: "ENOSPC" },
    });
    expect(await e.io(lo, "DISCARD", 64, null, 64)).toBe("NOSPC");
    expect(errLines(e)).toEqual([
      "critical medium error, dev ram0, sector 8 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 2",
      "timeout error, dev ram0, sector 0 op 0x2:(FLUSH) flags 0x0 phys_seg 0 prio class 2",
      "critical space allocation error, dev loop0, sector 64 op 0x3:(DISCARD) flags 0x0 phys_seg 0 prio class 2",
    ]);
  });

  it("--after N lets N matching bios through; --once fires one time", async () => {
    const e = engineWithDisks(1);
    const d = ram0(e);
    const id = e.diskFaults.add({
      disk: "ram0",
      op: "read",
      first: 0,
      last: Infinity,
      after: 2,
      once: true,
      action: { kind: "error", errno: "EIO" },
    });
    const got: string[] = [];
    for (let i = 0; i < 5; i++) got.push(await e.io(d, "READ", i, new Uint8Array(512)));
    expect(got).toEqual(["OK", "OK", "IOERR", "OK", "OK"]);
    const r = e.diskFaults.list().find((x) => x.id === id)!;
    expect([r.seen, r.hits, r.spent]).toEqual([3, 1, true]);
  });

  it("probabilities are seeded: the same seed fails the same bios, and other draws are untouched", async () => {
    const run = async (seed: number) => {
      const e = engineWithDisks(1, 4096, seed);
      e.diskFaults.add({
        disk: "ram0",
        op: "write",
        first: 0,
        last: Infinity,
        prob: 0.3,
        action: { kind: "error", errno: "EIO" },
      });
      const out: number[] = [];
      for (let i = 0; i < 200; i++)
        if ((await e.io(ram0(e), "WRITE", i, new Uint8Array(512))) !== "OK") out.push(i);
      return { out, next: e.rng.nextU32() };
    };
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a.out).toEqual(b.out);
    expect(a.out).not.toEqual(c.out);
    expect(a.out.length).toBeGreaterThan(30);
    expect(a.out.length).toBeLessThan(90);
    // The rules' stream is their own: the engine's stream is where a fresh engine's is.
    expect(a.next).toBe(engineWithDisks(1, 4096, 7).rng.nextU32());
  });

  it("latency delays the bio on virtual time", async () => {
    const e = engineWithDisks(1);
    e.diskFaults.add({
      disk: "ram0",
      op: "read",
      first: 0,
      last: Infinity,
      action: { kind: "latency", ns: 20 * NS_PER_MS },
    });
    const t0 = e.now;
    expect(await e.io(ram0(e), "READ", 0, new Uint8Array(512))).toBe("OK");
    expect(e.now - t0).toBe(20 * NS_PER_MS);
  });

  it("corrupt changes the disk's copy of a write, and what a read returns", async () => {
    const e = engineWithDisks(1);
    const id = e.diskFaults.add({
      disk: "ram0",
      op: "write",
      first: 0,
      last: Infinity,
      once: true,
      action: { kind: "corrupt", bytes: 3 },
    });
    const data = pattern(4096, 3);
    const keep = data.slice();
    await e.write("/dev/ram0", 0, data);
    expect(data).toEqual(keep); // the writer's buffer is untouched
    const disk = await e.read("/dev/ram0", 0, 4096);
    const diff = disk.reduce((n, b, i) => n + (b !== keep[i] ? 1 : 0), 0);
    expect(diff).toBeGreaterThanOrEqual(1);
    expect(diff).toBeLessThanOrEqual(3);
    e.diskFaults.remove(id);
    e.diskFaults.add({
      disk: "ram0",
      op: "read",
      first: 0,
      last: Infinity,
      action: { kind: "corrupt", bytes: 1 },
    });
    const r1 = await e.read("/dev/ram0", 0, 4096);
    expect(r1).not.toEqual(disk);
  });

  it("a fault under a dm device: the failure reaches the bio through dm; a disk_fault event names it", async () => {
    const e = engineWithDisks(2);
    await createDevice(e, "lin", "0 8192 linear /dev/ram1 0");
    e.diskFaults.add({
      disk: "ram1",
      op: "write",
      first: 50,
      last: 50,
      action: { kind: "error", errno: "EIO" },
    });
    const from = e.events.seq;
    await expect(e.write("/dev/mapper/lin", 48 * 512, pattern(4096, 2))).rejects.toThrow();
    const evs = e.events.since(from);
    const fault = evs.find((x) => x.type === EV.DISK_FAULT)!;
    expect(fault.kind).toBe("disk_fault");
    expect(fault.dev).toBe(ram0(e).dev + 1);
    expect(fault.text).toBe("rule 1: ram1 --op write --sectors 50-50 --errno EIO");
    // the bio it names is the clone at ram1, whose completion carries the error
    const done = evs.find((x) => x.type === EV.BIO_COMPLETE && x.bio === fault.bio)!;
    expect(done.status).toBe("IOERR");
  });

  it("rules are listed, removed and cleared per disk", () => {
    const e = engineWithDisks(2);
    const spec = {
      op: "any",
      first: 0,
      last: Infinity,
      action: { kind: "error", errno: "EIO" },
    } as const;
    const a = e.diskFaults.add({ ...spec, disk: "ram0" });
    e.diskFaults.add({ ...spec, disk: "ram1" });
    e.diskFaults.add({ ...spec, disk: "ram1" });
    expect(e.diskFaults.list("ram1")).toHaveLength(2);
    expect(e.diskFaults.clear("ram1")).toBe(2);
    e.diskFaults.remove(a);
    expect(e.diskFaults.armed).toBe(false);
    expect(() => e.diskFaults.remove(a)).toThrow(/no rule/);
    expect(() => e.diskFaults.add({ ...spec, disk: "ram0", prob: 0 })).toThrow(/probability/);
  });
});
