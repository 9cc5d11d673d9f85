/**
 * The engine's event schema. Every step the engine takes is one fixed-size record of eight
 * float64 slots, so that it can be copied as-is into a SharedArrayBuffer ring and drained by the
 * UI once per frame:
 *
 *   [0] type   [1] time (virtual ns)   [2] bio id   [3] dev (major<<20 | minor)
 *   [4] sector [5] sectors             [6] a        [7] b
 *
 * `a` and `b` depend on the type (see EVENT_LAYOUT). Text (target type names, messages, fault
 * descriptions) is interned once in `strings` and referenced by index. Bio ids are unique per
 * engine and follow a bio from submission through splits, clones, map, remap and end_io to
 * completion: a clone or split piece names its parent in `a`.
 */

import {
  BIO_OPS,
  BLK_STATUSES,
  END_IO_RESULTS,
  MAP_STATES,
  type BioOp,
  type BlkStatus,
  type EndIoResult,
  type MapState,
} from "./types.ts";

export const RECORD_SLOTS = 8;

export const EV = {
  /**
   * A bio entered a block device. a: op | flags<<8, b: parent bio (0: issued by a process;
   * negative: issued by a target, `issuerCode`).
   */
  BIO_SUBMIT: 1,
  /** dm split a bio at a target boundary or max_io_len. a: parent, b: 0 boundary | 1 max_io_len. */
  BIO_SPLIT: 2,
  /** dm cloned a bio for a target. a: the bio cloned, b: target index. */
  BIO_CLONE: 3,
  /** A target's map returned. a: MapState, b: target index. */
  BIO_MAP: 4,
  /** A clone was pointed at another device. dev/sector: destination; a: from dev; b: target. */
  BIO_REMAP: 5,
  /** A target's end_io returned. a: BlkStatus, b: EndIoResult. */
  BIO_ENDIO: 6,
  /** A bio completed. a: BlkStatus, b: latency in virtual ns. */
  BIO_COMPLETE: 7,
  /** A bio was held because its device is suspended (or has no live table yet). */
  BIO_DEFER: 8,
  /** A bio was queued again for after resume. a: 0 map REQUEUE | 1 end_io REQUEUE. */
  BIO_REQUEUE: 9,
  /** A deferred bio was re-driven after resume. */
  BIO_REDRIVE: 10,

  DEVICE_CREATE: 32,
  DEVICE_REMOVE: 33,
  DEVICE_RENAME: 34,
  /** A table was loaded into the inactive slot. a: number of targets. */
  TABLE_LOAD: 35,
  /** The inactive table became live. a: number of targets. */
  TABLE_SWAP: 36,
  /** The inactive table was dropped (dmsetup clear). */
  TABLE_CLEAR: 37,
  /** Target lifecycle. a: target index, b: string (target type). */
  TARGET_CTR: 40,
  TARGET_DTR: 41,
  TARGET_PRESUSPEND: 42,
  TARGET_POSTSUSPEND: 43,
  TARGET_PRERESUME: 44,
  TARGET_RESUME: 45,
  /** A message was sent to a target. a: target index, b: string (the message). */
  TARGET_MESSAGE: 46,
  /** The device as a whole was suspended / resumed. a: 1 when noflush. */
  DEVICE_SUSPEND: 47,
  DEVICE_RESUME: 48,
  /** A target misbehaved; the engine failed the bio (if any) and carried on. b: string. */
  TARGET_FAULT: 49,
  /** A disk was created or removed (brd). sectors: its size, b: string (its name). */
  DISK_CREATE: 50,
  DISK_REMOVE: 51,
  /** A user target module was loaded (insmod), unloaded (rmmod) or hot-reloaded. b: its name. */
  MODULE_LOAD: 52,
  MODULE_UNLOAD: 53,
  MODULE_RELOAD: 54,
  /**
   * A contract check warned about a user target (contracts.ts). bio: the bio (0 if none), dev,
   * sector, sectors: the target's mapped device, begin and length; a: target index; b: string
   * ("<check>: <message> (<file>:<line>)").
   */
  CONTRACT_WARNING: 55,
  /**
   * A disk fault rule fired on a bio at a disk (diskfault.ts). bio, dev, sector, sectors: the bio
   * at the disk; a: 0 error | 1 latency | 2 corrupt; b: string ("rule N: <its diskfault flags>").
   */
  DISK_FAULT: 60,
  /**
   * A disk's fault rules or write cache changed (diskfault add/del/clear, diskcache). dev: the
   * disk; b: string (what changed, as the command says it).
   */
  DISK_CONFIG: 61,
  /**
   * Power was cut (powercut): what the disks' volatile caches held is lost (or partly kept), and
   * the machine restarts. dev: 0; a: sectors lost; b: string (a summary per disk).
   */
  POWER_CUT: 62,
  /**
   * A snapshot's exception completed (dm-snap.c pending_complete): dev: the snapshot's mapped
   * device; sector: the origin chunk; sectors: the chunk size (sectors); a: the COW chunk; b: the
   * target index.
   */
  SNAP_EXCEPTION: 70,
  /**
   * A snapshot-merge merged chunks back into the origin (merge_callback): dev, sector: the first
   * origin chunk; sectors: how many chunks; a: the first COW chunk; b: the target index.
   */
  SNAP_MERGE: 71,
  /**
   * A snapshot's state changed: dev; a: the target index; b: string ("invalid", "overflow",
   * "merge failed", "merge started", "merge done", "handover from <dev>"); for a handover,
   * sectors: the chunk size it took over (its table line says 0).
   */
  SNAP_STATE: 72,
  /**
   * An exception read back from a persistent COW device by a snapshot's ctr (read_metadata),
   * before its table is live: dev, sector: the origin chunk; sectors: the chunk size; a: the
   * COW chunk; b: the target index (in the table being loaded).
   */
  SNAP_READ: 73,
  /**
   * A thin device's block was mapped to a new data block (dm-thin.c process_prepared_mapping):
   * dev: the thin device; sector: the virtual block; sectors: the pool's data block size
   * (sectors); a: the data block; b: string, how the block was filled first: "zero", "copy"
   * (broke sharing with a snapshot), "external" (copied from the external origin), "overwrite"
   * (the write covered it whole), "none" (skip_block_zeroing).
   */
  THIN_MAP: 80,
  /**
   * A discard unmapped blocks of a thin device: dev: the thin device; sector: the first virtual
   * block; sectors: how many; a: the first data block (-1 without passdown); b: target index.
   */
  THIN_UNMAP: 81,
  /**
   * A thin pool's space after a commit or a mode change: dev: the pool device; sector: data
   * blocks used; sectors: data blocks; a: metadata blocks used; b: string "<mode> <transaction
   * id> <held metadata root> <metadata blocks>" (mode as in the status line: rw, ro,
   * out_of_data_space, fail).
   */
  THIN_POOL: 82,
  /**
   * A thin device was created, snapshotted or deleted in the pool's metadata (a message): dev:
   * the pool device; sector: the device id; sectors: the origin's id (create_snap, else 0); a:
   * 0; b: string "create_thin", "create_snap" or "delete".
   */
  THIN_DEV: 83,
  /**
   * The thin target looked a bio's block up (dm-thin.c thin_bio_map, process_cell,
   * __process_bio_read_only): bio: the clone at the thin device; dev: the thin device; sector:
   * the virtual block; sectors: the pool's data block size (sectors); a: the data block (-1 when
   * none); b: string, the outcome: "mapped", "shared" (mapped, shared with a snapshot: a write
   * breaks the sharing), "unmapped", "error", or "deferred: <why>" (the bio goes to the pool's
   * worker without a lookup result: "deferred: would block", "deferred: cell held", "deferred:
   * data cell held", "deferred: flush", "deferred: discard"). Category bio: a step of its life.
   */
  THIN_LOOKUP: 84,
  /**
   * A data block was allocated for a thin device's block (provision_block, break_sharing, then
   * schedule_zero / schedule_copy): bio: the bio that needed it (the clone at the thin device);
   * dev: the thin device; sector: the virtual block; sectors: the pool's data block size; a: the
   * new data block; b: string, how it is filled: "zero", "copy <old data block>" (breaks
   * sharing), "external" (from the external origin), "overwrite" (the write covers it whole),
   * "overwrite <old data block>" (the same, breaking sharing), "none" (skip_block_zeroing).
   * Kept with the lifecycle records (as many as blocks provisioned), and a step of its bio's
   * life.
   */
  THIN_ALLOC: 85,
  /**
   * A mirror region's state changed (dm-region-hash.c): dev: the mirror; sector, sectors: the
   * region (sectors of the mirrored device); a: 0 clean, 1 dirty, 2 nosync, 3 recovering, 4
   * clean and out of the hash; b: the region number within its target.
   */
  MIRROR_REGION: 90,
  /**
   * A mirror leg's health changed (fail_mirror, or all reset once in sync): dev; sector,
   * sectors: the target's range; a: the leg index; b: string (its status char: A D F S R U).
   */
  MIRROR_LEG: 91,
  /**
   * A mirror's dirty log was (re)read at resume: dev; sector, sectors: the target's range; a:
   * regions in sync; b: string, the regions out of sync as ranges ("0-3,7"; "" when none).
   */
  MIRROR_SYNC: 92,
} as const;
export type EventCode = (typeof EV)[keyof typeof EV];

