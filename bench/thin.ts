/**
 * Thin provisioning: 4 KiB random writes to a thin volume next to linear, in the same run, in
 * Node. A pool of 64 KiB blocks (128 sectors, block zeroing on, as `lvcreate --thin` makes it)
 * over RAM disks, one 256 MiB thin volume (4,096 blocks), and a linear device of the same size:
 *   - provisioning: one 4 KiB write into each block, blocks in random order, each at a random
 *     4 KiB offset inside its block: every write allocates a data block, zeroes the other 60 KiB
 *     (the pool's own bios) and inserts the mapping (dm-thin.c provision_block, schedule_zero,
 *     process_prepared_mapping);
 *   - overwrites: 16,384 4 KiB writes at random 4 KiB offsets of the now mapped volume (a lookup
 *     in the non-blocking btree clone, then a remap: thin_bio_map);
 *   - after a snapshot (create_snap): one 4 KiB write into each block again, now shared with the
 *     snapshot: every write breaks sharing (allocates, copies the 64 KiB block, inserts).
 * Linear gets the same offsets in the same round. Bios are submitted all at once and the engine
 * settled; a round ends with a flush (the pool commits its metadata). Figures are bios per wall
 * second, medians of ROUNDS rounds (each on a fresh engine), printed, not asserted.
 *
 *   npm run bench -- thin
 */

import { Bio, Engine, REQ_PREFLUSH } from "../src/engine/index.ts";
import type { BlockDevice } from "../src/engine/index.ts";

const BLOCK_SECTORS = 128; // 64 KiB pool blocks
const BLOCKS = 4096; // 256 MiB thin volume
const SIZE = BLOCKS * BLOCK_SECTORS; // sectors
const OVERWRITES = 16_384;
const ROUNDS = 3;

async function mk(e: Engine, name: string, table: string): Promise<BlockDevice> {
  e.dm.create(name);
  await e.dm.loadAsync(name, table);
  await e.dm.resume(name);
  return e.dm.byName(name)!;
}

/** A seeded linear congruential generator (numbers in [0, n)). */
function rng(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % n;
  };
}

/** Sector offsets (4 KiB aligned) of one write into each block, blocks in random order. */
function onePerBlock(seed: number): number[] {
  const r = rng(seed);
  const blocks = Array.from({ length: BLOCKS }, (_, i) => i);
  for (let i = BLOCKS - 1; i > 0; i--) {
    const j = r(i + 1);
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  return blocks.map((b) => b * BLOCK_SECTORS + r(BLOCK_SECTORS / 8) * 8);
}

/** Sector offsets of n 4 KiB writes anywhere in the volume. */
function anywhere(seed: number, n: number): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => r(SIZE / 8) * 8);
}

/** Submit every write at once, settle, then a flush; bios per wall second. */
async function writes(e: Engine, bdev: BlockDevice, sectors: number[]): Promise<number> {
  const data = new Uint8Array(4096).fill(0x5a);
  let done = 0;
  let failed = 0;
  const onEnd = (b: Bio): void => {
    done++;
    if (b.status !== "OK") failed++;
  };
  const t0 = performance.now();
  for (const s of sectors) e.submitBio(new Bio(e, "WRITE", bdev, s, 8, data, 0, null, onEnd));
  await e.settled();
  e.submitBio(new Bio(e, "FLUSH", bdev, 0, 0, null, REQ_PREFLUSH, null, onEnd));
  await e.settled();
  const secs = (performance.now() - t0) / 1000;
  if (done !== sectors.length + 1 || failed)
    throw new Error(`${done} of ${sectors.length + 1} done, ${failed} failed`);
  return sectors.length / secs;
}

interface Round {
  linProvision: number;
  thinProvision: number;
  linOverwrite: number;
  thinOverwrite: number;
  linShared: number;
  thinShared: number;
  status: string;
}

async function round(seed: number): Promise<Round> {
  const e = new Engine({ seed, eventCapacity: 1 << 16 });
  e.loadBrd(3, SIZE); // KiB, i.e. 2 * SIZE sectors each: metadata, data, linear's disk
  const lin = await mk(e, "lin", `0 ${SIZE} linear /dev/ram2 0`);
  // Data device holds the volume twice over: its blocks, then the snapshot's broken-out copies.
  await mk(e, "pool", `0 ${2 * SIZE} thin-pool /dev/ram0 /dev/ram1 ${BLOCK_SECTORS} 0`);
  await e.dm.message("pool", 0, "create_thin 0");
  const thin = await mk(e, "thin", `0 ${SIZE} thin /dev/mapper/pool 0`);
  const first = onePerBlock(seed * 3 + 1);
  const over = anywhere(seed * 3 + 2, OVERWRITES);
  const again = onePerBlock(seed * 3 + 3);
  const linProvision = await writes(e, lin, first);
  const thinProvision = await writes(e, thin, first);
  const linOverwrite = await writes(e, lin, over);
  const thinOverwrite = await writes(e, thin, over);
  await e.dm.suspend("thin");
  await e.dm.message("pool", 0, "create_snap 1 0");
  await e.dm.resume("thin");
  const linShared = await writes(e, lin, again);
  const thinShared = await writes(e, thin, again);
  const status = (await e.dm.statusAsync("pool", "INFO"))[0]!.params;
  return {
    linProvision,
    thinProvision,
    linOverwrite,
    thinOverwrite,
    linShared,
    thinShared,
    status,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchThin(): Promise<void> {
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(i + 1));
  const m = (k: keyof Omit<Round, "status">): number => median(rounds.map((r) => r[k]));
  const fmt = (x: number): string => Math.round(x).toLocaleString("en-US").padStart(9);
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x linear`;
  const [lp, tp, lo, to, ls, ts] = [
    m("linProvision"),
    m("thinProvision"),
    m("linOverwrite"),
    m("thinOverwrite"),
    m("linShared"),
    m("thinShared"),
  ];
  console.log(
    `4 KiB random writes/s to a ${(SIZE / 2048).toFixed(0)} MiB thin volume (64 KiB blocks, zeroing on) and to linear,`,
  );
  console.log(`all in flight at once, then a flush; medians of ${ROUNDS} rounds:`);
  const row = (label: string, x: number, note = ""): void =>
    console.log(`  ${label.padEnd(52)}${fmt(x)}${note ? `  (${note})` : ""}`);
  row("linear", lp);
  row(
    `thin, each write provisions a block (${BLOCKS})`,
    tp,
    `${ratio(tp, lp)}: allocate, zero 60 KiB, insert`,
  );
  row("linear", lo);
  row(`thin, overwrites of mapped blocks (${OVERWRITES})`, to, `${ratio(to, lo)}: lookup, remap`);
  row("linear", ls);
  row(
    `thin after a snapshot, each write breaks sharing`,
    ts,
    `${ratio(ts, ls)}: allocate, copy 64 KiB, insert`,
  );
  console.log(`  pool status after the last round: ${rounds.at(-1)!.status}`);
}
