/**
 * thin-pool and thin against a model of what each thin device holds: random writes, snapshots
 * and deletes (fast-check), discards with and without passdown, a queued write released by
 * growing the pool, and the metadata checked by thin_check afterwards. The golden files
 * (570-579) hold Linux's outputs; this checks the data.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createShell } from "../../shell/index.ts";
import { Engine } from "../index.ts";
import type { BlockDevice, RamDisk } from "../blockdev.ts";
import {
  decodeSuperblock,
  readDeviceRoots,
  readMappings,
  type ReadMetadataBlock,
} from "../thin-metadata-reader.ts";
import type { BlkStatus } from "../types.ts";

const BLOCK = 128; // sectors: 64 KiB data blocks
const DEV_BLOCKS = 16; // each thin device: 16 blocks (1 MiB)

async function setup(pool = "0 16384 thin-pool /dev/ram0 /dev/ram1 128 0") {
  const e = new Engine({ seed: 7 });
  const sh = createShell(e);
  let out = "";
  const run = async (script: string) => {
    const code = await sh.run(script, { onOutput: (_s, t) => (out += t) });
    return code;
  };
  expect(
    await run(`modprobe brd rd_nr=2 rd_size=16384\ndmsetup create pool --table "${pool}"`),
  ).toBe(0);
  const dev = (name: string): BlockDevice => e.lookup(`/dev/mapper/${name}`)!;
  const io = async (
    name: string,
    op: "READ" | "WRITE" | "DISCARD",
    sector: number,
    data: Uint8Array | null,
    sectors?: number,
  ): Promise<BlkStatus> => e.io(dev(name), op, sector, data, sectors);
  return { e, run, io, output: () => out };
}

/** A block's contents for write number `n` (every sector stamped with it). */
function pattern(n: number, sectors: number): Uint8Array {
  const b = new Uint8Array(sectors * 512);
  for (let i = 0; i < b.length; i += 4) new DataView(b.buffer).setUint32(i, n * 1000003 + i);
  return b;
}

type Op =
  | { kind: "write"; dev: number; block: number; offset: number; sectors: number }
  | { kind: "snap"; dev: number }
  | { kind: "delete"; dev: number };

describe("thin devices hold what was written to them", () => {
  it("random writes, snapshots and deletes against a model of every device", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            {
              weight: 8,
              arbitrary: fc.record({
                kind: fc.constant("write" as const),
                dev: fc.nat(3),
                block: fc.nat(DEV_BLOCKS - 1),
                offset: fc.nat(BLOCK - 8),
                sectors: fc.constantFrom(8, 16, BLOCK),
              }),
            },
            {
              weight: 1,
              arbitrary: fc.record({ kind: fc.constant("snap" as const), dev: fc.nat(3) }),
            },
            {
              weight: 1,
              arbitrary: fc.record({ kind: fc.constant("delete" as const), dev: fc.nat(3) }),
            },
          ),
          { minLength: 5, maxLength: 25 },
        ),
        async (ops: Op[]) => {
          const t = await setup();
          // The model: device id -> the bytes it should hold.
          const size = DEV_BLOCKS * BLOCK * 512;
          const model = new Map<number, Uint8Array>();
          let nextId = 0;
          const active: number[] = [];
          const create = async (id: number) => {
            expect(
              await t.run(
                `dmsetup create t${id} --table "0 ${DEV_BLOCKS * BLOCK} thin /dev/mapper/pool ${id}"`,
              ),
            ).toBe(0);
            active.push(id);
          };
          expect(await t.run("dmsetup message pool 0 create_thin 0")).toBe(0);
          model.set(0, new Uint8Array(size));
          await create(nextId++);
          let n = 1;
          for (const op of ops) {
            const id = active[op.dev % active.length];
            if (id === undefined) break;
            if (op.kind === "write") {
              const sector = op.block * BLOCK + Math.min(op.offset, BLOCK - op.sectors);
              const aligned = op.sectors === BLOCK ? op.block * BLOCK : sector;
              expect(await t.io(`t${id}`, "WRITE", aligned, pattern(n, op.sectors))).toBe("OK");
              model.get(id)!.set(pattern(n, op.sectors), aligned * 512);
              n++;
            } else if (op.kind === "snap") {
              const snap = nextId++;
              expect(
                await t.run(
                  `dmsetup suspend t${id}; dmsetup message pool 0 create_snap ${snap} ${id}; dmsetup resume t${id}`,
                ),
              ).toBe(0);
              model.set(snap, model.get(id)!.slice());
              await create(snap);
            } else if (active.length > 1) {
              expect(
                await t.run(`dmsetup remove t${id}; dmsetup message pool 0 delete ${id}`),
              ).toBe(0);
              active.splice(active.indexOf(id), 1);
              model.delete(id);
            }
          }
          for (const id of active) {
            const got = new Uint8Array(size);
            expect(await t.io(`t${id}`, "READ", 0, got)).toBe("OK");
            expect(Buffer.compare(Buffer.from(got), Buffer.from(model.get(id)!)), `t${id}`).toBe(0);
          }
          // The metadata Linux's tool would accept, after the pool is gone.
          let out = "";
          await t.run(
            `for d in ${active.map((id) => `t${id}`).join(" ")}; do dmsetup remove $d; done; dmsetup remove pool`,
          );
          const sh = createShell(t.e);
          expect(await sh.run("thin_check /dev/ram0", { onOutput: (_s, x) => (out += x) })).toBe(0);
          expect(out).toContain("checking space map counts");
        },
      ),
      { numRuns: 25, seed: 42 },
    );
  }, 240_000);
});