// ---------------------------------------------------------------- kinds

/**
 * What a kind of event is about, which is what consumers filter on (never numeric ranges):
 *
 *   bio        a step of a bio's life: `bio` names it, the flow and the inspector follow it
 *   lifecycle  a device, table, target or disk changed: kept apart by the page (the timeline,
 *              the topology at any point of the history), never sampled away
 *   fault      a target misbehaved: lifecycle (the timeline shows it) and, when `bio` is not 0,
 *              a step of that bio's life too
 *
 * A lifecycle kind may also be a step of a bio's life when its `bio` is not 0 (`bioStep`:
 * `thin_alloc`), as a fault is.
 */
export type EventCategory = "bio" | "lifecycle" | "fault";

export interface EventKind {
  code: EventCode;
  /** The documented name (docs/events.md), e.g. "bio_remap". */
  name: string;
  category: EventCategory;
  /** Slot `b` holds an interned string (a name, a type, a message, a table's description). */
  text: boolean;
  /** Not of category bio, but a step of the bio its `bio` names when that is not 0 (faults). */
  bioStep: boolean;
}

/**
 * Every kind of event, one line each: code, category, text, and (optional) bio step. A new kind
 * is a new code in EV and a line here; consumers ask `isBioEvent`, `isLifecycleEvent`,
 * `eventHasText`, `namesBio` or `eventKind`, so nothing else changes.
 * Codes are part of the ring's format (the page and the worker share this file): never reuse one.
 */
