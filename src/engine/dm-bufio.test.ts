/** dm-bufio (dm-bufio.ts): the block cache a metadata target reads and writes through. */

import { describe, expect, it } from "vitest";
import type { DmBufioClient } from "./dm-bufio.ts";
import type { Engine } from "./engine.ts";
import { EV } from "./events.ts";
import { defineTarget, type DmDev, type Target } from "./target.ts";
import { createDevice, engineWithDisks, register } from "./test/helpers.ts";
import { DmError, REQ_PREFLUSH } from "./types.ts";

interface Meta {
  dev: DmDev;
}

/** A target that only holds its metadata device: the tests drive its bufio client. */
const metaTarget = defineTarget<Meta>({
  name: "meta",
  version: [1, 0, 0],
  ctr(t, args) {
    t.private = { dev: t.getDevice(args[0]!) };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map() {
    return "KILL";
  },
});

async function setup(
  lower = "/dev/ram0",
  blockSize = 4096,
): Promise<{ e: Engine; t: Target; c: DmBufioClient }> {
  const e = engineWithDisks();
  register(e, metaTarget);
  if (lower !== "/dev/ram0") await createDevice(e, "lower", lower);
  await createDevice(e, "m", `0 8 meta ${lower === "/dev/ram0" ? lower : "/dev/mapper/lower"}`);
  const t = e.dm.byName("m")!.live!.targets[0]!;
  const c = t.bufio((t.private as Meta).dev, blockSize);
  return { e, t, c };
}

function submits(e: Engine, from: number): Array<[string, number, number, number]> {
  return e.events
    .since(from)
    .filter((v) => v.type === EV.BIO_SUBMIT && v.issuer)
    .map((v) => [v.op!, v.flags!, v.sector, v.sectors]);
}

describe("dm-bufio", () => {
  it("reads a block once, serves it from the cache, writes it back dirty, then flushes", async () => {
    const { e, c } = await setup();
    await e.write("/dev/ram0", 8 * 512, new Uint8Array(4096).fill(3));
    const from = e.events.seq;
    const b = await c.read(1);
    expect(b.data[0]).toBe(3);
    expect(b.holdCount).toBe(1);
    c.release(b);
    const again = await c.read(1);
    expect(again).toBe(b);
    expect(submits(e, from)).toEqual([["READ", 0, 8, 8]]);
    again.data.fill(9);
    c.markBufferDirty(again);
    c.release(again);
    expect(c.dirtyBuffers).toBe(1);
    await c.writeDirtyBuffers();
    expect(c.dirtyBuffers).toBe(0);
    expect(submits(e, from)).toEqual([
      ["READ", 0, 8, 8],
      ["WRITE", 0, 8, 8],
      ["FLUSH", REQ_PREFLUSH, 0, 0],
    ]);
    expect((await e.read("/dev/ram0", 8 * 512, 4096)).every((x) => x === 9)).toBe(true);
    c.destroy();
  });

  it("writes a partly dirty block widened to 4 KiB within the block", async () => {
    const { e, c } = await setup("/dev/ram0", 16384);
    const b = await c.new(2);
    expect(b.data.every((x) => x === 0)).toBe(true);
    b.data[5000] = 0x5a;
    c.markPartialBufferDirty(b, 5000, 5001);
    c.release(b);
    const from = e.events.seq;
    await c.writeDirtyBuffers();
    // Block 2 of 16 KiB starts at sector 64; bytes 4096..8192 of it are sectors 72..80.
    expect(submits(e, from)).toEqual([
      ["WRITE", 0, 72, 8],
      ["FLUSH", REQ_PREFLUSH, 0, 0],
    ]);
    expect((await e.read("/dev/ram0", 72 * 512, 4096))[5000 - 4096]).toBe(0x5a);
  });

  it("waits for a read in flight instead of reading twice, on virtual time", async () => {
    const { e, c } = await setup("0 8192 delay /dev/ram0 0 2");
    const t0 = e.now;
    const from = e.events.seq;
    const both = Promise.all([c.read(0), c.read(0)]);
    // The test is not a process waiting on the engine: it runs the clock itself.
    await e.settled();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(a.holdCount).toBe(2);
    expect(e.now - t0).toBe(2e6);
    expect(submits(e, from)).toHaveLength(1);
    c.release(a);
    c.release(b);
    expect(c.get(0)).toBe(a);
    c.release(a);
  });

  it("rejects a failed read with EIO and does not keep the buffer", async () => {
    const { c } = await setup("0 8192 error");
    await expect(c.read(3)).rejects.toMatchObject({ errno: "EIO" });
    expect(c.buffers).toBe(0);
    expect(c.get(3)).toBeNull();
  });

  it("reports a failed write once, from writeDirtyBuffers", async () => {
    const { e, c } = await setup("0 8192 linear /dev/ram0 0");
    const b = await c.new(0);
    c.markBufferDirty(b);
    c.release(b);
    e.dm.load("lower", "0 8192 error");
    await e.dm.resume("lower");
    await expect(c.writeDirtyBuffers()).rejects.toMatchObject({ errno: "EIO" });
    e.dm.load("lower", "0 8192 linear /dev/ram0 0");
    await e.dm.resume("lower");
    await expect(c.writeDirtyBuffers()).resolves.toBeUndefined();
  });

  it("refuses what the kernel's BUG_ONs refuse, and logs leaked buffers on destroy", async () => {
    const { e, t, c } = await setup();
    expect(() => t.bufio((t.private as Meta).dev, 1000)).toThrow(DmError);
    const b = await c.read(0);
    expect(() => c.markPartialBufferDirty(b, 10, 10)).toThrow(DmError);
    c.release(b);
    expect(() => c.release(b)).toThrow(DmError);
    const held = await c.read(5);
    c.destroy();
    expect(e.klog.lines.map((l) => l.text)).toContain(
      "device-mapper: bufio: leaked buffer 5, hold count 1, list 0",
    );
    expect(held.holdCount).toBe(1);
    expect(() => c.get(0)).toThrow(DmError);
  });

  it("evicts the least recently used clean buffers beyond its limit", async () => {
    const { t } = await setup();
    const c = t.bufio((t.private as Meta).dev, 4096, { maxBuffers: 2 });
    for (const n of [0, 1, 2]) c.release(await c.read(n));
    expect(c.buffers).toBe(2);
    expect(c.get(0)).toBeNull();
    expect(c.deviceSize).toBe((4096 * 1024) / 4096);
  });
});
