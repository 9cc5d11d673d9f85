import { describe, expect, it } from "vitest";
import { CHUNK_SIZE, Engine } from "../engine/index.ts";
import { DiskReader } from "./diskMap.ts";

function snapshot(engine: Engine) {
  return engine.ramDisks.map((d) => ({
    name: d.name,
    major: d.major,
    minor: d.minor,
    sizeBytes: d.disk.sizeBytes,
    store: d.disk.handle(),
  }));
}

describe("DiskReader", () => {
  it("reads which chunks hold data straight from the engine's shared storage", async () => {
    const engine = new Engine({ seed: 1 });
    engine.loadBrd(2, 1024);
    const reader = new DiskReader(engine.storage.handle());
    reader.setDisks(snapshot(engine));
    // As in the app: the worker announces each new storage segment, the page maps it.
    for (const pool of ["data", "pages"] as const) {
      engine.storage[pool].onSegment = (i, sab) => reader.addSegment(pool, i, sab);
    }
    expect(reader.read("ram0")?.usedCount).toBe(0);

    await engine.write("/dev/ram0", 3 * CHUNK_SIZE + 512, new Uint8Array(512).fill(9));
    await engine.write("/dev/ram1", 0, new Uint8Array(2 * CHUNK_SIZE).fill(1));
    const m0 = reader.read("ram0");
    expect(m0?.chunks).toBe(16);
    expect(m0?.usedCount).toBe(1);
    expect(m0?.used[3]).toBe(1);
    expect(reader.read("ram1")?.usedCount).toBe(2);
    expect(reader.bytes("ram0", 3 * CHUNK_SIZE + 512, 4)).toEqual(new Uint8Array([9, 9, 9, 9]));
    expect(reader.read("nope")).toBeNull();
  });

  it("follows storage segments announced after it was made", async () => {
    const engine = new Engine({ seed: 1 });
    engine.loadBrd(1, 128 * 1024);
    const reader = new DiskReader(engine.storage.handle());
    reader.setDisks(snapshot(engine));
    for (const pool of ["data", "pages"] as const) {
      engine.storage[pool].onSegment = (i, sab) => reader.addSegment(pool, i, sab);
    }
    // 80 chunks: more than one 4 MiB data segment, and a second directory page.
    for (let c = 0; c < 80; c++)
      await engine.write("/dev/ram0", c * 20 * CHUNK_SIZE, new Uint8Array(512));
    expect(reader.read("ram0")?.usedCount).toBe(80);
  });
});
