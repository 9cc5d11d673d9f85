/**
 * `diskfault`, `diskcache` and `powercut`: dm-playground's own tools for breaking disks on
 * purpose (src/engine/diskfault.ts, writecache.ts, powercut.ts). Linux has none of them under
 * these names (QEMU's blkdebug, nbdkit's error filter, a drive's write cache and the power switch
 * are the nearest); they are written as small Linux tools: usage errors exit 2 with a hint,
 * failures exit 1 with a message, results on stdout.
 *
 *   diskfault add DISK [--op OP] [--sectors A-B] [--errno E | --latency T | --corrupt N]
 *                      [--prob P] [--after N] [--once]          prints the new rule's id
 *   diskfault list [DISK]        diskfault del ID...        diskfault clear [DISK]
 *   diskcache [DISK [on|off]]    powercut [--reorder] [--tear]
 */

import {
  describeRule,
  FAULT_ERRNOS,
  FAULT_OPS,
  type DiskFaultSpec,
  type FaultAction,
  type FaultErrno,
  type FaultOp,
} from "../../engine/diskfault.ts";
import { cutPower } from "../../engine/powercut.ts";
import { setWriteCache } from "../../engine/writecache.ts";
import {
  DmError,
  EV,
  RamDisk,
  isLoopDevice,
  isMappedDevice,
  type BlockDevice,
} from "../../engine/index.ts";
import { command, getopt, type DmshCommand, type Io } from "./command.ts";

class UsageError extends Error {}

const DISKFAULT_USAGE = `Usage: diskfault add DISK [OPTION]...
       diskfault list [DISK]
       diskfault del ID...
       diskfault clear [DISK]

Fail, delay or corrupt the bios that reach a disk (a RAM disk or a loop device).
dm-playground's own tool (QEMU's blkdebug is the nearest); Linux's brd never fails.

Options of add (a rule does one thing: --errno, --latency or --corrupt):
  --op OP              read, write, flush, discard or any (default any); flush matches
                       empty flushes and writes with REQ_PREFLUSH, discard write-zeroes too
  --sectors A-B        sectors A to B, both included (A+N: N sectors from A; A-: to the
                       end); a bio touching the range matches (default: the whole disk)
  --errno ERRNO        fail the bio with ERRNO (default EIO): ${Object.keys(FAULT_ERRNOS).join(", ")}
  --latency TIME       delay the bio by TIME of virtual time: 500us, 20ms, 1s
  --corrupt N          change N bytes of what is written or read
  --prob P             fire for a matching bio with probability P, 0 < P <= 1 (default 1),
                       drawn from a stream seeded by the engine's seed: same script, same faults
  --after N            let the first N matching bios through (default 0)
  --once               fire once, then stay spent

add prints the rule's id. list shows each rule as add takes it, with the bios it saw and
the times it fired; rules are tried oldest first and the first that fires decides. A
failed bio is logged as Linux's block layer logs a failed request:
  I/O error, dev ram0, sector 100 op 0x1:(WRITE) flags 0x8800 phys_seg 1 prio class 2
`;

const DISKCACHE_USAGE = `Usage: diskcache [DISK [on|off]]

Show or set a RAM disk's volatile write cache (dm-playground's own disk option; Linux's brd
has none). With it on, a write completes once it is in the cache; a flush (REQ_PREFLUSH,
e.g. fsync, dd conv=fsync) or a write with REQ_FUA makes data durable, and powercut loses
what is still cached. off writes the cache back first. Without DISK, every RAM disk.
`;

const POWERCUT_USAGE = `Usage: powercut [--reorder] [--tear]

Cut the power, then restart (dm-playground's own). What the RAM disks' write caches hold
is lost, so are the page cache, every device-mapper device and table, loop device bindings,
load generators, I/O in flight and the kernel log. RAM disks keep what was durable (they
stand for disks that survive a reboot), files keep their contents.
  --reorder    the drive wrote back part of its cache before the power went, in any
               order: each cached write reached the disk or not (seeded)
  --tear       with --reorder, each sector on its own (torn writes)
`;

/** A disk a rule may go on: a RAM disk or a loop device, by name or /dev path. */
function findDisk(io: Io, arg: string): BlockDevice {
  const name = arg.replace(/^\/dev\//, "");
  const d = io.shell.engine.lookup(`/dev/${name}`);
  if (!d || isMappedDevice(d)) {
    if (d)
      throw new DmError("EINVAL", `${arg}: not a disk (rules go on RAM disks and loop devices)`);
    throw new DmError("ENODEV", `${arg}: No such disk`);
  }
  if (!(d instanceof RamDisk) && !isLoopDevice(d))
    throw new DmError("EINVAL", `${arg}: not a RAM disk or a loop device`);
  return d;
}

function last(opts: Map<string, string[]>, key: string): string | undefined {
  const v = opts.get(key);
  return v?.[v.length - 1];
}

function whole(what: string, s: string): number {
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s)))
    throw new UsageError(`invalid ${what} '${s}'`);
  return Number(s);
}

