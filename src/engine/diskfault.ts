/**
 * Disk fault rules: dm-playground's own fault injection on the disks under device-mapper (RAM
 * disks and loop devices), in the manner of QEMU's blkdebug and nbdkit's error and delay
 * filters. Linux has no such switch on brd; its disks fail because hardware does. A rule fails,
 * delays or corrupts the bios that reach one disk:
 *
 *     const id = e.diskFaults.add({ disk: "ram0", op: "write", first: 100, last: 199,
 *                                   action: { kind: "error", errno: "EIO" }, prob: 0.1 });
 *     e.diskFaults.list();  e.diskFaults.remove(id);  e.diskFaults.clear("ram0");
 *
 * A bio matches a rule when it is addressed to the rule's disk, its op is the rule's (`read`;
 * `write`; `flush`: an empty flush or a bio carrying REQ_PREFLUSH; `discard`: discard and
 * write-zeroes; `any`) and it overlaps sectors [first, last] (flushes match whatever the
 * range). Of the matching bios, the first `after` pass; each later one fires with probability
 * `prob`, drawn from the rules' own stream, seeded from the engine's seed (so a script gives
 * the same faults on every run, and adding a rule changes no other random choice). A `once` rule
 * fires one time, then is spent. The first rule that fires decides the bio's fate:
 *
 * - `error`: the bio fails with the errno's blk_status_t (errno_to_blk_status: EIO -> IOERR,
 *   ENOSPC -> NOSPC, ETIMEDOUT -> TIMEOUT, ENODATA -> MEDIUM, ...); nothing is read or written.
 *   The kernel log gets blk_print_req_error's line (blk-mq.ts): `I/O error, dev ram0, sector 100
 *   op 0x1:(WRITE) flags 0x8800 phys_seg 1 prio class 2`, rate limited as Linux's.
 * - `latency`: the bio reaches the disk `ns` virtual nanoseconds later.
 * - `corrupt`: `bytes` bytes of the payload (at seeded positions) are XORed with seeded non-zero
 *   values: on the disk for a write (the caller's buffer is untouched), in what the reader gets
 *   for a read.
 *
 * Every firing is a `disk_fault` event (docs/events.md) naming the bio, the disk, the rule.
 */

import type { Bio } from "./bio.ts";
import { blkReqErrorLine } from "./blk-mq.ts";
import type { BlockDevice } from "./blockdev.ts";
import { Prng } from "./clock.ts";
import { EV, type EventLog } from "./events.ts";
import type { KernelLog } from "./klog.ts";
import { DmError, REQ_PREFLUSH, type BlkStatus, type Sector } from "./types.ts";

/** What a rule's `--op` names. */
export const FAULT_OPS = ["read", "write", "flush", "discard", "any"] as const;
export type FaultOp = (typeof FAULT_OPS)[number];

/** errno_to_blk_status (block/blk-core.c blk_errors[]): the errnos a rule may fail a bio with. */
export const FAULT_ERRNOS = {
  EIO: "IOERR",
  ENOSPC: "NOSPC",
  ETIMEDOUT: "TIMEOUT",
  ENODATA: "MEDIUM",
  EOPNOTSUPP: "NOTSUPP",
  ENOLINK: "TRANSPORT",
  EREMOTEIO: "TARGET",
  EBADE: "NEXUS",
  EILSEQ: "PROTECTION",
  ENOMEM: "RESOURCE",
  EAGAIN: "AGAIN",
} as const satisfies Record<string, BlkStatus>;
export type FaultErrno = keyof typeof FAULT_ERRNOS;

export type FaultAction =
  | { kind: "error"; errno: FaultErrno }
  /** Virtual nanoseconds added before the disk sees the bio. */
  | { kind: "latency"; ns: number }
  /** Bytes of the payload changed. */
  | { kind: "corrupt"; bytes: number };

/** The `a` slot of a disk_fault event: what the rule did. */
export const FAULT_ACTION_CODE = { error: 0, latency: 1, corrupt: 2 } as const;