export const EVENT_KINDS: readonly EventKind[] = (
  [
    [EV.BIO_SUBMIT, "bio", false],
    [EV.BIO_SPLIT, "bio", false],
    [EV.BIO_CLONE, "bio", false],
    [EV.BIO_MAP, "bio", false],
    [EV.BIO_REMAP, "bio", false],
    [EV.BIO_ENDIO, "bio", false],
    [EV.BIO_COMPLETE, "bio", false],
    [EV.BIO_DEFER, "bio", false],
    [EV.BIO_REQUEUE, "bio", false],
    [EV.BIO_REDRIVE, "bio", false],
    [EV.DEVICE_CREATE, "lifecycle", true],
    [EV.DEVICE_REMOVE, "lifecycle", true],
    [EV.DEVICE_RENAME, "lifecycle", true],
    [EV.TABLE_LOAD, "lifecycle", true],
    [EV.TABLE_SWAP, "lifecycle", false],
    [EV.TABLE_CLEAR, "lifecycle", false],
    [EV.TARGET_CTR, "lifecycle", true],
    [EV.TARGET_DTR, "lifecycle", true],
    [EV.TARGET_PRESUSPEND, "lifecycle", true],
    [EV.TARGET_POSTSUSPEND, "lifecycle", true],
    [EV.TARGET_PRERESUME, "lifecycle", true],
    [EV.TARGET_RESUME, "lifecycle", true],
    [EV.TARGET_MESSAGE, "lifecycle", true],
    [EV.DEVICE_SUSPEND, "lifecycle", false],
    [EV.DEVICE_RESUME, "lifecycle", false],
    [EV.TARGET_FAULT, "fault", true, true],
    [EV.DISK_CREATE, "lifecycle", true],
    [EV.DISK_REMOVE, "lifecycle", true],
    [EV.MODULE_LOAD, "lifecycle", true],
    [EV.MODULE_UNLOAD, "lifecycle", true],
    [EV.MODULE_RELOAD, "lifecycle", true],
    [EV.CONTRACT_WARNING, "fault", true],
    [EV.DISK_FAULT, "fault", true, true],
    [EV.DISK_CONFIG, "lifecycle", true],
    [EV.POWER_CUT, "lifecycle", true],
    [EV.SNAP_EXCEPTION, "lifecycle", false],
    [EV.SNAP_MERGE, "lifecycle", false],
    [EV.SNAP_STATE, "lifecycle", true],
    [EV.SNAP_READ, "lifecycle", false],
    [EV.THIN_MAP, "lifecycle", true],
    [EV.THIN_UNMAP, "lifecycle", false],
    [EV.THIN_POOL, "lifecycle", true],
    [EV.THIN_DEV, "lifecycle", true],
    [EV.THIN_LOOKUP, "bio", true],
    [EV.THIN_ALLOC, "lifecycle", true, true],
    [EV.MIRROR_REGION, "lifecycle", false],
    [EV.MIRROR_LEG, "lifecycle", true],
    [EV.MIRROR_SYNC, "lifecycle", true],
  ] as ReadonlyArray<readonly [EventCode, EventCategory, boolean, boolean?]>
).map(([code, category, text, step]) => ({
  code,
  name: Object.entries(EV)
    .find(([, v]) => v === code)![0]
    .toLowerCase(),
  category,
  text,
  bioStep: step ?? false,
}));

