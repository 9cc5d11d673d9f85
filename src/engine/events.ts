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
  /** A bio entered a block device. a: op | flags<<8, b: parent bio (0: issued by a process). */
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
  /** A disk was created or removed (brd). */
  DISK_CREATE: 50,
  DISK_REMOVE: 51,
} as const;
export type EventCode = (typeof EV)[keyof typeof EV];

const NAME_OF = new Map<number, string>(Object.entries(EV).map(([k, v]) => [v, k.toLowerCase()]));

export const opCode = (op: BioOp): number => BIO_OPS.indexOf(op);
export const statusCode = (s: BlkStatus): number => BLK_STATUSES.indexOf(s);
export const mapCode = (m: MapState): number => MAP_STATES.indexOf(m);
export const endIoCode = (r: EndIoResult): number => END_IO_RESULTS.indexOf(r);

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
  const type = r[o]! as EventCode;
  const e: EngineEvent = {
    seq,
    kind: NAME_OF.get(type) ?? `unknown_${type}`,
    type,
    time: r[o + 1]!,
    bio: r[o + 2]!,
    dev: r[o + 3]!,
    sector: r[o + 4]!,
    sectors: r[o + 5]!,
    a: r[o + 6]!,
    b: r[o + 7]!,
  };
  switch (type) {
    case EV.BIO_SUBMIT:
      e.op = BIO_OPS[e.a & 0xff]!;
      e.flags = e.a >> 8;
      break;
    case EV.BIO_MAP:
      e.mapState = MAP_STATES[e.a]!;
      break;
    case EV.BIO_ENDIO:
      e.status = BLK_STATUSES[e.a]!;
      e.endIo = END_IO_RESULTS[e.b]!;
      break;
    case EV.BIO_COMPLETE:
      e.status = BLK_STATUSES[e.a]!;
      break;
    case EV.TARGET_CTR:
    case EV.TARGET_DTR:
    case EV.TARGET_PRESUSPEND:
    case EV.TARGET_POSTSUSPEND:
    case EV.TARGET_PRERESUME:
    case EV.TARGET_RESUME:
    case EV.TARGET_MESSAGE:
    case EV.TARGET_FAULT:
    case EV.DEVICE_CREATE:
    case EV.DEVICE_REMOVE:
    case EV.DEVICE_RENAME:
    case EV.DISK_CREATE:
    case EV.DISK_REMOVE:
      {
        const text = strings[e.b];
        if (text !== undefined) e.text = text;
      }
      break;
  }
  return e;
}
