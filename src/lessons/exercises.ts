/**
 * Guess, then reveal: exercises generated from a seed, in the manner of OSTEP's homework
 * simulators (`raid.py -s SEED`, then `-c` to check). The learner answers first; then the
 * engine runs the commands and the answer that counts is read from what it did (its events, or
 * what dmsetup printed), never from the generator's own arithmetic. The generator also computes
 * the answer in closed form (`expected`): the exercise test requires the engine to agree, seed
 * after seed, so an exercise never marks a right answer wrong.
 *
 * Kinds:
 *   stripe    a striped table and a one-sector read: which disk, which sector?
 *   suspend   writes to a small stack around a suspend: which does the suspend hold?
 *   status    a table: what does `dmsetup status NAME` print?
 *   powercut  writes to a disk with a volatile write cache, some flushed: which survive a power cut?
 *
 * The same seed gives the same exercises (the seed is in the page's URL: `#exercises=SEED`).
 */

import type { LessonFocus } from "./lesson.ts";
import type { World, WorldBio } from "./world.ts";

/** What a learner answers: a disk and a sector, or the indexes of the options chosen. */
export type Answer = { disk: string; sector: number } | { choices: number[] };

export interface Exercise {
  kind: "stripe" | "suspend" | "status" | "powercut";
  /** Stable within a set: `${seed}-${index}`. */
  id: string;
  /** The question, in a sentence or two. */
  prompt: string;
  /** Commands that build the situation (run, and shown, before the learner answers). */
  setup: readonly string[];
  /** Commands the reveal runs. */
  run: readonly string[];
  /** How the learner answers: a disk and sector, or options (one or several). */
  form:
    | { type: "disk-sector"; disks: readonly string[] }
    | { type: "choice"; options: readonly string[]; multiple: boolean };
  /** The answer in closed form (the generator's; the test checks the engine agrees). */
  expected: Answer;
  /** The answer the engine gives: read from the events since setup and what `run` printed. */
  reveal(w: World, output: string): Answer | null;
  /** Why, in a sentence, for the answer the engine gave. */
  explain: string;
  /** Where the page should look at the reveal. */
  focus: LessonFocus;
}

/** mulberry32: a small, well-known seeded generator (same sequence everywhere). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: () => number, lo: number, hi: number): number =>
  lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** RAM disks of the exercises: 16 MiB each (32768 sectors). */
const DISK_SECTORS = 32768;