const KIND_BY_CODE = new Map<number, EventKind>(EVENT_KINDS.map((k) => [k.code, k]));
const NAME_OF = new Map<number, string>(EVENT_KINDS.map((k) => [k.code, k.name]));
/** Per code, a bit set: 1 bio, 2 lifecycle, 4 text, 8 bio step (codes are small: a flat table). */
const FLAGS = new Uint8Array(Math.max(...EVENT_KINDS.map((k) => k.code)) + 1);
for (const k of EVENT_KINDS) {
  FLAGS[k.code] =
    (k.category === "bio" ? 1 : 0) |
    (k.category !== "bio" ? 2 : 0) |
    (k.text ? 4 : 0) |
    (k.bioStep ? 8 : 0);
}
const flags = (type: number): number => FLAGS[type] ?? 0;

/** The kind of an event type, undefined for a code this build does not know. */
export const eventKind = (type: number): EventKind | undefined => KIND_BY_CODE.get(type);
/** A step of a bio's life (the bio path: submit … complete). */
export const isBioEvent = (type: number): boolean => (flags(type) & 1) !== 0;
/** A change of devices, tables, targets or disks, or a fault: what the page keeps apart. */
export const isLifecycleEvent = (type: number): boolean => (flags(type) & 2) !== 0;
/** Slot `b` is an interned string. */
export const eventHasText = (type: number): boolean => (flags(type) & 4) !== 0;
/** A lifecycle kind that is a step of a bio's life when its `bio` is not 0 (faults, thin_alloc). */
export const isBioStep = (type: number): boolean => (flags(type) & 8) !== 0;
/**
 * A record whose `bio` slot names a bio the history should follow (bio steps; faults and other
 * `bioStep` kinds on one).
 */
export const namesBio = (r: ArrayLike<number>, o: number): boolean =>
  isBioEvent(r[o]!) || (isBioStep(r[o]!) && r[o + 2] !== 0);

// ---------------------------------------------------------------- reading a record

/** Slot numbers of a record. */
export const SLOT = {
  TYPE: 0,
  TIME: 1,
  BIO: 2,
  DEV: 3,
  SECTOR: 4,
  SECTORS: 5,
  A: 6,
  B: 7,
} as const;

type Rec = ArrayLike<number>;

/**
 * Named reads of the record at offset `o` of `r` (a ring, a history chunk, a log): consumers use
 * these, never slot numbers. The generic slots first, then what `a` and `b` mean for the kinds
 * that have them (docs/events.md); a named read of a kind that does not have the field is -1.
 */
