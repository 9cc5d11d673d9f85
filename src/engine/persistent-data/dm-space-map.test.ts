/**
 * Space maps (dm-space-map-common.ts, dm-space-map-disk.ts, dm-space-map-metadata.ts) against
 * a model of reference counts: incs and decs of ranges crossing bitmap words, counts above 2
 * (the ref count btree and its overflow leaf), set_count, allocation (never a block used in
 * the last committed transaction), commits and reopening from the root.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DmBlockManager } from "./dm-block-manager.ts";
import { SmDisk } from "./dm-space-map-disk.ts";
import { dmTmCreateWithSm, dmTmOpenWithSm } from "./dm-transaction-manager.ts";
import { holder } from "./testkit.ts";
import { DmError } from "../types.ts";

const NR = 20000; // more than one bitmap block (16320 entries each)

type Op =
  | { op: "inc"; b: number; n: number }
  | { op: "dec"; b: number; n: number }
  | { op: "set"; b: number; c: number }
  | { op: "new" }
  | { op: "commit" };

const around = fc.oneof(fc.nat(200), fc.integer({ min: 16250, max: 16400 }), fc.nat(NR - 1));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("inc" as const),
      b: around,
      n: fc.integer({ min: 1, max: 70 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("dec" as const),
      b: around,
      n: fc.integer({ min: 1, max: 70 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("set" as const), b: around, c: fc.nat(6) }) },
  { weight: 3, arbitrary: fc.constant({ op: "new" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "commit" as const }) },
);

async function setup(): Promise<{
  bm: DmBlockManager;
  commit: () => Promise<void>;
  tm: Awaited<ReturnType<typeof dmTmCreateWithSm>>["tm"];
}> {
  const { t, dev } = await holder(16384);
  const bm = new DmBlockManager(t, dev, 4096);
  const { tm } = await dmTmCreateWithSm(bm, 0);
  const commit = async (): Promise<void> => {
    await tm.preCommit();
    const sb = await bm.writeLockZero(0, null);
    await tm.commit(sb);
  };
  return { bm, tm, commit };
}

describe("space maps", () => {
  it("disk space map: counts, frees and allocations match a model; reopens from its root", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 150 }), async (ops) => {
        const { bm, tm, commit } = await setup();
        const sm = await SmDisk.create(tm, NR);
        await sm.commit();
        await commit();
        const counts = new Map<number, number>();
        let committedUsed = new Set<number>();
        const get = (b: number): number => counts.get(b) ?? 0;
        for (const o of ops) {
          if (o.op === "inc") {
            const e = Math.min(NR, o.b + o.n);
            await sm.incBlocks(o.b, e);
            for (let b = o.b; b < e; b++) counts.set(b, get(b) + 1);
          } else if (o.op === "dec") {
            const e = Math.min(NR, o.b + o.n);
            // decrementing a free block is "unable to decrement block" (EINVAL): only used ones
            let end = o.b;
            while (end < e && get(end) > 0) end++;
            if (end === o.b) continue;
            await sm.decBlocks(o.b, end);
            for (let b = o.b; b < end; b++) counts.set(b, get(b) - 1);
          } else if (o.op === "set") {
            await sm.setCount(o.b, o.c);
            counts.set(o.b, o.c);
          } else if (o.op === "new") {
            const b = await sm.newBlock();
            expect(get(b)).toBe(0);
            expect(committedUsed.has(b)).toBe(false);
            counts.set(b, 1);
          } else {
            await sm.commit();
            await commit();
            committedUsed = new Set([...counts].filter(([, c]) => c > 0).map(([b]) => b));
          }
        }
        for (const [b, c] of counts) expect(await sm.getCount(b)).toBe(c);
        expect(await sm.countIsMoreThanOne(0)).toBe(get(0) > 1);
        await sm.commit();
        const used = [...counts.values()].filter((c) => c > 0).length;
        expect(await sm.getNrFree()).toBe(NR - used);
        // reopen from the root after a commit of the metadata
        const root = sm.copyRoot(sm.rootSize());
        await commit();
        const again = await SmDisk.open(tm, root);
        for (const [b, c] of counts) expect(await again.getCount(b)).toBe(c);
        void bm;
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it("metadata space map: its own blocks are counted, survives a reopen, refuses to dec a free block", async () => {
    const { bm, tm, commit } = await setup();
    const sm = tm.sm;
    const free0 = await sm.getNrFree();
    expect(await sm.getNrBlocks()).toBe(4096);
    // format: superblock, index, bitmap, ref count root counted; the old ones freed at commit
    const blocks: number[] = [];
    for (let i = 0; i < 300; i++) blocks.push(await sm.newBlock());
    for (const b of blocks.slice(0, 50)) await sm.incBlocks(b, b + 1);
    for (const b of blocks.slice(0, 10)) await sm.incBlocks(b, b + 1); // count 3: ref count tree
    expect(await sm.getCount(blocks[0]!)).toBe(3);
    expect(await sm.countIsMoreThanOne(blocks[0]!)).toBe(true);
    expect(await sm.countIsMoreThanOne(blocks[200]!)).toBe(false);
    await commit();
    const root = sm.copyRoot(sm.rootSize());
    const { sm: reopened } = await dmTmOpenWithSm(bm, 0, root);
    expect(await reopened.getCount(blocks[0]!)).toBe(3);
    expect(await reopened.getCount(blocks[60]!)).toBe(1);
    expect(free0 - (await reopened.getNrFree())).toBeGreaterThanOrEqual(300);
    const freeBlock = 4000;
    expect(await reopened.getCount(freeBlock)).toBe(0);
    await expect(reopened.decBlocks(freeBlock, freeBlock + 1)).rejects.toThrow(DmError);
    expect(bm.t.type.name).toBe("pdmeta");
  }, 60_000);
});
