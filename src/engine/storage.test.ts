import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CHUNK_SIZE, SparseDisk, Storage } from "./storage.ts";
import { sameBytes } from "./test/helpers.ts";

const TiB = 2 ** 40;
const MiB = 2 ** 20;

describe("SparseDisk", () => {
  it("reads zeros from unwritten space without allocating", () => {
    const s = new Storage();
    const d = new SparseDisk(s, TiB);
    const buf = new Uint8Array(8192).fill(0xaa);
    d.read(TiB - 8192, buf);
    expect(buf.every((b) => b === 0)).toBe(true);
    expect(s.data.allocatedBlocks).toBe(0);
    expect(s.reservedBytes).toBe(0);
  });

  it("allocates a chunk on first write and reads back across chunk boundaries", () => {
    const s = new Storage();
    const d = new SparseDisk(s, 16 * MiB);
    const src = Uint8Array.from({ length: 3 * CHUNK_SIZE }, (_, i) => (i * 7) & 0xff);
    d.write(CHUNK_SIZE / 2, src);
    expect(s.data.allocatedBlocks).toBe(4);
    const out = new Uint8Array(src.length);
    d.read(CHUNK_SIZE / 2, out);
    expect(sameBytes(out, src)).toBe(true);
    expect([...d.allocatedChunks()]).toEqual([0, 1, 2, 3]);
  });

  it("a 1 TiB disk with 64 MiB written costs about 64 MiB", () => {
    const s = new Storage();
    const d = new SparseDisk(s, TiB);
    const block = new Uint8Array(MiB).fill(1);
    // 64 MiB in 1 MiB pieces spread over the whole disk.
    for (let i = 0; i < 64; i++) d.write(Math.floor((i * TiB) / 64), block);
    const cost = s.reservedBytes + d.l1.byteLength;
    expect(cost).toBeGreaterThanOrEqual(64 * MiB);
    expect(cost).toBeLessThan(72 * MiB);
  });

  it("zeroing whole chunks frees them; partial zeroing writes zeros", () => {
    const s = new Storage();
    const d = new SparseDisk(s, 16 * MiB);
    d.write(0, new Uint8Array(4 * CHUNK_SIZE).fill(9));
    d.zero(100, 2 * CHUNK_SIZE);
    // chunk 1 fully covered: freed; chunks 0 and 2 partially: kept.
    expect([...d.allocatedChunks()]).toEqual([0, 2, 3]);
    const out = new Uint8Array(4 * CHUNK_SIZE);
    d.read(0, out);
    expect(out.subarray(0, 100).every((b) => b === 9)).toBe(true);
    expect(out.subarray(100, 100 + 2 * CHUNK_SIZE).every((b) => b === 0)).toBe(true);
    expect(out.subarray(100 + 2 * CHUNK_SIZE).every((b) => b === 9)).toBe(true);
    // A freed block is reused by the next allocation.
    const before = s.data.handle().segments.length;
    d.write(8 * CHUNK_SIZE, new Uint8Array(1));
    expect(s.data.handle().segments.length).toBe(before);
  });

  it("can be handed to another owner through its buffers", () => {
    const s = new Storage();
    const d = new SparseDisk(s, 64 * MiB);
    d.write(5 * CHUNK_SIZE + 3, new Uint8Array([1, 2, 3]));
    // What a restarted worker or the UI gets: the same SharedArrayBuffers.
    const s2 = new Storage(s.handle());
    const d2 = new SparseDisk(s2, 64 * MiB, d.handle());
    const out = new Uint8Array(3);
    d2.read(5 * CHUNK_SIZE + 3, out);
    expect([...out]).toEqual([1, 2, 3]);
    expect(s.handle().data.segments[0]).toBeInstanceOf(SharedArrayBuffer);
    // The reattached owner rebuilds its free list and keeps allocating past what is in use.
    const used = new Set<number>();
    const pages = new Set<number>();
    d2.usedRefs(used, pages);
    s2.data.rebuildFreeList(used);
    d2.write(0, new Uint8Array([9]));
    d2.read(5 * CHUNK_SIZE + 3, out);
    expect([...out]).toEqual([1, 2, 3]);
  });

  it("behaves like a flat byte array for any sequence of writes and zeroes", () => {
    const size = 6 * CHUNK_SIZE;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            zero: fc.boolean(),
            off: fc.nat(size - 1),
            len: fc.integer({ min: 1, max: 2 * CHUNK_SIZE }),
            val: fc.integer({ min: 1, max: 255 }),
          }),
          { maxLength: 20 },
        ),
        (ops) => {
          const s = new Storage();
          const d = new SparseDisk(s, size);
          const model = new Uint8Array(size);
          for (const op of ops) {
            const len = Math.min(op.len, size - op.off);
            if (op.zero) {
              d.zero(op.off, len);
              model.fill(0, op.off, op.off + len);
            } else {
              d.write(op.off, new Uint8Array(len).fill(op.val));
              model.fill(op.val, op.off, op.off + len);
            }
          }
          const out = new Uint8Array(size);
          d.read(0, out);
          expect(sameBytes(out, model)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
