/**
 * dm-thin-metadata against a model of each thin device's mappings: random thin creation,
 * snapshots, provisioning, overwrites, range removals, deletes, commits and aborts. Checked:
 * every lookup, the mapped counts, which data blocks the data space map counts as used (exactly
 * those some device maps), and that deleting everything gives back every metadata block.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dmPoolAbortMetadata,
  dmPoolAllocDataBlock,
  dmPoolBlockIsShared,
  dmPoolCloseThin,
  dmPoolCommitMetadata,
  dmPoolCreateSnap,
  dmPoolCreateThin,
  dmPoolDeleteThinDevice,
  dmPoolGetFreeBlockCount,
  dmPoolGetFreeMetadataBlockCount,
  type DmPoolMetadata,
  dmPoolMetadataClose,
  dmPoolMetadataOpen,
  dmPoolMetadataSetReadOnly,
  dmPoolOpenThin,
  dmPoolResizeDataDev,
  dmThinFindBlock,
  dmThinFindMappedRange,
  dmThinGetHighestMappedBlock,
  dmThinGetMappedCount,
  dmThinInsertBlock,
  dmThinRemoveRange,
} from "./dm-thin-metadata.ts";
import { holder } from "./persistent-data/testkit.ts";
import { DmError } from "./types.ts";

type Op =
  | { op: "create"; id: number }
  | { op: "snap"; id: number; origin: number }
  | { op: "delete"; id: number }
  | { op: "write"; id: number; v: number }
  | { op: "discard"; id: number; v: number; n: number }
  | { op: "commit" }
  | { op: "abort" };

const IDS = 3;
const VBLOCKS = 400;
const DATA_BLOCKS = 1024;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant("create" as const), id: fc.nat(IDS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("snap" as const),
      id: fc.nat(IDS),
      origin: fc.nat(IDS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), id: fc.nat(IDS) }) },
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant("write" as const),
      id: fc.nat(IDS),
      v: fc.nat(VBLOCKS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("discard" as const),
      id: fc.nat(IDS),
      v: fc.nat(VBLOCKS),
      n: fc.nat(60),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: "commit" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "abort" as const }) },
);

type Model = Map<number, Map<number, number>>;
const clone = (m: Model): Model => new Map([...m].map(([id, d]) => [id, new Map(d)]));

async function errno(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    return err instanceof DmError ? err.errno : String(err);
  }
}

async function check(pmd: DmPoolMetadata, model: Model): Promise<void> {
  const used = new Set<number>();
  for (const [id, maps] of model) {
    const td = await dmPoolOpenThin(pmd, id);
    expect(await dmThinGetMappedCount(td)).toBe(maps.size);
    for (const [v, b] of maps) {
      expect((await dmThinFindBlock(td, v, true)).block).toBe(b);
      used.add(b);
    }
    const hi = await dmThinGetHighestMappedBlock(td);
    expect(hi).toBe(maps.size ? Math.max(...maps.keys()) : null);
    if (maps.size) {
      const first = Math.min(...maps.keys());
      const range = await dmThinFindMappedRange(td, 0, VBLOCKS + 1);
      expect(range.thinBegin).toBe(first);
      expect(range.poolBegin).toBe(maps.get(first));
    } else expect(await errno(dmThinFindMappedRange(td, 0, VBLOCKS + 1))).toBe("ENODATA");
    await dmPoolCloseThin(td);
  }
  expect(DATA_BLOCKS - (await dmPoolGetFreeBlockCount(pmd))).toBe(used.size);
  for (const b of used) expect(await errno(dmPoolBlockIsShared(pmd, b))).toBe("ok");
}

describe("dm-thin-metadata (model)", () => {
  it("keeps every thin device's mappings and the data block counts under random operations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 50, maxLength: 500 }), async (ops) => {
        const { t, dev } = await holder(16384);
        let pmd = await dmPoolMetadataOpen(t, dev, 128, true);
        await dmPoolResizeDataDev(pmd, DATA_BLOCKS);
        await dmPoolCommitMetadata(pmd);
        const baseline = await dmPoolGetFreeMetadataBlockCount(pmd);
        let model: Model = new Map();
        let committed: Model = new Map();
        // pool_message commits after each message (a create of an uncommitted id would find
        // no details and overwrite the device: dm-thin never lets that happen)
        const messageCommit = async (): Promise<void> => {
          await dmPoolCommitMetadata(pmd);
          committed = clone(model);
        };
        for (const o of ops) {
          if (o.op === "create") {
            const r = await errno(dmPoolCreateThin(pmd, o.id));
            expect(r).toBe(model.has(o.id) ? "EEXIST" : "ok");
            if (r === "ok") model.set(o.id, new Map());
            await messageCommit();
          } else if (o.op === "snap") {
            const want = model.has(o.id) ? "EEXIST" : model.has(o.origin) ? "ok" : "ENODATA";
            expect(await errno(dmPoolCreateSnap(pmd, o.id, o.origin))).toBe(want);
            if (want === "ok") model.set(o.id, new Map(model.get(o.origin)));
            await messageCommit();
          } else if (o.op === "delete") {
            const r = await errno(dmPoolDeleteThinDevice(pmd, o.id));
            expect(r).toBe(model.has(o.id) ? "ok" : "ENODATA");
            model.delete(o.id);
            await messageCommit();
          } else if (o.op === "write" || o.op === "discard") {
            const maps = model.get(o.id);
            if (!maps) continue;
            const td = await dmPoolOpenThin(pmd, o.id);
            if (o.op === "write") {
              // dm-thin provisions a block, or breaks sharing, with a new data block
              const b = await dmPoolAllocDataBlock(pmd);
              await dmThinInsertBlock(td, o.v, b);
              maps.set(o.v, b);
            } else {
              await dmThinRemoveRange(td, o.v, o.v + o.n);
              for (const v of [...maps.keys()]) if (v >= o.v && v < o.v + o.n) maps.delete(v);
            }
            await dmPoolCloseThin(td);
          } else if (o.op === "commit") {
            await dmPoolCommitMetadata(pmd);
            committed = clone(model);
          } else {
            // dm-thin aborts on a metadata error and goes read-only (no commit at close);
            // the pool is then reloaded: the metadata is opened again
            await dmPoolAbortMetadata(pmd);
            dmPoolMetadataSetReadOnly(pmd);
            await dmPoolMetadataClose(pmd);
            pmd = await dmPoolMetadataOpen(t, dev, 128, false);
            model = clone(committed);
          }
        }
        await check(pmd, model);
        await dmPoolCommitMetadata(pmd);
        for (const id of model.keys()) await dmPoolDeleteThinDevice(pmd, id);
        await dmPoolCommitMetadata(pmd);
        await dmPoolCommitMetadata(pmd);
        expect(await dmPoolGetFreeBlockCount(pmd)).toBe(DATA_BLOCKS);
        expect(await dmPoolGetFreeMetadataBlockCount(pmd)).toBe(baseline);
        await dmPoolMetadataClose(pmd);
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
