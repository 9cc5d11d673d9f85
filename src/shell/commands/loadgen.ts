/**
 * `loadgen`: dm-playground's load generator (src/engine/loadgen.ts) from the shell. Linux has no
 * such tool (fio is the nearest); it is written as a small Linux tool would be: usage errors
 * exit 2 with a hint, failures exit 1, results on stdout.
 *
 *   loadgen start DEVICE [--pattern seq|random] [--read PCT] [--bs SIZE] [--qd N] [--rate IOPS]
 *                        [--count N] [--seed N]        prints the new generator's id
 *   loadgen stop [ID]                                  stops one generator, or every one
 *   loadgen list [-l|--long]                           a table of generators and counters
 *
 * A generator issues bios on the virtual clock as background work: headless, it runs while
 * something else lets time pass (`sleep`); in the browser, time passes by itself.
 */

import { DEFAULT_LOAD, type LoadSpec, type LoadStats } from "../../engine/index.ts";
import { command, getopt, type DmshCommand, type Io } from "./command.ts";

const PROG = "loadgen";
const HINT = `Try '${PROG} --help' for more information.\n`;

const USAGE = `Usage: ${PROG} start DEVICE [OPTION]...
       ${PROG} stop [ID]
       ${PROG} list [-l|--long]

Issue bios to a block device on the virtual clock, until stopped or COUNT bios.

  --pattern seq|random   where bios go (default ${DEFAULT_LOAD.pattern})
  --read PCT             percentage of reads, the rest writes (default ${DEFAULT_LOAD.readPct})
  --bs SIZE              bytes per bio, a multiple of 512; k, M suffixes (default ${size(DEFAULT_LOAD.blockSize)})
  --qd N                 bios in flight at most (default ${DEFAULT_LOAD.queueDepth})
  --rate IOPS            bios per virtual second, 0 for as fast as completions allow
                         (default ${DEFAULT_LOAD.rate})
  --count N              stop after N bios, 0 for never (default ${DEFAULT_LOAD.count})
  --seed N               seed of the generator's choices (default ${DEFAULT_LOAD.seed})

DEVICE is a path (/dev/mapper/NAME, /dev/ram0) or a name (NAME for /dev/mapper/NAME or /dev/NAME).
start prints the generator's id; stop without ID stops them all. list shows each generator's
counters, and IOPS and MB/s averaged over virtual time since it started; --long adds its workload.
`;

/** Largest block size accepted: 16 MiB. */
const MAX_BS = 16 << 20;
/** Largest queue depth accepted. */
const MAX_QD = 4096;

class UsageError extends Error {}

function size(bytes: number): string {
  if (bytes % (1 << 20) === 0) return `${bytes >> 20}M`;
  if (bytes % 1024 === 0) return `${bytes >> 10}k`;
  return String(bytes);
}

/** "4096", "4k", "64K", "1M", "1MiB": bytes, 1024-based as fio reads them. */
function parseSize(s: string): number {
  const m = /^(\d+)(?:([kKmM])(?:i?B)?)?$/.exec(s);
  if (!m) throw new UsageError(`invalid block size '${s}'`);
  const mult = { "": 1, k: 1024, K: 1024, m: 1 << 20, M: 1 << 20 }[m[2] ?? ""] ?? 1;
  const v = Number(m[1]) * mult;
  if (v <= 0 || v % 512 !== 0 || v > MAX_BS) {
    throw new UsageError(
      `invalid block size '${s}': must be a multiple of 512 bytes, at most ${size(MAX_BS)}`,
    );
  }
  return v;
}

function parseWhole(name: string, s: string, min: number, max: number): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`invalid ${name} '${s}'`);
  const v = Number(s);
  if (v < min || v > max) throw new UsageError(`invalid ${name} '${s}': not in ${min}..${max}`);
  return v;
}

function parseRate(s: string): number {
  if (!/^\d+(\.\d+)?$/.test(s)) throw new UsageError(`invalid rate '${s}'`);
  const v = Number(s);
  if (!Number.isFinite(v) || v > 1e9) throw new UsageError(`invalid rate '${s}': not in 0..1e9`);
  return v;
}

/** The one value of an option given once (the last one wins, as getopt_long users do). */
function last(opts: Map<string, string[]>, key: string): string | undefined {
  const v = opts.get(key);
  return v?.[v.length - 1];
}

function resolveDevice(arg: string, io: Io): string | null {
  const engine = io.shell.engine;
  if (arg.includes("/")) {
    const p = io.path(arg);
    return engine.lookup(p) ? p : null;
  }
  for (const p of [`/dev/mapper/${arg}`, `/dev/${arg}`]) if (engine.lookup(p)) return p;
  return null;
}

