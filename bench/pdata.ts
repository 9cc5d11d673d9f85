/**
 * persistent-data figures (src/engine/persistent-data, dm-thin-metadata.ts), in Node: a thin
 * device's mapping btree with 50 000 mappings (two levels, Linux's node sizes), then
 *   - lookups/s through dm_thin_find_block with I/O allowed (async; nodes cached by dm-bufio)
 *   - lookups/s through the non-blocking clone (dmThinFindBlockNoIo, as thin_bio_map does)
 *   - provisioning/s: alloc a data block + insert the mapping, in one transaction
 *   - a commit of that transaction (virtual I/O; wall time)
 * Printed, not asserted. Medians of several runs.
 *
 *   node --import tsx bench/pdata.ts
 */

import {
  dmPoolAllocDataBlock,
  dmPoolCommitMetadata,
  dmPoolCreateThin,
  dmPoolMetadataOpen,
  dmPoolOpenThin,
  dmPoolResizeDataDev,
  dmThinFindBlock,
  dmThinFindBlockNoIo,
  dmThinInsertBlock,
} from "../src/engine/dm-thin-metadata.ts";
import { holder } from "../src/engine/persistent-data/testkit.ts";

const MAPPINGS = 50_000;
const LOOKUPS = 50_000;
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchPdata(): Promise<void> {
  const { t, dev } = await holder(64 * 1024); // 64 MiB metadata device
  const pmd = await dmPoolMetadataOpen(t, dev, 128, true);
  await dmPoolResizeDataDev(pmd, MAPPINGS * 2);
  await dmPoolCreateThin(pmd, 0);
  await dmPoolCommitMetadata(pmd);
  const td = await dmPoolOpenThin(pmd, 0);

  let t0 = performance.now();
  for (let v = 0; v < MAPPINGS; v++)
    await dmThinInsertBlock(td, v * 7, await dmPoolAllocDataBlock(pmd));
  const provisionPerSec = MAPPINGS / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  await dmPoolCommitMetadata(pmd);
  const commitMs = performance.now() - t0;

  let x = 12345;
  const next = (): number => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x % MAPPINGS) * 7;
  };
  const asyncRuns: number[] = [];
  const syncRuns: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    t0 = performance.now();
    for (let i = 0; i < LOOKUPS / 10; i++) await dmThinFindBlock(td, next(), true);
    asyncRuns.push(LOOKUPS / 10 / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    let hits = 0;
    for (let i = 0; i < LOOKUPS; i++) if (dmThinFindBlockNoIo(td, next()).block >= 0) hits++;
    syncRuns.push(hits / ((performance.now() - t0) / 1000));
  }
  const f = (n: number): string => Math.round(n).toLocaleString("en-US");
  console.log(`mapping btree: ${f(MAPPINGS)} mappings of one thin device (2 levels, 4 KiB nodes)`);
  console.log(`  dm_thin_find_block (may do I/O, async)      ${f(median(asyncRuns))} lookups/s`);
  console.log(`  dm_thin_find_block (non-blocking, as map)   ${f(median(syncRuns))} lookups/s`);
  console.log(`  provision (alloc_data_block + insert)       ${f(provisionPerSec)} blocks/s`);
  console.log(`  commit of those ${f(MAPPINGS)} insertions          ${commitMs.toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchPdata();