export interface DiskFaultSpec {
  /** The disk's kernel name: "ram0", "loop1". */
  disk: string;
  op: FaultOp;
  /** First and last sector of the range, inclusive (512-byte sectors). */
  first: Sector;
  last: Sector;
  action: FaultAction;
  /** Probability that a matching bio (past `after`) fires the rule, in (0, 1]. Default 1. */
  prob?: number;
  /** Matching bios let through before the rule starts firing. Default 0. */
  after?: number;
  /** Fire once, then stay spent. */
  once?: boolean;
}

export interface DiskFaultRule extends Required<DiskFaultSpec> {
  readonly id: number;
  /** Bios that matched (op and range). */
  seen: number;
  /** Times it fired. */
  hits: number;
  /** A `once` rule that fired. */
  spent: boolean;
}

/** What DiskFaults needs from the engine. */
export interface DiskFaultHost {
  readonly now: number;
  readonly events: EventLog;
  readonly klog: KernelLog;
  readonly clock: { schedule(delay: number, fn: () => void): void };
}

/** The `diskfault add` flags a rule is written back as (`diskfault list`, events). */
export function describeRule(r: DiskFaultSpec): string {
  const parts = [r.disk, "--op", r.op];
  if (r.first !== 0 || r.last !== Infinity)
    parts.push("--sectors", `${r.first}-${r.last === Infinity ? "" : r.last}`);
  switch (r.action.kind) {
    case "error":
      parts.push("--errno", r.action.errno);
      break;
    case "latency":
      parts.push("--latency", formatNs(r.action.ns));
      break;
    case "corrupt":
      parts.push("--corrupt", String(r.action.bytes));
      break;
  }
  if ((r.prob ?? 1) !== 1) parts.push("--prob", String(r.prob));
  if ((r.after ?? 0) !== 0) parts.push("--after", String(r.after));
  if (r.once) parts.push("--once");
  return parts.join(" ");
}

/** Virtual ns as the CLI takes it back: "20ms", "150us", "2s", "7ns". */
export function formatNs(ns: number): string {
  for (const [unit, n] of [
    ["s", 1e9],
    ["ms", 1e6],
    ["us", 1e3],
  ] as const)
    if (ns >= n && ns % n === 0) return `${ns / n}${unit}`;
  return `${ns}ns`;
}

export class DiskFaults {
  readonly #host: DiskFaultHost;
  readonly #rng: Prng;
  #rules: DiskFaultRule[] = [];
  #nextId = 1;

  constructor(host: DiskFaultHost, seed: number) {
    this.#host = host;
    // The rules' own stream: derived from the engine's seed, independent of its other draws.
    this.#rng = new Prng((seed ^ 0x6469736b) >>> 0);
  }

  /**
   * The disks' own random stream (rule probabilities, corrupted bytes, what a power cut lets
   * reach the medium): seeded from the engine's seed, drawn from by nothing else.
   */
  get rng(): Prng {
    return this.#rng;
  }

  /** Whether any rule is set (the I/O path's one branch when none is). */
  get armed(): boolean {
    return this.#rules.length > 0;
  }

  /** Add a rule; its id. EINVAL for a bad range, probability or amount. */
  add(spec: DiskFaultSpec): number {
    const prob = spec.prob ?? 1;
    if (!(prob > 0 && prob <= 1)) throw new DmError("EINVAL", "probability must be in (0, 1]");
    if (!(spec.first >= 0 && spec.last >= spec.first))
      throw new DmError("EINVAL", "bad sector range");
    const after = spec.after ?? 0;
    if (!Number.isInteger(after) || after < 0) throw new DmError("EINVAL", "bad --after count");
    const a = spec.action;
    if (a.kind === "latency" && !(a.ns > 0)) throw new DmError("EINVAL", "bad latency");
    if (a.kind === "corrupt" && !(Number.isInteger(a.bytes) && a.bytes > 0))
      throw new DmError("EINVAL", "bad byte count");
    const rule: DiskFaultRule = {
      disk: spec.disk,
      op: spec.op,
      first: spec.first,
      last: spec.last,
      action: a,
      prob,
      after,
      once: spec.once ?? false,
      id: this.#nextId++,
      seen: 0,
      hits: 0,
      spent: false,
    };
    this.#rules.push(rule);
    return rule.id;
  }