/** "100-200", "100+8", "100-", "7": an inclusive [first, last]. */
function parseRange(s: string): [number, number] {
  let m = /^(\d+)-(\d*)$/.exec(s);
  if (m) {
    const a = whole("sector", m[1]!);
    const b = m[2] === "" ? Infinity : whole("sector", m[2]!);
    if (b < a) throw new UsageError(`invalid range '${s}': ${b} is before ${a}`);
    return [a, b];
  }
  m = /^(\d+)\+(\d+)$/.exec(s);
  if (m) {
    const a = whole("sector", m[1]!);
    const n = whole("sector count", m[2]!);
    if (n === 0) throw new UsageError(`invalid range '${s}': no sectors`);
    return [a, a + n - 1];
  }
  if (/^\d+$/.test(s)) {
    const a = whole("sector", s);
    return [a, a];
  }
  throw new UsageError(`invalid range '${s}': A-B, A+N or A-`);
}

/** "20ms", "500us", "1s", "1500ns", "2.5ms": virtual nanoseconds. */
function parseTime(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ns|us|ms|s)$/.exec(s);
  if (!m) throw new UsageError(`invalid time '${s}': a number with ns, us, ms or s`);
  const ns = Number(m[1]) * { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[m[2] as "ns"];
  if (!(ns >= 1) || ns > 3600e9) throw new UsageError(`invalid time '${s}': 1ns to 1 hour`);
  return Math.round(ns);
}

function add(args: string[], io: Io): number {
  const p = getopt(
    args,
    {
      long: {
        op: true,
        sectors: true,
        errno: true,
        latency: true,
        corrupt: true,
        prob: true,
        after: true,
        once: false,
      },
      short: {},
    },
    "diskfault",
  );
  if (!p.ok) throw new UsageError(p.error.replace(/^diskfault: /, "").trimEnd());
  if (p.operands.length === 0) throw new UsageError("add: missing DISK");
  if (p.operands.length > 1) throw new UsageError(`add: extra operand '${p.operands[1]}'`);
  const o = p.opts;
  const op = last(o, "op") ?? "any";
  if (!(FAULT_OPS as readonly string[]).includes(op))
    throw new UsageError(`invalid op '${op}': ${FAULT_OPS.join(", ")}`);
  const [first, lastSector] = parseRange(last(o, "sectors") ?? "0-");
  const actions = (["errno", "latency", "corrupt"] as const).filter((k) => o.has(k));
  if (actions.length > 1)
    throw new UsageError(`--${actions[0]} and --${actions[1]}: a rule does one thing`);
  let action: FaultAction = { kind: "error", errno: "EIO" };
  const errno = last(o, "errno");
  const latency = last(o, "latency");
  const corrupt = last(o, "corrupt");
  if (errno !== undefined) {
    const e = errno.toUpperCase();
    if (!(e in FAULT_ERRNOS))
      throw new UsageError(`invalid errno '${errno}': ${Object.keys(FAULT_ERRNOS).join(", ")}`);
    action = { kind: "error", errno: e as FaultErrno };
  } else if (latency !== undefined) action = { kind: "latency", ns: parseTime(latency) };
  else if (corrupt !== undefined) {
    const n = whole("byte count", corrupt);
    if (n === 0) throw new UsageError("invalid byte count '0'");
    action = { kind: "corrupt", bytes: n };
  }
  const spec: DiskFaultSpec = { disk: "", op: op as FaultOp, first, last: lastSector, action };
  const prob = last(o, "prob");
  if (prob !== undefined) {
    const v = /^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(prob) ? Number(prob) : NaN;
    if (!(v > 0 && v <= 1)) throw new UsageError(`invalid probability '${prob}': 0 < P <= 1`);
    spec.prob = v;
  }
  const after = last(o, "after");
  if (after !== undefined) spec.after = whole("count", after);
  if (o.has("once")) spec.once = true;
  const disk = findDisk(io, p.operands[0]!);
  spec.disk = disk.name;
  const e = io.shell.engine;
  const id = e.diskFaults.add(spec);
  configEvent(io, disk, `diskfault add ${describeRule(spec)}`);
  io.out.o(`${id}\n`);
  return 0;
}

function configEvent(io: Io, d: BlockDevice, text: string): void {
  const e = io.shell.engine;
  e.events.emit(EV.DISK_CONFIG, e.now, 0, d.dev, 0, 0, 0, e.events.intern(text));
}

function list(args: string[], io: Io): number {
  if (args.length > 1) throw new UsageError(`list: extra operand '${args[1]}'`);
  const disk = args[0] === undefined ? undefined : findDisk(io, args[0]).name;
  const rules = io.shell.engine.diskFaults.list(disk);
  if (rules.length === 0) return 0;
  const rows = rules.map((r) => [
    String(r.id),
    String(r.seen),
    String(r.hits) + (r.spent ? "*" : ""),
    describeRule(r),
  ]);
  const head = ["ID", "SEEN", "FIRED", "RULE"];
  const w = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `${r[0]!.padStart(w[0]!)} ${r[1]!.padStart(w[1]!)} ${r[2]!.padStart(w[2]!)} ${r[3]}\n`;
  io.out.o(line(head));
  for (const r of rows) io.out.o(line(r));
  if (rules.some((r) => r.spent)) io.out.o("(* a --once rule that fired: spent)\n");
  return 0;
}