function start(args: string[], io: Io): number {
  const p = getopt(
    args,
    {
      long: {
        pattern: true,
        read: true,
        bs: true,
        qd: true,
        rate: true,
        count: true,
        seed: true,
      },
      short: {},
    },
    PROG,
  );
  if (!p.ok) throw new UsageError(p.error.replace(/^loadgen: /, "").trimEnd());
  if (p.operands.length === 0) throw new UsageError("start: missing DEVICE");
  if (p.operands.length > 1) throw new UsageError(`start: extra operand '${p.operands[1]}'`);
  const arg = p.operands[0]!;
  const spec: Partial<LoadSpec> = {};
  const o = p.opts;
  const pattern = last(o, "pattern");
  if (pattern !== undefined) {
    if (pattern !== "seq" && pattern !== "random") {
      throw new UsageError(`invalid pattern '${pattern}': seq or random`);
    }
    spec.pattern = pattern;
  }
  const read = last(o, "read");
  if (read !== undefined)
    spec.readPct = parseWhole("read percentage", read.replace(/%$/, ""), 0, 100);
  const bs = last(o, "bs");
  if (bs !== undefined) spec.blockSize = parseSize(bs);
  const qd = last(o, "qd");
  if (qd !== undefined) spec.queueDepth = parseWhole("queue depth", qd, 1, MAX_QD);
  const rate = last(o, "rate");
  if (rate !== undefined) spec.rate = parseRate(rate);
  const count = last(o, "count");
  if (count !== undefined) spec.count = parseWhole("count", count, 0, Number.MAX_SAFE_INTEGER);
  const seed = last(o, "seed");
  if (seed !== undefined) spec.seed = parseWhole("seed", seed, 0, 0xffffffff);

  const device = resolveDevice(arg, io);
  if (device === null) {
    io.out.e(`${PROG}: ${arg}: No such device\n`);
    return 1;
  }
  const bdev = io.shell.engine.lookup(device)!;
  const bsBytes = spec.blockSize ?? DEFAULT_LOAD.blockSize;
  if (bdev.sizeSectors * 512 < bsBytes) {
    io.out.e(
      `${PROG}: ${device}: device (${bdev.sizeSectors * 512} bytes) smaller than one block (${bsBytes})\n`,
    );
    return 1;
  }
  let stats: LoadStats;
  try {
    stats = io.shell.engine.load.start({ ...spec, device });
  } catch (e) {
    io.out.e(`${PROG}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.out.o(`${stats.id}\n`);
  return 0;
}

function stop(args: string[], io: Io): number {
  if (args.length > 1) throw new UsageError(`stop: extra operand '${args[1]}'`);
  const load = io.shell.engine.load;
  if (args.length === 0) {
    load.stop();
    return 0;
  }
  const id = parseWhole("generator id", args[0]!, 1, Number.MAX_SAFE_INTEGER);
  if (!load.list().some((g) => g.id === id)) {
    io.out.e(`${PROG}: stop: no generator ${id}\n`);
    return 1;
  }
  load.stop(id);
  return 0;
}

/** A `loadgen list` column: its header, its cell for a generator, and its alignment. */
interface Column {
  head: string;
  cell: (g: LoadStats, secs: number) => string;
  /** Text columns are flush left, numbers right, as `ps` lays them out. */
  left?: boolean;
  /** Shown by `list --long` only (the workload); the counters fit an 80-column terminal. */
  long?: boolean;
}

const COLUMNS: Column[] = [
  { head: "ID", cell: (g) => String(g.id) },
  { head: "DEVICE", cell: (g) => g.spec.device, left: true },
  { head: "PATTERN", cell: (g) => g.spec.pattern, left: true, long: true },
  { head: "READ%", cell: (g) => String(g.spec.readPct), long: true },
  { head: "BS", cell: (g) => size(g.spec.blockSize), long: true },
  { head: "QD", cell: (g) => String(g.spec.queueDepth), long: true },
  { head: "RATE", cell: (g) => (g.spec.rate === 0 ? "max" : String(g.spec.rate)), long: true },
  { head: "COUNT", cell: (g) => String(g.spec.count), long: true },
  { head: "SEED", cell: (g) => String(g.spec.seed), long: true },
  { head: "ISSUED", cell: (g) => String(g.issued) },
  { head: "DONE", cell: (g) => String(g.completed) },
  { head: "ERR", cell: (g) => String(g.errors) },
  { head: "INFL", cell: (g) => String(g.inFlight) },
  { head: "IOPS", cell: (g, t) => (t > 0 ? String(Math.round(g.completed / t)) : "-") },
  { head: "MB/s", cell: (g, t) => (t > 0 ? (g.bytes / t / 1e6).toFixed(1) : "-") },
  {
    head: "STATE",
    cell: (g) => (g.running ? "running" : g.inFlight > 0 ? "stopping" : "stopped"),
    left: true,
  },
];

function list(args: string[], io: Io): number {
  const p = getopt(args, { long: { long: false }, short: { l: ["long", false] } }, PROG);
  if (!p.ok) throw new UsageError(p.error.replace(/^loadgen: /, "").trimEnd());
  if (p.operands.length > 0) throw new UsageError(`list: extra operand '${p.operands[0]}'`);
  const cols = COLUMNS.filter((c) => !c.long || p.opts.has("long"));
  const e = io.shell.engine;
  const rows = e.load.list().map((g) => {
    const secs = (e.now - g.startedAt) / 1e9;
    return cols.map((c) => c.cell(g, secs));
  });
  const widths = cols.map((c, i) => Math.max(c.head.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (cols[i]!.left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd() + "\n";
  io.out.o(line(cols.map((c) => c.head)) + rows.map(line).join(""));
  return 0;
}

export const loadgen = command(PROG, (args, io) => {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case "start":
        return start(rest, io);
      case "stop":
        return stop(rest, io);
      case "list":
        return list(rest, io);
      case "--help":
      case "-h":
        io.out.o(USAGE);
        return 0;
      case undefined:
        throw new UsageError("missing command: start, stop or list");
      default:
        throw new UsageError(`unknown command '${sub}': start, stop or list`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.out.e(`${PROG}: ${e.message}\n${HINT}`);
    return 2;
  }
});

export const loadgenCommands: DmshCommand[] = [loadgen];