describe("discards", () => {
  for (const features of ["", " 1 no_discard_passdown"]) {
    it(`unmap whole blocks${features ? " without passdown" : " (passdown)"}, and reads see zeroes`, async () => {
      const t = await setup(`0 16384 thin-pool /dev/ram0 /dev/ram1 128 0${features}`);
      expect(
        await t.run(
          'dmsetup message pool 0 create_thin 0\ndmsetup create t0 --table "0 8192 thin /dev/mapper/pool 0"',
        ),
      ).toBe(0);
      expect(await t.io("t0", "WRITE", 0, pattern(1, 4 * BLOCK))).toBe("OK");
      // Blocks 1 and 2 whole, and half of block 3 (left mapped).
      expect(await t.io("t0", "DISCARD", BLOCK, null, 2 * BLOCK + 64)).toBe("OK");
      expect(await t.run("dmsetup status t0 pool")).toBe(0);
      expect(t.output()).toContain("0 8192 thin 256 511\n");
      expect(t.output()).toMatch(/thin-pool 0 \d+\/4096 2\/128 /);
      const got = new Uint8Array(4 * BLOCK * 512);
      expect(await t.io("t0", "READ", 0, got)).toBe("OK");
      expect(got.subarray(BLOCK * 512, 3 * BLOCK * 512).every((x) => x === 0)).toBe(true);
      expect(
        Buffer.compare(
          Buffer.from(got.subarray(3 * BLOCK * 512)),
          Buffer.from(pattern(1, 4 * BLOCK).subarray(3 * BLOCK * 512)),
        ),
      ).toBe(0);
    });
  }
});

/** Reload the 2-block pool of `fullPoolWithQueuedWrite` with 4 blocks, suspend and resume it. */
const GROW_POOL =
  'dmsetup reload pool --table "0 512 thin-pool /dev/ram0 /dev/ram1 128 0"\ndmsetup suspend pool\ndmsetup resume pool';

/**
 * A pool of 2 data blocks in queue mode, both used by thin device t0, and a 4 KiB write to t0
 * waiting for a third (queued until the pool grows or no_space_timeout passes).
 */
async function fullPoolWithQueuedWrite() {
  const t = await setup("0 256 thin-pool /dev/ram0 /dev/ram1 128 0");
  expect(
    await t.run(
      'dmsetup message pool 0 create_thin 0\ndmsetup create t0 --table "0 8192 thin /dev/mapper/pool 0"',
    ),
  ).toBe(0);
  expect(await t.io("t0", "WRITE", 0, pattern(1, 2 * BLOCK))).toBe("OK");
  const queued: { status: BlkStatus | null; done: Promise<unknown> } = {
    status: null,
    done: Promise.resolve(),
  };
  queued.done = t.io("t0", "WRITE", 4 * BLOCK, pattern(2, 8)).then((s) => (queued.status = s));
  return { t, queued };
}