export const ev = {
  type: (r: Rec, o: number): number => r[o]!,
  /** Virtual ns. */
  time: (r: Rec, o: number): number => r[o + 1]!,
  bio: (r: Rec, o: number): number => r[o + 2]!,
  /** major * 2^20 + minor. */
  dev: (r: Rec, o: number): number => r[o + 3]!,
  /** 512-byte sectors. */
  sector: (r: Rec, o: number): number => r[o + 4]!,
  sectors: (r: Rec, o: number): number => r[o + 5]!,
  a: (r: Rec, o: number): number => r[o + 6]!,
  b: (r: Rec, o: number): number => r[o + 7]!,

  /** bio_submit: the op code (BIO_OPS index). */
  op: (r: Rec, o: number): number => (r[o] === EV.BIO_SUBMIT ? r[o + 6]! & 0xff : -1),
  /** bio_submit: the flags (op | flags << 8). */
  opFlags: (r: Rec, o: number): number =>
    r[o] === EV.BIO_SUBMIT ? Math.floor(r[o + 6]! / 256) : -1,
  /** The bio this one was split or cloned from, or the bio that issued it (0: a process). */
  parent(r: Rec, o: number): number {
    switch (r[o]) {
      case EV.BIO_SPLIT:
      case EV.BIO_CLONE:
        return r[o + 6]!;
      case EV.BIO_SUBMIT:
        return Math.max(0, r[o + 7]!);
      default:
        return 0;
    }
  },
  /** bio_submit of a target's own bio (dm-io, dm-bufio): the target that issued it, or null. */
  issuer(r: Rec, o: number): BioIssuerRef | null {
    return r[o] === EV.BIO_SUBMIT ? decodeIssuer(r[o + 7]!) : null;
  },
  /** The target index a record is about (clone, map, remap; target lifecycle, fault). */
  target(r: Rec, o: number): number {
    switch (r[o]) {
      case EV.BIO_CLONE:
      case EV.BIO_MAP:
      case EV.BIO_REMAP:
        return r[o + 7]!;
      case EV.TARGET_CTR:
      case EV.TARGET_DTR:
      case EV.TARGET_PRESUSPEND:
      case EV.TARGET_POSTSUSPEND:
      case EV.TARGET_PRERESUME:
      case EV.TARGET_RESUME:
      case EV.TARGET_MESSAGE:
      case EV.TARGET_FAULT:
        return r[o + 6]!;
      default:
        return -1;
    }
  },
  /** bio_map: the MapState code (MAP_STATES index). */
  mapState: (r: Rec, o: number): number => (r[o] === EV.BIO_MAP ? r[o + 6]! : -1),
  /** bio_endio, bio_complete: the BlkStatus code (BLK_STATUSES index). */
  status: (r: Rec, o: number): number =>
    r[o] === EV.BIO_ENDIO || r[o] === EV.BIO_COMPLETE ? r[o + 6]! : -1,
  /** bio_endio: the EndIoResult code (END_IO_RESULTS index). */
  endIo: (r: Rec, o: number): number => (r[o] === EV.BIO_ENDIO ? r[o + 7]! : -1),
  /** bio_split: 0 at a target boundary, 1 at max_io_len. */
  splitReason: (r: Rec, o: number): number => (r[o] === EV.BIO_SPLIT ? r[o + 7]! : -1),
  /** bio_remap: the mapped device the clone came from. */
  fromDev: (r: Rec, o: number): number => (r[o] === EV.BIO_REMAP ? r[o + 6]! : -1),
  /** bio_complete: latency in virtual ns. */
  latency: (r: Rec, o: number): number => (r[o] === EV.BIO_COMPLETE ? r[o + 7]! : -1),
  /** table_load, table_swap: the number of targets. */
  targets: (r: Rec, o: number): number =>
    r[o] === EV.TABLE_LOAD || r[o] === EV.TABLE_SWAP ? r[o + 6]! : -1,
  /** device_suspend, device_resume: 1 when noflush. */
  noflush: (r: Rec, o: number): number =>
    r[o] === EV.DEVICE_SUSPEND || r[o] === EV.DEVICE_RESUME ? r[o + 6]! : -1,
  /** The interned string in `b` (kinds with text), -1 otherwise. */
  text: (r: Rec, o: number): number => (eventHasText(r[o]!) ? r[o + 7]! : -1),
} as const;

// ---------------------------------------------------------------- a table's description

