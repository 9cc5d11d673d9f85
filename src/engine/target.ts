/**
 * The target API: what a device-mapper target is (`TargetType`, the kernel's `struct
 * target_type` and the Rust `TargetOperations` vtable) and what one instance of it sees
 * (`Target`, the kernel's `struct dm_target`). Built-in targets and targets users write in the
 * browser use exactly this API.
 *
 *     export default defineTarget<LinearPrivate>({
 *       name: "linear", version: [1, 4, 0],
 *       ctr(t, args) {
 *         if (args.length !== 2) ctrError("Invalid argument count");
 *         t.private = { dev: t.getDevice(args[0]!), start: parseU64(args[1]!) ?? 0 };
 *       },
 *       dtr(t) { t.putDevice(t.priv.dev); },
 *       map(t, bio) {
 *         bio.bdev = t.priv.dev.bdev;                          // where the clone goes
 *         bio.sector = t.priv.start + t.offset(bio.sector);    // dm_target_offset
 *         return "REMAPPED";                                   // DM_MAPIO_REMAPPED
 *       },
 *     });
 *
 * The engine calls these operations only through the type's guard (guard.ts), which reports a
 * throw or a bad result as a target fault.
 *
 * Invariant: `t.private` is set by a successful ctr and is valid until dtr; the core never calls
 * map, end_io, status, message or a suspend/resume hook on a target whose ctr failed.
 */

import type { Bio } from "./bio.ts";
import type { BlockDevice } from "./blockdev.ts";
import type { TargetGuard } from "./guard.ts";
import { DmBufioClient, type DmBufioOptions } from "./dm-bufio.ts";
import { dmIo, dmIoAsync, type DmIoRegion, type DmIoRequest } from "./dm-io.ts";
import {
  DmError,
  type BlkStatus,
  type EndIoResult,
  type Errno,
  type MapState,
  type QueueLimits,
  type Sector,
  type StatusType,
} from "./types.ts";

/** A device a target holds through dm_get_device (struct dm_dev). */
export interface DmDev {
  readonly bdev: BlockDevice;
  /** "major:minor", as the kernel names it in status lines. */
  readonly name: string;
  readonly mode: "r" | "rw";
}

export interface TargetFeatures {
  /** DM_TARGET_SINGLETON: must be the only target in its table. */
  singleton?: boolean;
  /** DM_TARGET_ALWAYS_WRITEABLE: may not appear in a read-only table. */
  alwaysWriteable?: boolean;
  /** DM_TARGET_IMMUTABLE: a table's type may not change once it has one. */
  immutable?: boolean;
  /** DM_TARGET_NOWAIT, DM_TARGET_PASSES_INTEGRITY...: informational here. */
  nowait?: boolean;
  /**
   * The ctr reads or writes its devices (metadata), so it is async and has effects a dry run
   * must not have: the editor's check (`DeviceMapper.validate`) does not run it and says the
   * line is checked at load. This project's own flag; Linux has no dry run.
   */
  ctrDoesIo?: boolean;
}