describe("out of data space, queueing", () => {
  it("holds a write that needs a block until the pool grows", async () => {
    const { t, queued } = await fullPoolWithQueuedWrite();
    // Grow before anything drives the clock to the 60 s timeout: the held write goes through.
    expect(await t.run(GROW_POOL)).toBe(0);
    await queued.done;
    expect(queued.status).toBe("OK");
    expect(t.e.now).toBeLessThan(60e9);
    expect(await t.run("dmsetup status t0")).toBe(0);
    expect(t.output()).toContain("0 8192 thin 384 639\n");
  });
});

describe("a suspended pool suspends its thin devices (pool_suspend_active_thins)", () => {
  it("holds a thin write at the thin device, unseen by dmsetup info, until the pool resumes", async () => {
    const t = await setup();
    expect(
      await t.run(
        'dmsetup message pool 0 create_thin 0\ndmsetup create t0 --table "0 8192 thin /dev/mapper/pool 0"\ndmsetup suspend pool',
      ),
    ).toBe(0);
    const md = t.e.lookup("/dev/mapper/t0") as unknown as {
      suspended: boolean;
      suspendedInternally: boolean;
      deferred: unknown[];
    };
    expect(md.suspendedInternally).toBe(true);
    expect(md.suspended).toBe(false);
    let status: BlkStatus | null = null;
    const pending = t.io("t0", "WRITE", 0, pattern(1, 8)).then((s) => (status = s));
    // A user suspend of the thin device waits for the pool's resume (dm_suspend's wait_on_bit).
    let suspended = false;
    const userSuspend = t.e.dm.suspend("t0").then(() => (suspended = true));
    await t.e.settled();
    expect(status).toBeNull();
    expect(md.deferred.length).toBe(1);
    expect(suspended).toBe(false);
    expect(await t.run("dmsetup info -c -o name,attr t0")).toBe(0);
    expect(t.output()).toContain("t0               L--w\n");
    expect(await t.run("dmsetup resume pool")).toBe(0);
    await userSuspend;
    await pending;
    expect(status).toBe("OK");
    expect(md.suspended).toBe(true);
    expect(md.suspendedInternally).toBe(false);
    expect(await t.run("dmsetup resume t0\ndmsetup status t0")).toBe(0);
    expect(t.output()).toContain("0 8192 thin 128 127\n");
  });

  it("a noflush suspend of a thin device requeues a write waiting for space (do_noflush_start)", async () => {
    const { t, queued } = await fullPoolWithQueuedWrite();
    // Suspending with noflush does not wait for the queued write: it goes back to the device.
    expect(await t.run("dmsetup suspend --noflush t0")).toBe(0);
    expect(queued.status).toBeNull();
    expect(t.e.now).toBeLessThan(60e9);
    expect(await t.run(`${GROW_POOL}\ndmsetup resume t0`)).toBe(0);
    await queued.done;
    expect(queued.status).toBe("OK");
    expect(await t.run("dmsetup status t0")).toBe(0);
    expect(t.output()).toContain("0 8192 thin 384 639\n");
  });
});

describe("commits", () => {
  it("the periodic commit writes new mappings to the metadata device within a second", async () => {
    const t = await setup();
    expect(
      await t.run(
        'dmsetup message pool 0 create_thin 0\ndmsetup create t0 --table "0 8192 thin /dev/mapper/pool 0"',
      ),
    ).toBe(0);
    const ram0 = t.e.lookup("/dev/ram0") as RamDisk;
    const read: ReadMetadataBlock = (b) => {
      const out = new Uint8Array(4096);
      ram0.disk.read(b * 4096, out);
      return out;
    };
    const onDisk = (): number[] => {
      const sb = decodeSuperblock(read(0));
      const root = readDeviceRoots(read, sb).get(0);
      return root === undefined ? [] : readMappings(read, root).map((m) => m.virt);
    };
    expect(await t.io("t0", "WRITE", 3 * BLOCK, pattern(1, 8))).toBe("OK");
    // Not committed yet: the write's mapping is in the pool's transaction only.
    expect(onDisk()).toEqual([]);
    await t.e.sleep(2e9);
    expect(onDisk()).toEqual([3]);
  });
});
