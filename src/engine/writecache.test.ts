import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutPower } from "./powercut.ts";
import { REQ_FUA, REQ_PREFLUSH } from "./types.ts";
import { setWriteCache } from "./writecache.ts";
import { createDevice, engineWithDisks } from "./test/helpers.ts";
import type { Engine } from "./engine.ts";
import type { RamDisk } from "./blockdev.ts";

const SECTORS = 64; // the part of ram0 the model exercises

type Op =
  | { kind: "write"; sector: number; n: number; fua: boolean; preflush: boolean; fill: number }
  | { kind: "flush" }
  | { kind: "discard"; sector: number; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("write" as const),
      sector: fc.nat(SECTORS - 8),
      n: fc.integer({ min: 1, max: 8 }),
      fua: fc.boolean(),
      preflush: fc.boolean(),
      fill: fc.integer({ min: 1, max: 255 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "flush" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("discard" as const),
      sector: fc.nat(SECTORS - 8),
      n: fc.integer({ min: 1, max: 8 }),
    }),
  },
);

/**
 * The reference: per sector, the durable byte (what a flush or FUA put on the medium) and the
 * latest byte with the write that set it (what a reader sees). A discard changes nothing: brd
 * takes none (discard_max_bytes 0), so submit_bio_noacct fails it with NOTSUPP.
 */
class Reference {
  durable = new Array<number>(SECTORS).fill(0);
  latest = new Array<number>(SECTORS).fill(0);
  /** Write number of a cached (not durable) sector's latest data, or 0. */
  cachedBy = new Array<number>(SECTORS).fill(0);
  #writes = 0;

  flush(): void {
    for (let s = 0; s < SECTORS; s++) this.durable[s] = this.latest[s]!;
    this.cachedBy.fill(0);
  }

  apply(op: Op): void {
    switch (op.kind) {
      case "flush":
        this.flush();
        return;
      case "discard":
        return;
      case "write": {
        if (op.preflush) this.flush();
        const w = ++this.#writes;
        for (let s = op.sector; s < op.sector + op.n; s++) {
          this.latest[s] = op.fill;
          if (op.fua) {
            this.durable[s] = op.fill;
            this.cachedBy[s] = 0;
          } else this.cachedBy[s] = w;
        }
      }
    }
  }
}

async function run(e: Engine, op: Op): Promise<void> {
  const d = e.lookup("/dev/ram0")!;
  switch (op.kind) {
    case "flush":
      expect(await e.io(d, "WRITE", 0, null, 0, REQ_PREFLUSH)).toBe("OK");
      return;
    case "discard":
      expect(await e.io(d, "DISCARD", op.sector, null, op.n)).toBe("NOTSUPP");
      return;
    case "write": {
      const flags = (op.fua ? REQ_FUA : 0) | (op.preflush ? REQ_PREFLUSH : 0);
      const data = new Uint8Array(op.n * 512).fill(op.fill);
      expect(await e.io(d, "WRITE", op.sector, data, undefined, flags)).toBe("OK");
    }
  }
}

/** The first byte of each sector of the model's range (every write fills whole sectors). */
async function sectorBytes(e: Engine): Promise<number[]> {
  const b = await e.read("/dev/ram0", 0, SECTORS * 512);
  return Array.from({ length: SECTORS }, (_, s) => b[s * 512]!);
}

function cachedEngine(seed = 1): Engine {
  const e = engineWithDisks(1, 4096, seed);
  setWriteCache(e, e.ramDisks[0]!, true);
  return e;
}