/** The operations a target type provides. Only name, version, ctr and map are required. */
export interface TargetType<P = unknown> {
  readonly name: string;
  readonly version: readonly [number, number, number];
  readonly features?: TargetFeatures;
  /**
   * Text before "device-mapper: " in the type's log lines: its module's pr_fmt. Debian 6.1's
   * dm-crypt.c includes keys/trusted-type.h, whose pr_fmt is "trusted_key: ".
   */
  readonly logPrefix?: string;
  /**
   * Parse the table line's arguments. Throw `ctrError(...)` (ti->error) to reject them.
   *
   * May be `async` (return a Promise) when it does I/O, as Linux's ctr blocks on it (a
   * snapshot reading its exception store, a thin-pool opening its metadata): table loads
   * through `DeviceMapper.loadAsync` (dmsetup, the editor) await it; a rejection with
   * `ctrError(...)` is ti->error as for a throw. Set `features.ctrDoesIo` on such a type.
   */
  ctr(t: Target<P>, args: string[]): void | Promise<void>;
  /** May be async (a pool committing its metadata): removal and table swaps await it. */
  dtr?(t: Target<P>): void | Promise<void>;
  /** Decide what happens to a bio (already split to fit this target). Synchronous. */
  map(t: Target<P>, bio: Bio): MapState;
  /** Inspect a clone's completion; may change `bio.status`. Synchronous. */
  endIo?(t: Target<P>, bio: Bio, status: BlkStatus): EndIoResult;
  /** May be async; suspend awaits it before holding new I/O. */
  presuspend?(t: Target<P>): void | Promise<void>;
  /** May be async (a pool committing on suspend); suspend awaits it. */
  postsuspend?(t: Target<P>): void | Promise<void>;
  /** May throw or reject (a DmError) to fail the resume. May be async. */
  preresume?(t: Target<P>): void | Promise<void>;
  resume?(t: Target<P>): void | Promise<void>;
  /**
   * STATUSTYPE_INFO / STATUSTYPE_TABLE text, without the "start len type " prefix. INFO may be
   * async (a pool commits before reporting, as pool_status does); TABLE must be synchronous.
   */
  status?(t: Target<P>, type: StatusType): string | Promise<string>;
  /** Handle `dmsetup message`; a returned string is printed by dmsetup. Throw to fail. May be async. */
  message?(t: Target<P>, args: string[]): string | void | Promise<string | void>;
  /** Call `fn` for each device area; `start` may be a bigint where it does not fit a double. */
  iterateDevices?(
    t: Target<P>,
    fn: (dev: DmDev, start: Sector | bigint, len: Sector) => void,
  ): void;
  ioHints?(t: Target<P>, limits: QueueLimits): void;
}

/** Identity helper that types a target definition. */
export function defineTarget<P>(tt: TargetType<P>): TargetType<P> {
  return tt;
}

/** A constructor error: the kernel's `ti->error = "..."; return -EINVAL;`. */
export class TargetCtrError extends DmError {
  constructor(message: string, errno: Errno = "EINVAL") {
    super(errno, message);
    this.name = "TargetCtrError";
  }
}

export function ctrError(message: string, errno: Errno = "EINVAL"): never {
  throw new TargetCtrError(message, errno);
}

/** What a target instance can ask of the table and engine that hold it. */
export interface TargetHost {
  readonly now: number;
  readonly mdName: string;
  readonly readOnly: boolean;
  /** dm_noflush_suspending: a noflush suspend is in progress on the target's device. */
  noflushSuspending(): boolean;
  /** wait_event: resolves when `cond` holds, the clock running meanwhile. */
  waitEvent(cond: () => boolean): Promise<void>;
  /** wake_up: waiters re-check their conditions. */
  wakeUp(): void;
  /** The target holds `bio` on purpose until it is reconfigured: not reaped when idle. */
  hold(t: Target<unknown>, bio: Bio): void;
  getDevice(t: Target<unknown>, path: string, mode: "r" | "rw"): DmDev;
  putDevice(t: Target<unknown>, d: DmDev): void;
  schedule(t: Target<unknown>, delay: number, fn: () => void): void;
  random(): number;
  log(level: "err" | "warn" | "info", text: string): void;
  /** dm_submit_bio_remap: send a clone the target owns (after SUBMITTED) down to its device. */
  submitRemapped(t: Target<unknown>, bio: Bio): void;
  /** Submit a new bio the target made itself (e.g. a copy or a metadata read). */
  submit(t: Target<unknown>, bio: Bio): void;
  /** A new bio to `dev`; `onEnd` runs (guarded) when it ends. */
  newBio(
    t: Target<unknown>,
    op: Bio["op"],
    dev: DmDev,
    sector: Sector,
    sectors: number,
    data: Uint8Array | null,
    onEnd: (b: Bio) => void,
  ): Bio;
  /** dm_table_event: bump the device's event number. */
  event(): void;
  /** A promise the target awaits was settled: the clock lets its continuation run now. */
  requestYield(): void;
  /**
   * Record an event of the target's own kind (EVENT_KINDS: `snap_exception`...), on its mapped
   * device, for the views: `b` is a number, or a string for kinds whose `b` is text; `bio` the
   * bio it is a step of (0: none). A kind of category `bio` is not recorded while bio events
   * are off (EventLog.bioEvents).
   */
  traceEvent(
    t: Target<unknown>,
    code: number,
    sector: number,
    sectors: number,
    a: number,
    b: number | string,
    bio?: number,
  ): void;
  /** dm_get_md + dm_get_live_table: another mapped device, referenced until `put`. */
  getMappedDevice(t: Target<unknown>, path: string): MappedDeviceRef | null;
  /** dm_internal_suspend_noflush(dm_table_get_md(ti->table)): dm.ts dmInternalSuspendNoflush. */
  internalSuspendNoflush(): Promise<void>;
  /** dm_internal_resume(dm_table_get_md(ti->table)): dm.ts dmInternalResume. */
  internalResume(): void;
}