export function sameAnswer(a: Answer | null, b: Answer | null): boolean {
  if (!a || !b) return false;
  if ("disk" in a && "disk" in b) return a.disk === b.disk && a.sector === b.sector;
  if ("choices" in a && "choices" in b) {
    const x = [...a.choices].sort((p, q) => p - q);
    const y = [...b.choices].sort((p, q) => p - q);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return false;
}

/** How an answer reads ("ram1 sector 488", "B and C"). */
export function answerText(ex: Exercise, a: Answer | null): string {
  if (!a) return "(nothing)";
  if ("disk" in a) return `${a.disk} sector ${a.sector}`;
  if (ex.form.type !== "choice") return "?";
  if (a.choices.length === 0) return "none";
  const opts = ex.form.options;
  return a.choices.map((i) => `${String.fromCharCode(65 + i)} (${opts[i] ?? "?"})`).join(", ");
}

// ---------------------------------------------------------------- stripe

function stripeExercise(r: () => number, id: string): Exercise {
  const stripes = int(r, 2, 4);
  const chunk = pick(r, [8, 16, 32, 64, 128, 256]);
  const offsets = Array.from({ length: stripes }, () => chunk * int(r, 0, 8));
  // Every stripe holds the same number of chunks; the device is stripes * that.
  const perStripe = Math.floor((DISK_SECTORS - Math.max(...offsets)) / chunk / 2);
  const size = perStripe * chunk * stripes;
  // 4 KiB reads, 4 KiB aligned (the page cache's unit): never across a chunk (chunk >= 8).
  const sector = 8 * int(r, 0, size / 8 - 1);
  const disks = offsets.map((_, i) => `ram${i}`);
  const devs = offsets.map((o, i) => `/dev/ram${i} ${o}`).join(" ");
  const table = `0 ${size} striped ${stripes} ${chunk} ${devs}`;
  // Linux's stripe_map_sector (chunk size a power of two).
  const c = Math.floor(sector / chunk);
  const stripe = c % stripes;
  const onDisk = offsets[stripe]! + Math.floor(c / stripes) * chunk + (sector % chunk);
  return {
    kind: "stripe",
    id,
    prompt: `The table of ex is \`${table}\`. A process reads 4 KiB at sector ${sector} of ex (sectors ${sector} to ${sector + 7}). Which disk does the read land on, and at which sector does it start there?`,
    setup: [`modprobe brd rd_nr=${stripes} rd_size=16384`, `dmsetup create ex --table '${table}'`],
    run: [`dd if=/dev/mapper/ex of=/dev/null bs=4096 skip=${sector / 8} count=1 iflag=direct`],
    form: { type: "disk-sector", disks },
    expected: { disk: `ram${stripe}`, sector: onDisk },
    reveal(w) {
      const b = w.remapsOnto(disks[0]!).concat(...disks.slice(1).map((d) => w.remapsOnto(d)));
      const read = b.find((x) => x.op === "READ" && w.name(x.remap!.from) === "ex");
      return read?.remap ? { disk: w.name(read.remap.dev), sector: read.remap.sector } : null;
    },
    explain: `Sector ${sector} is in chunk ${sector} div ${chunk} = ${c}, at ${sector % chunk} into it. Chunk ${c} goes to stripe ${c} mod ${stripes} = ${stripe} (ram${stripe}), as that stripe's chunk ${c} div ${stripes} = ${Math.floor(c / stripes)}: ${offsets[stripe]} + ${Math.floor(c / stripes)} × ${chunk} + ${sector % chunk} = ${onDisk}.`,
    focus: { panel: "views", view: "inspector", device: "ex" },
  };
}

// ---------------------------------------------------------------- suspend

interface Write {
  /** The device written. */
  dev: "lin" | "top" | "other";
  /** Before or after the suspend. */
  after: boolean;
  /** Its 4 KiB block (distinct per write, so each is known by its sector). */
  block: number;
}

function suspendExercise(r: () => number, id: string): Exercise {
  const n = int(r, 3, 5);
  const writes: Write[] = Array.from({ length: n }, (_, i) => ({
    dev: pick(r, ["lin", "top", "other"] as const),
    after: r() < 0.6,
    block: i + 1,
  }));
  // At least one write after the suspend, so there is something to think about.
  if (!writes.some((w) => w.after)) writes[n - 1]!.after = true;
  const noflush = r() < 0.5;
  const dd = (w: Write) =>
    `dd if=/dev/zero of=/dev/mapper/${w.dev} bs=4096 seek=${w.block} count=1 oflag=direct 2>/dev/null${w.after ? " &" : ""}`;
  const setup = [
    "modprobe brd rd_nr=2 rd_size=16384",
    "dmsetup create lin --table '0 16384 linear /dev/ram0 0'",
    "dmsetup create top --table '0 8192 linear /dev/mapper/lin 8192'",
    "dmsetup create other --table '0 16384 linear /dev/ram1 0'",
  ];
  const run = [
    ...writes.filter((w) => !w.after).map(dd),
    `dmsetup suspend${noflush ? " --noflush" : ""} lin`,
    ...writes.filter((w) => w.after).map(dd),
    "dmsetup info -c -o name,suspended lin top other",
  ];
  // Held: writes issued after the suspend that reach lin (directly, or through top).
  const expected = writes.flatMap((w, i) => (w.after && w.dev !== "other" ? [i] : []));
  const label = (w: Write) =>
    `${w.after ? "after" : "before"} the suspend: 4 KiB to ${w.dev} at block ${w.block}`;
  return {
    kind: "suspend",
    id,
    prompt: `lin is linear on ram0; top is linear on lin; other is linear on ram1. These writes run, in this order, around \`dmsetup suspend${noflush ? " --noflush" : ""} lin\` (those after it in the background). Which of them does the suspend hold?`,
    setup,
    run,
    form: { type: "choice", options: writes.map(label), multiple: true },
    expected: { choices: expected },
    reveal(w) {
      // A held bio is a bio deferred at lin; the write it belongs to is its root, by sector.
      const root = (b: WorldBio): WorldBio => {
        let x = b;
        for (let k = 0; k < 64 && x.parent; k++) x = w.bios.get(x.parent) ?? x;
        return x;
      };
      const held = new Set<number>();
      for (const b of w.deferred("lin")) {
        const top = root(b);
        const i = writes.findIndex(
          (x) => w.name(top.dev) === x.dev && top.sector === x.block * 8 && x.after,
        );
        if (i >= 0) held.add(i);
      }
      return { choices: [...held] };
    },
    explain: `A suspended device holds every bio that reaches it after the suspend, whoever sent it: a write to top is remapped by top's table onto lin and held there. Writes issued before the suspend have ended (a suspend${noflush ? ", even --noflush," : ""} waits for I/O in flight), and other is not suspended.`,
    focus: { panel: "stack", device: "lin" },
  };
}

// ---------------------------------------------------------------- status

/** The status line of each target type, as `dmsetup status NAME` prints it (6.1). */
function statusLine(size: number, type: string): string {
  switch (type) {
    case "linear":
    case "zero":
    case "error":
    case "flakey":
      return `0 ${size} ${type} `;
    case "striped":
      return `0 ${size} striped 2 1:0 1:1 1 AA`;
    case "delay":
      return `0 ${size} delay 0 0 0`;
    default:
      throw new Error(`no status line for ${type}`);
  }
}

const STATUS_TABLES: Record<string, (size: number) => string> = {
  linear: (s) => `0 ${s} linear /dev/ram0 0`,
  striped: (s) => `0 ${s} striped 2 8 /dev/ram0 0 /dev/ram1 0`,
  zero: (s) => `0 ${s} zero`,
  error: (s) => `0 ${s} error`,
  flakey: (s) => `0 ${s} flakey /dev/ram0 0 0 60`,
  delay: (s) => `0 ${s} delay /dev/ram0 0 100`,
};

function statusExercise(r: () => number, id: string): Exercise {
  // A multiple of 16: striped 2 8 needs whole chunks on each stripe.
  const size = 16 * int(r, 32, 1024);
  const types = Object.keys(STATUS_TABLES);
  const type = pick(r, types);
  const table = STATUS_TABLES[type]!(size);
  // Four options: the right line, and other types' lines for the same size, shuffled.
  const others = types.filter((t) => t !== type);
  const chosen = [type];
  while (chosen.length < 4) {
    const t = pick(r, others);
    if (!chosen.includes(t)) chosen.push(t);
  }
  const order = chosen.map((t) => ({ t, k: r() })).sort((a, b) => a.k - b.k);
  // Distractors: the table line itself (a common confusion) replaces one other type's line.
  const options = order.map((o) => statusLine(size, o.t));
  const right = order.findIndex((o) => o.t === type);
  const norm = (s: string) => s.replace(/\s+$/, "");
  // (zero's and error's table lines read like their status lines: no such distractor there.)
  if (norm(table) !== norm(options[right]!)) options[right === 0 ? 1 : 0] = table;
  return {
    kind: "status",
    id,
    prompt: `ex's table is \`${table}\`. What does \`dmsetup status ex\` print?`,
    setup: ["modprobe brd rd_nr=2 rd_size=16384", `dmsetup create ex --table '${table}'`],
    run: ["dmsetup status ex"],
    form: { type: "choice", options, multiple: false },
    expected: { choices: [right] },
    reveal(_w, output) {
      const line = norm(output.split("\n")[0] ?? "");
      const i = options.findIndex((o) => norm(o) === line);
      return { choices: i >= 0 ? [i] : [] };
    },
    explain: `status prints each segment's start, length and type, then what the target's status function says for INFO, not its table arguments: ${type === "striped" ? "striped lists its devices and one A (alive) or D (dead) per stripe" : type === "delay" ? "delay counts the reads, writes and flushes it is holding" : `${type} has nothing to report`}.`,
    focus: { panel: "console" },
  };
}

// ---------------------------------------------------------------- powercut

/** An md5sum line of standard input, as `... | md5sum` prints it. */
const MD5_LINE = /^[0-9a-f]{32} {2}-$/;

function powercutExercise(r: () => number, id: string): Exercise {
  const n = int(r, 3, 5);
  // Distinct 4 KiB blocks among the first 16, in a shuffled order.
  const blocks = Array.from({ length: 16 }, (_, i) => ({ i, k: r() }))
    .sort((a, b) => a.k - b.k)
    .slice(0, n)
    .map((b) => b.i);
  const fsync = blocks.map(() => r() < 0.35);
  // At least one write flushed and one not, once in a while neither or all: most sets teach.
  if (!fsync.some(Boolean) && r() < 0.8) fsync[int(r, 0, n - 2)] = true;
  if (fsync.every(Boolean)) fsync[n - 1] = false;
  const write = (b: number, f: boolean) =>
    `dd if=/dev/urandom of=/dev/ram0 bs=4k seek=${b} count=1 oflag=direct${f ? " conv=fsync" : ""} 2>/dev/null`;
  const md5 = (b: number) =>
    `dd if=/dev/ram0 bs=4k skip=${b} count=1 iflag=direct 2>/dev/null | md5sum`;
  // A flush (REQ_PREFLUSH) writes back everything the cache holds: every write up to the last
  // fsync is durable, whichever write it followed; the ones after it were only in the cache.
  const lastFlush = fsync.lastIndexOf(true);
  const expected = blocks.flatMap((_, i) => (i <= lastFlush ? [i] : []));
  const label = (b: number, f: boolean) =>
    `4 KiB of random bytes to block ${b}${f ? ", then fsync (conv=fsync)" : " (O_DIRECT, no flush)"}`;
  return {
    kind: "powercut",
    id,
    prompt: `ram0 has a volatile write cache (\`diskcache ram0 on\`). These writes run in this order, then \`powercut\` (no reordering: nothing cached reaches the disk). Which writes' data is on ram0 after the power cut?`,
    setup: ["modprobe brd rd_nr=1 rd_size=4096", "diskcache ram0 on"],
    run: [
      ...blocks.map((b, i) => write(b, fsync[i]!)),
      "diskcache ram0",
      ...blocks.map(md5),
      "powercut",
      ...blocks.map(md5),
    ],
    form: { type: "choice", options: blocks.map((b, i) => label(b, fsync[i]!)), multiple: true },
    expected: { choices: expected },
    reveal(_w, output) {
      // Each block's md5 before the power cut, then after: a write survived if its block
      // still reads the same.
      const sums = output.split("\n").filter((l) => MD5_LINE.test(l));
      if (sums.length !== 2 * n) return null;
      return { choices: blocks.flatMap((_, i) => (sums[i] === sums[n + i] ? [i] : [])) };
    },
    explain:
      lastFlush < 0
        ? "No write was flushed: every one completed into the drive's cache, and the power cut lost the cache (each block reads as zeros again)."
        : `A flush writes back everything the cache holds, not only the write just before it: the fsync after the write to block ${blocks[lastFlush]} made it and every write before it durable. ${lastFlush === n - 1 ? "Nothing came after it." : "The writes after it were only in the cache, and the power cut lost them (their blocks read as zeros again)."}`,
    focus: { panel: "views", view: "disks", device: "ram0" },
  };
}

const KINDS = [stripeExercise, suspendExercise, statusExercise, powercutExercise];

/** The exercise set of a seed: `count` exercises, kinds in turn, each from its own stream. */
export function exerciseSet(seed: number, count = 6): Exercise[] {
  return Array.from({ length: count }, (_, i) => {
    const r = rng((seed * 0x9e3779b1 + i * 0x85ebca6b) >>> 0);
    return KINDS[i % KINDS.length]!(r, `${seed}-${i}`);
  });
}
