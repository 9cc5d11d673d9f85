/**
 * User target modules: 4 KiB random writes through a linear target written as a user module
 * (src/samples/dm-ulinear.ts, loaded by insmod) against the built-in linear, in the same run
 * and over the same disk; and the time from insmod (transpile, evaluate, register) to a table
 * of the new target being usable (create, load, resume, first 4 KiB write done).
 * Medians of several runs; goal: the user module at 0.8x the built-in or better.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Bio, Engine } from "../src/engine/index.ts";
import type { BlockDevice } from "../src/engine/index.ts";

const RUNS = 7;
const N = 100_000;
const GiB = 2 * 1024 * 1024;
const WORKING_SET = 128 * 1024; // sectors: 64 MiB

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function randomWrites(e: Engine, bdev: BlockDevice, n: number): number {
  const data = new Uint8Array(4096).fill(0x5a);
  let done = 0;
  const onEnd = () => void done++;
  const slots = Math.floor(Math.min(bdev.sizeSectors, WORKING_SET) / 8);
  let x = 12345;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    e.submitBio(new Bio(e, "WRITE", bdev, (x % slots) * 8, 8, data, 0, null, onEnd));
  }
  const s = (performance.now() - t0) / 1000;
  if (done !== n) throw new Error(`only ${done} of ${n} bios completed`);
  return n / s;
}

async function mk(e: Engine, name: string, table: string): Promise<BlockDevice> {
  e.dm.create(name);
  e.dm.load(name, table);
  await e.dm.resume(name);
  return e.dm.byName(name)!;
}

export async function benchModules(): Promise<void> {
  const source = readFileSync(join(import.meta.dirname, "../src/samples/dm-ulinear.ts"), "utf8");
  const e = new Engine({ seed: 1, eventCapacity: 1 << 16 });
  e.loadBrd(2, 1024 * 1024);
  e.modules.insmod("dm-ulinear.ts", source);
  const builtin = await mk(e, "lin", `0 ${GiB} linear /dev/ram0 0`);
  const user = await mk(e, "ulin", `0 ${GiB} ulinear /dev/ram1 0`);
  // Touch the working sets once (first-touch page faults are not the bio path's).
  randomWrites(e, builtin, N);
  randomWrites(e, user, N);
  const b: number[] = [];
  const u: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(randomWrites(e, builtin, N));
    u.push(randomWrites(e, user, N));
  }
  const fmt = (x: number) => `${Math.round(x).toLocaleString("en-US")}`;
  console.log(`4 KiB random writes/s through the built-in linear:          ${fmt(median(b))}`);
  console.log(`4 KiB random writes/s through ulinear (user module, insmod): ${fmt(median(u))}`);
  console.log(
    `ratio user / built-in: ${(median(u) / median(b)).toFixed(2)}x (goal >= 0.8x; medians of ${RUNS} runs of ${N.toLocaleString("en-US")})`,
  );

  // insmod to usable: a fresh engine each time, so that each insmod transpiles and evaluates.
  const ms: number[] = [];
  const compile: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const f = new Engine({ seed: 1 });
    f.loadBrd(1, 8192);
    const t0 = performance.now();
    f.modules.insmod("dm-ulinear.ts", source);
    const t1 = performance.now();
    const dev = await mk(f, "u", "0 8192 ulinear /dev/ram0 0");
    let ok = false;
    f.submitBio(
      new Bio(f, "WRITE", dev, 0, 8, new Uint8Array(4096), 0, null, (x) => {
        ok = x.status === "OK";
      }),
    );
    if (!ok) throw new Error("first write through the new target failed");
    ms.push(performance.now() - t0);
    compile.push(t1 - t0);
  }
  console.log(
    `insmod to usable (transpile + evaluate + register, create + load + resume, first 4 KiB write): median ${median(ms).toFixed(2)} ms (insmod alone ${median(compile).toFixed(2)} ms; first run ${ms[0]!.toFixed(1)} ms)`,
  );
}