describe("the volatile write cache against a reference", () => {
  it("reads see the latest data; after a power cut the disk holds exactly what was made durable", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), async (ops) => {
        const e = cachedEngine();
        const ref = new Reference();
        for (const op of ops) {
          await run(e, op);
          ref.apply(op);
        }
        expect(await sectorBytes(e)).toEqual(ref.latest);
        expect(e.ramDisks[0]!.cache!.cachedSectors).toBe(ref.cachedBy.filter((w) => w).length);
        cutPower(e);
        expect(await sectorBytes(e)).toEqual(ref.durable);
      }),
      { numRuns: 150 },
    );
  });

  it("with --reorder a sector is its durable or its latest data, and a write survives whole (torn with --tear)", async () => {
    for (const tear of [false, true]) {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), fc.nat(1000), async (ops, seed) => {
          const e = cachedEngine(seed);
          const ref = new Reference();
          for (const op of ops) {
            await run(e, op);
            ref.apply(op);
          }
          const r = cutPower(e, { reorder: true, tear });
          const after = await sectorBytes(e);
          const survived = new Map<number, boolean>();
          let kept = 0;
          for (let s = 0; s < SECTORS; s++) {
            const w = ref.cachedBy[s]!;
            if (w === 0) {
              expect(after[s]).toBe(ref.durable[s]);
              continue;
            }
            const reached = after[s] === ref.latest[s] && ref.latest[s] !== ref.durable[s];
            const lostIt = after[s] === ref.durable[s];
            expect(reached || lostIt).toBe(true);
            if (ref.latest[s] !== ref.durable[s]) {
              if (reached) kept++;
              if (!tear) {
                const seen = survived.get(w);
                if (seen !== undefined) expect(reached).toBe(seen);
                survived.set(w, reached);
              }
            }
          }
          expect(r.disks[0]!.kept).toBeGreaterThanOrEqual(kept);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("is seeded: the same seed keeps the same sectors", async () => {
    const outcome = async (seed: number) => {
      const e = cachedEngine(seed);
      for (let i = 0; i < 32; i++)
        await run(e, {
          kind: "write",
          sector: i * 2,
          n: 2,
          fua: false,
          preflush: false,
          fill: i + 1,
        });
      cutPower(e, { reorder: true });
      return sectorBytes(e);
    };
    expect(await outcome(5)).toEqual(await outcome(5));
    expect(await outcome(5)).not.toEqual(await outcome(6));
  });
});

describe("powercut", () => {
  it("drops tables, loop bindings, page cache and the log; RAM disks keep what was durable", async () => {
    const e = cachedEngine();
    e.loadBrd(); // loaded already: nothing changes
    await createDevice(e, "lin", "0 4096 linear /dev/ram0 0");
    const lin = new Uint8Array(512).fill(9);
    await e.write("/dev/mapper/lin", 0, lin); // cached
    await e.io(
      e.lookup("/dev/mapper/lin")!,
      "WRITE",
      8,
      new Uint8Array(512).fill(7),
      undefined,
      REQ_FUA,
    );
    e.load.start({ device: "/dev/mapper/lin", rate: 1000 });
    const r = cutPower(e);
    expect(r.devices).toEqual(["lin"]);
    // the write through lin, and what the generator's first bios left in the cache
    expect(r.disks[0]!.lost).toBeGreaterThanOrEqual(1);
    expect(r.disks[0]!.kept).toBe(0);
    expect(e.dm.list()).toEqual([]);
    expect(e.lookup("/dev/mapper/lin")).toBeUndefined();
    expect(e.load.list().every((g) => !g.running)).toBe(true);
    expect(e.klog.lines).toEqual([]);
    expect(e.clock.pending).toBe(0);
    const disk = e.ramDisks[0] as RamDisk;
    expect(disk.openCount).toBe(0);
    expect(disk.cache).not.toBeNull(); // the disk's setting survives
    const back = await e.read("/dev/ram0", 0, 16 * 512);
    expect(back[0]).toBe(0); // the cached write is gone
    expect(back[8 * 512]).toBe(7); // the FUA write stayed
    // tables can be made again, as after a reboot
    await createDevice(e, "lin", "0 4096 linear /dev/ram0 0");
    expect((await e.read("/dev/mapper/lin", 8 * 512, 512))[0]).toBe(7);
  });
});