/**
 * A reference to a mapped device (dm_get_md): while held, the device cannot be removed
 * (EBUSY). Put it (dm_put) when done, at the latest in dtr.
 */
export interface MappedDeviceRef {
  /** The dm name (/dev/mapper/<name>), as it is now. */
  readonly name: string;
  readonly uuid: string;
  /** major * 2^20 + minor. */
  readonly dev: number;
  /** "major:minor". */
  readonly devName: string;
  /**
   * dm_get_live_table: the targets of the device's live table now (null: no live table). The
   * live table changes on resume after a load: read it again rather than keeping it.
   */
  liveTable(): readonly Target<unknown>[] | null;
  /** dm_put: drop the reference. Putting it twice throws DmError EINVAL. */
  put(): void;
}

export class Target<P = unknown> {
  readonly type: TargetType<P>;
  /** Position of this target in its table. */
  readonly index: number;
  readonly begin: Sector;
  readonly len: Sector;
  /** Split bios so none crosses a multiple of this many sectors of the target (0: no limit). */
  maxIoLen = 0;
  numFlushBios = 0;
  numDiscardBios = 0;
  numWriteZeroesBios = 0;
  /**
   * ti->discards_supported: the target takes discards itself, whatever its devices support
   * (dm_table_supports_discards otherwise needs every device it uses to take them).
   */
  discardsSupported = false;
  /**
   * ti->flush_supported: the target needs flushes even when no device has a write cache, so the
   * device shows one ("write back" in queue/write_cache).
   */
  flushSupported = false;
  /**
   * References the target holds on its own module besides its type's (try_module_get), e.g. a
   * snapshot's on its exception store type: lsmod's use count includes them.
   */
  extraModuleRefs = 0;
  /** ti->error: the text the kernel logs when ctr fails. */
  error = "Unknown error";
  /** The target's own state, set by ctr. */
  private: P | undefined = undefined;
  /** The arguments ctr was given (for tooling; status TABLE must not rely on it). */
  readonly args: readonly string[];
  /** The guard of this target's type (guard.ts): the engine calls `type` only through it. */
  readonly guard: TargetGuard;
  readonly #host: TargetHost;

  constructor(
    host: TargetHost,
    type: TargetType<P>,
    guard: TargetGuard,
    index: number,
    begin: Sector,
    len: Sector,
    args: string[],
  ) {
    this.#host = host;
    this.type = type;
    this.guard = guard;
    this.index = index;
    this.begin = begin;
    this.len = len;
    this.args = args;
  }

  /** `private`, asserted present: the ctr/dtr invariant above. */
  get priv(): P {
    return this.private as P;
  }

  /** dm_target_offset: the bio's sector relative to this target's start. */
  offset(sector: Sector): Sector {
    return sector - this.begin;
  }

  /** dm_device_name of the mapped device, "major:minor". */
  get mdName(): string {
    return this.#host.mdName;
  }