/**
 * One segment of a table as `table_load` describes it (its `b` string): what `dmsetup table`
 * prints for the line, and the devices the target uses (its iterate_devices: device number as
 * "major:minor", first sector and length used, in 512-byte sectors).
 */
export interface SegmentDesc {
  start: number;
  length: number;
  type: string;
  /** The constructor arguments as `dmsetup table` prints them (the target's STATUSTYPE_TABLE). */
  args: string;
  devices: Array<{ dev: string; start: number; length: number }>;
}

/** The text `table_load` carries: the segments as JSON (one interned string per table). */
export function encodeTable(segments: readonly SegmentDesc[]): string {
  return JSON.stringify(
    segments.map((s) => ({
      start: s.start,
      length: s.length,
      type: s.type,
      args: s.args,
      devices: s.devices.map((d) => ({ dev: d.dev, start: d.start, length: d.length })),
    })),
  );
}

/** The segments of a `table_load` description; null when the text is not one. */
export function decodeTable(text: string | undefined): SegmentDesc[] | null {
  if (text === undefined || !text.startsWith("[")) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null; // not a description (an older engine's table_load has none)
  }
  if (!Array.isArray(v)) return null;
  const out: SegmentDesc[] = [];
  for (const x of v as unknown[]) {
    if (typeof x !== "object" || x === null) return null;
    const s = x as Record<string, unknown>;
    if (typeof s.start !== "number" || typeof s.length !== "number") return null;
    if (typeof s.type !== "string" || typeof s.args !== "string") return null;
    const devices: SegmentDesc["devices"] = [];
    for (const d of Array.isArray(s.devices) ? (s.devices as unknown[]) : []) {
      const m = d as Record<string, unknown>;
      if (typeof m.dev !== "string" || typeof m.start !== "number") return null;
      if (typeof m.length !== "number") return null;
      devices.push({ dev: m.dev, start: m.start, length: m.length });
    }
    out.push({ start: s.start, length: s.length, type: s.type, args: s.args, devices });
  }
  return out;
}

/** A table as `dmsetup table` prints it: "start length type args" per line. */
export function tableLines(segments: readonly SegmentDesc[]): string {
  return segments
    .map((s) => `${s.start} ${s.length} ${s.type}${s.args ? ` ${s.args}` : ""}`)
    .join("\n");
}

export const opCode = (op: BioOp): number => BIO_OPS.indexOf(op);
export const statusCode = (s: BlkStatus): number => BLK_STATUSES.indexOf(s);
export const mapCode = (m: MapState): number => MAP_STATES.indexOf(m);
export const endIoCode = (r: EndIoResult): number => END_IO_RESULTS.indexOf(r);

/** The target that issued a bio of its own: its mapped device and its index in the table. */
export interface BioIssuerRef {
  /** The mapped device (major * 2^20 + minor). */
  dev: number;
  /** The target's index in that device's table. */
  target: number;
}

const ISSUER_TARGETS = 2 ** 24;

/** bio_submit's `b` for a bio a target issued itself: -(1 + target + dev * 2^24), exact. */
export function issuerCode(dev: number, target: number): number {
  return -(1 + target + dev * ISSUER_TARGETS);
}

/** The issuer `b` of a bio_submit names, or null (a process's bio or a clone). */
export function decodeIssuer(b: number): BioIssuerRef | null {
  if (!(b < 0)) return null;
  const x = -b - 1;
  return { dev: Math.floor(x / ISSUER_TARGETS), target: x % ISSUER_TARGETS };
}

/** A decoded event, for consumers that prefer objects (tests, the inspector, the CLI). */
export interface EngineEvent {
  seq: number;
  kind: string;
  type: EventCode;
  time: number;
  bio: number;
  dev: number;
  sector: number;
  sectors: number;
  a: number;
  b: number;
  /** Decoded extras: op/status/mapState/endIo/text where the type has them. */
  op?: BioOp;
  flags?: number;
  /** bio_submit of a target's own bio: who issued it. */
  issuer?: BioIssuerRef;
  status?: BlkStatus;
  mapState?: MapState;
  endIo?: EndIoResult;
  text?: string;
}

/**
 * The engine's event history: a ring of the last `capacity` records plus a running sequence
 * number. Consumers poll with `copySince(seq)`; a consumer that falls more than `capacity`
 * records behind learns how many it missed.
 */