  /** Rules in the order they are tried (oldest first), optionally of one disk. */
  list(disk?: string): readonly DiskFaultRule[] {
    return disk === undefined ? this.#rules : this.#rules.filter((r) => r.disk === disk);
  }

  /** Remove rule `id`; ENOENT if there is none. */
  remove(id: number): DiskFaultRule {
    const r = this.#rules.find((x) => x.id === id);
    if (!r) throw new DmError("ENOENT", `no rule ${id}`);
    this.#rules = this.#rules.filter((x) => x !== r);
    return r;
  }

  /** Remove every rule (of one disk); how many went. */
  clear(disk?: string): number {
    const before = this.#rules.length;
    this.#rules = disk === undefined ? [] : this.#rules.filter((r) => r.disk !== disk);
    return before - this.#rules.length;
  }

  /**
   * Called by submit_bio for a bio that reached disk `bdev` (in range): true when a rule took
   * it (failed now, or handed to the disk later); false to let the disk handle it now.
   */
  intercept(bdev: BlockDevice, bio: Bio): boolean {
    const rule = this.#firing(bdev.name, bio);
    if (!rule) return false;
    const h = this.#host;
    const a = rule.action;
    h.events.emit(
      EV.DISK_FAULT,
      h.now,
      bio.id,
      bdev.dev,
      bio.sector,
      bio.sectors,
      FAULT_ACTION_CODE[a.kind],
      h.events.intern(`rule ${rule.id}: ${describeRule(rule)}`),
    );
    switch (a.kind) {
      case "error": {
        const status = FAULT_ERRNOS[a.errno];
        h.klog.ratelimited(
          h.now,
          "err",
          "blk_print_req_error",
          blkReqErrorLine(bdev.name, bio, status),
        );
        const latency = (bdev as { latency?: number }).latency ?? 0;
        if (latency > 0) h.clock.schedule(latency, () => bio.end(status));
        else bio.end(status);
        return true;
      }
      case "latency":
        h.clock.schedule(a.ns, () => bdev.handleBio(bio));
        return true;
      case "corrupt":
        this.#corrupt(bdev, bio, a.bytes);
        return true;
    }
  }

  #firing(disk: string, bio: Bio): DiskFaultRule | undefined {
    for (const r of this.#rules) {
      if (r.disk !== disk || r.spent || !opMatches(r.op, bio)) continue;
      const flush = r.op === "flush";
      if (!flush && !(bio.sector <= r.last && bio.sector + Math.max(1, bio.sectors) > r.first))
        continue;
      r.seen++;
      if (r.seen <= r.after) continue;
      // Draw only for partial rules, so that certain ones consume nothing from the stream.
      if (r.prob < 1 && this.#rng.next() >= r.prob) continue;
      r.hits++;
      if (r.once) r.spent = true;
      return r;
    }
    return undefined;
  }

  #corrupt(bdev: BlockDevice, bio: Bio, bytes: number): void {
    const data = bio.data;
    if (!data || data.length === 0) {
      bdev.handleBio(bio);
      return;
    }
    const flip = (buf: Uint8Array) => {
      for (let i = 0; i < bytes; i++) {
        const at = this.#rng.below(buf.length);
        buf[at] = buf[at]! ^ (1 + this.#rng.below(255));
      }
    };
    if (bio.op === "WRITE") {
      // The disk stores the corrupted copy; the writer's buffer stays as it was.
      const copy = data.slice();
      flip(copy);
      bio.data = copy;
      bdev.handleBio(bio);
      bio.data = data;
      return;
    }
    // A read: corrupt what the disk returned, before the reader sees it.
    const onEnd = bio.onEnd;
    bio.onEnd = (b) => {
      if (b.status === "OK" && b.data) flip(b.data);
      onEnd?.(b);
    };
    bdev.handleBio(bio);
  }
}

function opMatches(op: FaultOp, bio: Bio): boolean {
  switch (op) {
    case "any":
      return true;
    case "read":
      return bio.op === "READ";
    case "write":
      return bio.op === "WRITE" && !bio.isEmptyFlush;
    case "flush":
      return bio.op === "FLUSH" || (bio.flags & REQ_PREFLUSH) !== 0;
    case "discard":
      return bio.op === "DISCARD" || bio.op === "WRITE_ZEROES";
  }
}
