/**
 * Snapshots: 4 KiB random writes to an origin with one persistent snapshot (chunk size 4 KiB),
 * next to linear in the same run: first writes of chunks (each copies the chunk to the COW
 * device and commits the exception: a read, a write, metadata writes, on virtual time) and
 * overwrites of chunks already copied (passed straight to the origin), then writes to the
 * snapshot itself (remapped to the COW). Bios are submitted all at once and the engine settled;
 * figures are bios per wall second, printed, not asserted.
 */

import { Bio, Engine } from "../src/engine/index.ts";
import type { BlockDevice } from "../src/engine/index.ts";

const N = 16_384;
const ORIGIN = 2 * 64 * 1024; // sectors: 64 MiB, 16,384 chunks of 4 KiB

async function mk(e: Engine, name: string, table: string): Promise<BlockDevice> {
  e.dm.create(name);
  await e.dm.loadAsync(name, table);
  await e.dm.resume(name);
  return e.dm.byName(name)!;
}

/** A permutation of the chunks (each written once), seeded. */
function order(n: number, seed: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  let x = seed;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function writes(e: Engine, bdev: BlockDevice, chunks: number[]): Promise<number> {
  const data = new Uint8Array(4096).fill(0x5a);
  let done = 0;
  let failed = 0;
  const onEnd = (b: Bio) => {
    done++;
    if (b.status !== "OK") failed++;
  };
  const t0 = performance.now();
  for (const c of chunks) e.submitBio(new Bio(e, "WRITE", bdev, c * 8, 8, data, 0, null, onEnd));
  await e.settled();
  const s = (performance.now() - t0) / 1000;
  if (done !== chunks.length || failed) throw new Error(`${done} done, ${failed} failed`);
  return chunks.length / s;
}

export async function benchSnapshot(): Promise<void> {
  const e = new Engine({ seed: 1, eventCapacity: 1 << 16 });
  e.loadBrd(3, 256 * 1024);
  const lin = await mk(e, "lin", `0 ${ORIGIN} linear /dev/ram2 0`);
  const o = await mk(e, "o", `0 ${ORIGIN} snapshot-origin /dev/ram0`);
  await e.dm.suspend("o");
  const s = await mk(e, "s", `0 ${ORIGIN} snapshot /dev/ram0 /dev/ram1 P 8`);
  await e.dm.resume("o");
  const first = order(N, 7);
  const again = order(N, 11);
  const fmt = (x: number) => Math.round(x).toLocaleString("en-US").padStart(9);
  const linFirst = await writes(e, lin, first);
  const originFirst = await writes(e, o, first);
  const linAgain = await writes(e, lin, again);
  const originAgain = await writes(e, o, again);
  const snapWrites = await writes(e, s, again);
  const status = e.dm.status("s", "INFO")[0]!.params;
  console.log(`4 KiB random writes/s, ${N.toLocaleString("en-US")} each, all in flight at once:`);
  console.log(`  linear, first writes                         ${fmt(linFirst)}`);
  console.log(
    `  origin with a snapshot, first write of chunks ${fmt(originFirst)}  (${(originFirst / linFirst).toFixed(2)}x linear: copy to the COW + exception commit)`,
  );
  console.log(`  linear, overwrites                           ${fmt(linAgain)}`);
  console.log(
    `  origin with a snapshot, overwrites           ${fmt(originAgain)}  (${(originAgain / linAgain).toFixed(2)}x linear: chunks already copied)`,
  );
  console.log(
    `  the snapshot, writes to copied chunks        ${fmt(snapWrites)}  (${(snapWrites / linAgain).toFixed(2)}x linear: remapped to the COW)`,
  );
  console.log(`  snapshot status after: ${status} (allocated/total metadata, sectors)`);
}
