/**
 * Engine benchmarks: bios per second through linear, striped and a three-deep stack (with
 * events recorded), 1 MiB sequential write bandwidth next to raw copy bandwidth into a
 * SharedArrayBuffer, and the memory a sparse 1 TiB disk costs. Figures are medians of several
 * runs, with the baseline measured in the same run.
 */

import { Bio, Engine, SparseDisk, Storage } from "../src/engine/index.ts";
import type { BlockDevice } from "../src/engine/index.ts";

const RUNS = 5;
const WORKING_SET_SECTORS = 128 * 1024; // 64 MiB

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => number): number {
  const t0 = performance.now();
  const n = fn();
  return n / ((performance.now() - t0) / 1000);
}

async function stack(kind: "linear" | "striped" | "stack3"): Promise<[Engine, BlockDevice]> {
  const e = new Engine({ seed: 1, eventCapacity: 1 << 16 });
  e.loadBrd(4, 1024 * 1024); // 4 x 1 GiB, sparse
  const GiB = 2 * 1024 * 1024;
  const mk = async (name: string, table: string) => {
    e.dm.create(name);
    e.dm.load(name, table);
    await e.dm.resume(name);
  };
  if (kind === "linear") await mk("lin", `0 ${GiB} linear /dev/ram0 0`);
  if (kind === "striped")
    await mk("str", `0 ${4 * GiB} striped 4 128 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0 /dev/ram3 0`);
  if (kind === "stack3") {
    await mk("l1", `0 ${2 * GiB} striped 2 64 /dev/ram0 0 /dev/ram1 0`);
    await mk("l2", `0 ${GiB} linear /dev/mapper/l1 0\n${GiB} ${GiB} linear /dev/mapper/l1 ${GiB}`);
    await mk("l3", `0 ${2 * GiB} linear /dev/mapper/l2 0`);
  }
  const top = e.dm.list().at(-1)!;
  return [e, top];
}

/** 4 KiB writes at random 4 KiB-aligned offsets, completed inline (RAM disks, no latency). */
function randomWrites(e: Engine, bdev: BlockDevice, n: number): number {
  // A 64 MiB working set, written once beforehand, so that the figure is the bio path's and not
  // the operating system's first-touch page faults.
  const size = Math.min(bdev.sizeSectors, WORKING_SET_SECTORS);
  const data = new Uint8Array(4096).fill(0x5a);
  let done = 0;
  const onEnd = () => {
    done++;
  };
  const slots = Math.floor(size / 8);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const sector = (x % slots) * 8;
    e.submitBio(new Bio(e, "WRITE", bdev, sector, 8, data, 0, null, onEnd));
  }
  if (done !== n) throw new Error(`only ${done} of ${n} bios completed`);
  return n;
}

function seqWrites(e: Engine, bdev: BlockDevice, mib: number): number {
  const data = new Uint8Array(1 << 20).fill(0xa5);
  let done = 0;
  for (let i = 0; i < mib; i++) {
    e.submitBio(new Bio(e, "WRITE", bdev, i * 2048, 2048, data, 0, null, () => done++));
  }
  if (done !== mib) throw new Error("incomplete");
  return mib;
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

function rawRandomCopies(ws: Uint8Array, n: number): number {
  const src = new Uint8Array(4096).fill(0x5a);
  const slots = ws.length / 4096;
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    ws.set(src, (x % slots) * 4096);
  }
  return n;
}

/** The baseline: 1 MiB copies into a SharedArrayBuffer that was already written once. */
function rawCopy(sab: Uint8Array, mib: number): number {
  const src = new Uint8Array(1 << 20).fill(0xa5);
  for (let i = 0; i < mib; i++) sab.set(src, i << 20);
  return mib;
}

export async function benchEngine(): Promise<void> {
  console.log("## engine");
  const N = 200_000;
  // Baseline: the same 4 KiB random copies into shared memory with no engine at all.
  const raw4k: number[] = [];
  const ws = new Uint8Array(new SharedArrayBuffer(WORKING_SET_SECTORS * 512)).fill(1);
  for (let r = 0; r <= RUNS; r++) {
    const rate = time(() => rawRandomCopies(ws, N));
    if (r > 0) raw4k.push(rate);
  }
  const raw4kM = median(raw4k);
  console.log(
    `4 KiB random copies into a SharedArrayBuffer, no engine: ${fmt(raw4kM)}/s (baseline)`,
  );
  for (const kind of ["linear", "striped", "stack3"] as const) {
    const rates: number[] = [];
    // One run more than measured: the first warms the JIT and is not counted.
    for (let r = 0; r <= RUNS; r++) {
      const [e, top] = await stack(kind);
      seqWrites(e, top, WORKING_SET_SECTORS / 2048); // allocate the working set
      const rate = time(() => randomWrites(e, top, N));
      if (r > 0) rates.push(rate);
      if (e.events.seq < N) throw new Error("events were not recorded");
    }
    const label = {
      linear: "linear",
      striped: "striped (4 x 64 KiB)",
      stack3: "3-deep stack (linear/linear/striped)",
    }[kind];
    const m = median(rates);
    console.log(
      `4 KiB random writes/s through ${label}, events recorded: ${fmt(m)} (${Math.round((100 * m) / raw4kM)}% of baseline)`,
    );
  }
  // Sequential 1 MiB writes vs raw copy into a SharedArrayBuffer.
  const MIB = 256;
  const raw: number[] = [];
  const lin: number[] = [];
  const sab = new Uint8Array(new SharedArrayBuffer(MIB << 20));
  rawCopy(sab, MIB);
  for (let r = 0; r < RUNS; r++) {
    raw.push(time(() => rawCopy(sab, MIB)));
    const [e, top] = await stack("linear");
    seqWrites(e, top, MIB); // first pass allocates
    lin.push(time(() => seqWrites(e, top, MIB)));
  }
  const rawM = median(raw);
  const linM = median(lin);
  console.log(
    `raw Uint8Array.set into a SharedArrayBuffer: ${Math.round(rawM * 1.048576)} MB/s (baseline)`,
  );
  console.log(
    `1 MiB sequential writes through linear: ${Math.round(linM * 1.048576)} MB/s (${Math.round((100 * linM) / rawM)}% of baseline)`,
  );

  // Sparse storage cost.
  const s = new Storage();
  const d = new SparseDisk(s, 2 ** 40);
  const block = new Uint8Array(1 << 20).fill(1);
  for (let i = 0; i < 64; i++) d.write(Math.floor((i * 2 ** 40) / 64), block);
  const cost = s.reservedBytes + d.l1.byteLength;
  console.log(
    `1 TiB sparse disk with 64 MiB written (64 x 1 MiB spread over it): ${(cost / 2 ** 20).toFixed(1)} MiB of SharedArrayBuffer`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEngine();