  /** Whether the table was loaded read-only (dm_table_get_mode without FMODE_WRITE). */
  get readOnly(): boolean {
    return this.#host.readOnly;
  }

  get now(): number {
    return this.#host.now;
  }

  /** dm_get_device: open `path` ("/dev/...", or "major:minor") for the life of the table. */
  getDevice(path: string, mode: "r" | "rw" = this.readOnly ? "r" : "rw"): DmDev {
    return this.#host.getDevice(this as Target<unknown>, path, mode);
  }

  putDevice(d: DmDev): void {
    this.#host.putDevice(this as Target<unknown>, d);
  }

  /** Run `fn` after `delay` virtual nanoseconds (a throw from it is reported as a fault). */
  schedule(delay: number, fn: () => void): void {
    this.#host.schedule(this as Target<unknown>, delay, fn);
  }

  /** The engine's seeded randomness: a float in [0, 1). */
  random(): number {
    return this.#host.random();
  }

  /**
   * A kernel log line (DMERR / DMWARN / DMINFO): "device-mapper: <type>: <text>", preceded by
   * the type's `logPrefix` (its module's pr_fmt) when it has one.
   */
  log(level: "err" | "warn" | "info", text: string): void {
    this.#host.log(level, `${this.type.logPrefix ?? ""}device-mapper: ${this.type.name}: ${text}`);
  }

  /**
   * A kernel log line as given, for code whose DM_MSG_PREFIX is not the type's name (dm-raid1.c
   * logs as "raid1", dm-log.c as "dirty region log"): `text` is the whole line.
   */
  logLine(level: "err" | "warn" | "info", text: string): void {
    this.#host.log(level, text);
  }

  /** A raw kernel log line (printk), e.g. the crypto API's own messages. */
  printk(level: "err" | "warn" | "info", text: string): void {
    this.#host.log(level, text);
  }

  submitRemapped(bio: Bio): void {
    this.#host.submitRemapped(this as Target<unknown>, bio);
  }

  submit(bio: Bio): void {
    this.#host.submit(this as Target<unknown>, bio);
  }

  newBio(
    op: Bio["op"],
    dev: DmDev,
    sector: Sector,
    sectors: number,
    data: Uint8Array | null,
    onEnd: (b: Bio) => void,
  ): Bio {
    return this.#host.newBio(this as Target<unknown>, op, dev, sector, sectors, data, onEnd);
  }

  event(): void {
    this.#host.event();
  }

  /**
   * dm_noflush_suspending: true while the device is being suspended with noflush, when a bio
   * the target must give up should end DM_REQUEUE (kept for the resume) rather than fail.
   */
  noflushSuspending(): boolean {
    return this.#host.noflushSuspending();
  }

  /**
   * wait_event: resolves when `cond` holds, virtual time running meanwhile (the engine's own
   * wait, so a headless run drives the clock). For async hooks that must wait for the target's
   * own work to drain, e.g. a mirror's presuspend waiting for recovery to stop.
   */
  waitEvent(cond: () => boolean): Promise<void> {
    return this.#host.waitEvent(cond);
  }

  /**
   * wake_up: tell `waitEvent` waiters to check their conditions again, after changing what they
   * wait for outside a clock entry (in a continuation): the paced driver re-checks waiters
   * only after clock entries, so a condition made true in a continuation needs this.
   */
  wakeUp(): void {
    this.#host.wakeUp();
  }

  /**
   * Keep a bio the target owns (it returned SUBMITTED) on purpose, with nothing scheduled to
   * end it, until the device is reconfigured: dm-raid1's hold_bio after a leg failed with
   * handle_errors. The engine then does not reap it when the clock goes idle (it reaps bios a
   * target forgot); a process waiting on it waits, as on Linux, until the target ends it
   * (presuspend, or a new table).
   */
  hold(bio: Bio): void {
    this.#host.hold(this as Target<unknown>, bio);
  }

  // ---- metadata I/O: dm-io.ts, dm-bufio.ts (docs/targets.md, "Metadata I/O") -----------------

