/** Loop devices over sparse files (loop.ts, shmem.ts). */

import { describe, expect, it } from "vitest";
import { Engine } from "./engine.ts";
import { MAX_SHMEM_FILE_SIZE, ShmemFile, ShmemSizeError } from "./shmem.ts";
import { createDevice } from "./test/helpers.ts";
import { DmError } from "./types.ts";

describe("shmem files", () => {
  it("are sparse: a huge size costs nothing until written, holes read as zeros", () => {
    const e = new Engine();
    const f = new ShmemFile(e.storage, "/tmp/f", 0);
    f.truncate(64 * 2 ** 30);
    expect(f.size).toBe(64 * 2 ** 30);
    expect(f.allocatedBytes).toBe(0);
    f.write(40 * 2 ** 30 + 3, new Uint8Array([1, 2, 3]));
    expect(f.allocatedBytes).toBe(65536);
    const b = new Uint8Array(6);
    f.read(40 * 2 ** 30, b);
    expect(Array.from(b)).toEqual([0, 0, 0, 1, 2, 3]);
    // Zeros written over a hole stay a hole.
    f.write(0, new Uint8Array(65536));
    expect(f.allocatedBytes).toBe(65536);
    // Shrinking drops what lies past the end; growing again reads zeros there.
    f.truncate(40 * 2 ** 30 + 4);
    f.truncate(64 * 2 ** 30);
    f.read(40 * 2 ** 30, b);
    expect(Array.from(b)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(() => f.truncate(MAX_SHMEM_FILE_SIZE + 2)).toThrow(ShmemSizeError);
  });
});

describe("loop devices", () => {
  it("map a file from an offset, up to a size limit, in a dm table", async () => {
    const e = new Engine();
    e.loop.load();
    expect(e.loop.list().map((d) => d.name)).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `loop${i}`),
    );
    const f = new ShmemFile(e.storage, "/tmp/disk.img", 8 << 20);
    const lo = e.loop.getFree();
    expect(lo.sizeSectors).toBe(0);
    e.loop.configure(lo, f, "/tmp/disk.img", { offset: 1 << 20, sizelimit: 4 << 20 });
    expect(lo.sizeSectors).toBe(8192);
    expect(e.loop.getFree().name).toBe("loop1");
    // The page sees a disk appear (docs/events.md).
    const made = e.events.since(0).filter((v) => v.kind === "disk_create");
    expect(made.map((v) => [v.text, v.sectors])).toEqual([["loop0", 8192]]);
    // A file that grows changes the device only on LOOP_SET_CAPACITY (and not past sizelimit).
    f.truncate(16 << 20);
    expect(lo.sizeSectors).toBe(8192);
    e.loop.configure(e.loop.getFree(), f, "/tmp/disk.img");
    const whole = e.loop.get(1)!;
    expect(whole.sizeSectors).toBe(32768);
    f.truncate(32 << 20);
    e.loop.setCapacity(whole);
    expect(whole.sizeSectors).toBe(65536);
    e.loop.clear(whole);
    await createDevice(e, "l", "0 8192 linear /dev/loop0 0");
    const data = new Uint8Array(4096).fill(0x5a);
    await e.write("/dev/mapper/l", 4096, data);
    const back = new Uint8Array(4096);
    f.read((1 << 20) + 4096, back);
    expect(back.every((x) => x === 0x5a)).toBe(true);
    // Held by the table: detach only marks it, and it goes when the table lets go.
    e.loop.clear(lo);
    expect(lo.bound).toBe(true);
    expect(lo.autoclear).toBe(true);
    e.dm.remove("l");
    e.loop.release();
    expect(lo.bound).toBe(false);
    expect(() => e.loop.clear(lo)).toThrow(DmError);
    // An unbound loop device fails I/O.
    await expect(e.read("/dev/loop0", 0, 512)).rejects.toMatchObject({ errno: "EIO" });
  });
});