export class EventLog {
  readonly capacity: number;
  readonly records: Float64Array;
  /** Records ever written; the next record's sequence number. */
  seq = 0;
  /** When false, bio-path events are not recorded (lifecycle events always are). */
  bioEvents = true;
  /** While above zero, nothing is recorded (a dry run the engine takes back). */
  muted = 0;
  readonly strings: string[] = [];
  readonly #stringIds = new Map<string, number>();
  #listeners: Array<(seq: number) => void> = [];

  constructor(capacity = 1 << 16) {
    if (capacity & (capacity - 1)) throw new Error("event log capacity must be a power of two");
    this.capacity = capacity;
    this.records = new Float64Array(capacity * RECORD_SLOTS);
  }

  intern(s: string): number {
    let id = this.#stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.#stringIds.set(s, id);
    }
    return id;
  }

  emit(
    type: EventCode,
    time: number,
    bio: number,
    dev: number,
    sector: number,
    sectors: number,
    a: number,
    b: number,
  ): void {
    if (this.muted) return;
    const o = (this.seq & (this.capacity - 1)) * RECORD_SLOTS;
    const r = this.records;
    r[o] = type;
    r[o + 1] = time;
    r[o + 2] = bio;
    r[o + 3] = dev;
    r[o + 4] = sector;
    r[o + 5] = sectors;
    r[o + 6] = a;
    r[o + 7] = b;
    this.seq++;
    if (this.#listeners.length) for (const l of this.#listeners) l(this.seq - 1);
  }

  /** Call `fn` after each record is written (low-rate consumers only: it costs per event). */
  listen(fn: (seq: number) => void): () => void {
    this.#listeners.push(fn);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== fn);
    };
  }

  /** The oldest sequence number still held. */
  get oldest(): number {
    return Math.max(0, this.seq - this.capacity);
  }

  /** Copy records [from, seq) into `out` (records * 8 slots); returns [first seq copied, count]. */
  copySince(from: number, out: Float64Array): [number, number] {
    const start = Math.max(from, this.oldest);
    const n = Math.min(this.seq - start, Math.floor(out.length / RECORD_SLOTS));
    for (let i = 0; i < n; i++) {
      const o = ((start + i) & (this.capacity - 1)) * RECORD_SLOTS;
      out.set(this.records.subarray(o, o + RECORD_SLOTS), i * RECORD_SLOTS);
    }
    return [start, n];
  }

  /** Decoded events from `from` on (those still held). */
  since(from = 0): EngineEvent[] {
    const out: EngineEvent[] = [];
    for (let s = Math.max(from, this.oldest); s < this.seq; s++) {
      const o = (s & (this.capacity - 1)) * RECORD_SLOTS;
      out.push(decodeEvent(this.records, o, s, this.strings));
    }
    return out;
  }
}

/** Decode the record at `o` of `r`. */
export function decodeEvent(
  r: Float64Array,
  o: number,
  seq: number,
  strings: readonly string[],
): EngineEvent {
  const type = ev.type(r, o) as EventCode;
  const e: EngineEvent = {
    seq,
    kind: NAME_OF.get(type) ?? `unknown_${type}`,
    type,
    time: ev.time(r, o),
    bio: ev.bio(r, o),
    dev: ev.dev(r, o),
    sector: ev.sector(r, o),
    sectors: ev.sectors(r, o),
    a: ev.a(r, o),
    b: ev.b(r, o),
  };
  switch (type) {
    case EV.BIO_SUBMIT:
      e.op = BIO_OPS[ev.op(r, o)]!;
      e.flags = ev.opFlags(r, o);
      {
        const issuer = ev.issuer(r, o);
        if (issuer) e.issuer = issuer;
      }
      break;
    case EV.BIO_MAP:
      e.mapState = MAP_STATES[ev.mapState(r, o)]!;
      break;
    case EV.BIO_ENDIO:
      e.status = BLK_STATUSES[ev.status(r, o)]!;
      e.endIo = END_IO_RESULTS[ev.endIo(r, o)]!;
      break;
    case EV.BIO_COMPLETE:
      e.status = BLK_STATUSES[ev.status(r, o)]!;
      break;
  }
  if (eventHasText(type)) {
    const text = strings[ev.text(r, o)];
    if (text !== undefined) e.text = text;
  }
  return e;
}