  /**
   * dm_io, synchronous: read or write regions of devices this target holds, as its own bios.
   * Resolves when all ended; rejects with DmIoError (errno EIO, `errorBits`) if any failed.
   */
  dmIo(req: DmIoRequest, regions: readonly DmIoRegion[]): Promise<void> {
    return dmIo(this as Target<unknown>, req, regions);
  }

  /** dm_io, asynchronous: `notify(errorBits)` runs (guarded) once every region has ended. */
  dmIoAsync(
    req: DmIoRequest,
    regions: readonly DmIoRegion[],
    notify: (errorBits: number) => void,
  ): void {
    dmIoAsync(this as Target<unknown>, req, regions, notify);
  }

  /** dm_bufio_client_create: a block cache over `dev` (blockSize: bytes, a power of two). */
  bufio(dev: DmDev, blockSize: number, opts?: DmBufioOptions): DmBufioClient {
    return new DmBufioClient(this as Target<unknown>, dev, blockSize, opts);
  }

  /**
   * dm_get_md: the mapped device at `path` ("/dev/mapper/NAME", "/dev/dm-N" or "major:minor"),
   * referenced until `put()`; null when there is none (the kernel's NULL, e.g. for a RAM disk).
   */
  /**
   * dm_internal_suspend_noflush on this target's own mapped device, called by another target
   * that holds this one (a pool on its active thin devices, pool_suspend_active_thins): a
   * noflush suspend userspace does not see (`dmsetup info` says ACTIVE; a `dmsetup suspend` or
   * `resume` of the device waits for `internalResume`). Nests. Resolves once in-flight I/O has
   * drained and the postsuspend hooks ran. drivers/md/dm.c __dm_internal_suspend.
   */
  internalSuspendNoflush(): Promise<void> {
    return this.#host.internalSuspendNoflush();
  }

  /** dm_internal_resume on this target's own mapped device: undoes one internalSuspendNoflush. */
  internalResume(): void {
    this.#host.internalResume();
  }

  getMappedDevice(path: string): MappedDeviceRef | null {
    return this.#host.getMappedDevice(this as Target<unknown>, path);
  }

  /**
   * An event of the target's own kind, on its device (TargetHost.traceEvent); `bio`: the id of
   * the bio it is a step of (`bio.id`), 0 or absent for none.
   */
  traceEvent(
    code: number,
    sector: number,
    sectors: number,
    a: number,
    b: number | string,
    bio = 0,
  ): void {
    this.#host.traceEvent(this as Target<unknown>, code, sector, sectors, a, b, bio);
  }

  /**
   * A promise this target awaits was settled by its own code (dm-io and dm-bufio do this for
   * theirs): the clock lets the continuation run before the next entry.
   */
  requestYield(): void {
    this.#host.requestYield();
  }
}

/** Kernel `sscanf(s, "%llu%c", &v, &dummy) == 1`: a plain unsigned decimal, nothing after it. */
export function parseU64(s: string): number | null {
  if (!/^[0-9]+$/.test(s)) return null;
  const v = BigInt(s) & 0xffffffffffffffffn;
  return Number(v);
}

/** parseU64, exact: the same value as a bigint (for values past 2^53, where a double rounds). */
export function parseU64Exact(s: string): bigint | null {
  if (!/^[0-9]+$/.test(s)) return null;
  return BigInt(s) & 0xffffffffffffffffn;
}

/** Kernel `sscanf(s, "%u%c", &v, &dummy) == 1`, wrapping like the kernel's simple_strtoul. */
export function parseU32(s: string): number | null {
  if (!/^[0-9]+$/.test(s)) return null;
  return Number(BigInt(s) & 0xffffffffn);
}

/** Kernel `kstrtouint(s, 10, &v)`: decimal, optional leading '+', trailing newline, no overflow. */
export function kstrtouint(s: string): number | null {
  const m = /^\+?([0-9]+)\n?$/.exec(s);
  if (!m) return null;
  const v = BigInt(m[1]!);
  return v > 0xffffffffn ? null : Number(v);
}