function del(args: string[], io: Io): number {
  if (args.length === 0) throw new UsageError("del: missing ID");
  const f = io.shell.engine.diskFaults;
  let rc = 0;
  for (const a of args) {
    const id = whole("rule id", a);
    const r = f.list().find((x) => x.id === id);
    if (!r) {
      io.out.e(`diskfault: del: no rule ${id}\n`);
      rc = 1;
      continue;
    }
    f.remove(id);
    const d = io.shell.engine.lookup(`/dev/${r.disk}`);
    if (d) configEvent(io, d, `diskfault del ${id}`);
  }
  return rc;
}

function clear(args: string[], io: Io): number {
  if (args.length > 1) throw new UsageError(`clear: extra operand '${args[1]}'`);
  const e = io.shell.engine;
  const disks =
    args[0] === undefined
      ? [...new Set(e.diskFaults.list().map((r) => r.disk))]
          .map((n) => e.lookup(`/dev/${n}`))
          .filter((d): d is BlockDevice => d !== undefined)
      : [findDisk(io, args[0])];
  for (const d of disks) {
    if (e.diskFaults.clear(d.name) > 0) configEvent(io, d, `diskfault clear ${d.name}`);
  }
  // Rules of a disk that is gone (a detached loop device) go too.
  if (args[0] === undefined) e.diskFaults.clear();
  return 0;
}

/** Run `fn`, turning its errors into a tool's exit codes. */
function tool(prog: string, usage: string, fn: (args: string[], io: Io) => number) {
  return (args: string[], io: Io): number => {
    if (args[0] === "--help" || args[0] === "-h") {
      io.out.o(usage);
      return 0;
    }
    try {
      return fn(args, io);
    } catch (e) {
      if (e instanceof UsageError) {
        io.out.e(`${prog}: ${e.message}\nTry '${prog} --help' for more information.\n`);
        return 2;
      }
      if (e instanceof DmError) {
        io.out.e(`${prog}: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  };
}

export const diskfault = command(
  "diskfault",
  tool("diskfault", DISKFAULT_USAGE, (args, io) => {
    const [sub, ...rest] = args;
    switch (sub) {
      case "add":
        return add(rest, io);
      case "list":
      case "ls":
        return list(rest, io);
      case "del":
      case "rm":
        return del(rest, io);
      case "clear":
        return clear(rest, io);
      case undefined:
        throw new UsageError("missing command: add, list, del or clear");
      default:
        throw new UsageError(`unknown command '${sub}': add, list, del or clear`);
    }
  }),
);

function cacheLine(d: RamDisk): string {
  if (!d.cache) return `${d.name}: write cache off\n`;
  const n = d.cache.cachedSectors;
  return `${d.name}: write cache on, ${n} sector${n === 1 ? "" : "s"} not yet durable\n`;
}

export const diskcache = command(
  "diskcache",
  tool("diskcache", DISKCACHE_USAGE, (args, io) => {
    const e = io.shell.engine;
    if (args.length > 2) throw new UsageError(`extra operand '${args[2]}'`);
    if (args.length === 0) {
      for (const d of e.ramDisks) io.out.o(cacheLine(d));
      return 0;
    }
    const d = findDisk(io, args[0]!);
    if (!(d instanceof RamDisk))
      throw new DmError("EINVAL", `${args[0]}: write caches are on RAM disks only`);
    const mode = args[1];
    if (mode === undefined) {
      io.out.o(cacheLine(d));
      return 0;
    }
    if (mode !== "on" && mode !== "off") throw new UsageError(`invalid mode '${mode}': on or off`);
    setWriteCache(e, d, mode === "on");
    return 0;
  }),
);

export const powercut = command(
  "powercut",
  tool("powercut", POWERCUT_USAGE, (args, io) => {
    const p = getopt(args, { long: { reorder: false, tear: false }, short: {} }, "powercut");
    if (!p.ok) throw new UsageError(p.error.replace(/^powercut: /, "").trimEnd());
    if (p.operands.length > 0) throw new UsageError(`extra operand '${p.operands[0]}'`);
    const tear = p.opts.has("tear");
    const reorder = p.opts.has("reorder");
    if (tear && !reorder) throw new UsageError("--tear needs --reorder");
    const r = cutPower(io.shell.engine, { reorder, tear });
    for (const d of r.disks) {
      io.out.o(
        `${d.disk}: ${d.lost} cached sector${d.lost === 1 ? "" : "s"} lost` +
          (reorder ? `, ${d.kept} written back before the cut` : "") +
          "\n",
      );
    }
    io.out.o(
      r.devices.length > 0
        ? `powercut: restarted; gone: ${r.devices.join(", ")}\n`
        : "powercut: restarted\n",
    );
    return 0;
  }),
);

export const diskfaultCommands: DmshCommand[] = [diskfault, diskcache, powercut];
