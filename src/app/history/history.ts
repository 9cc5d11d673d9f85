/**
 * The page's record of every engine event it drained: the engine's fixed-size records, copied
 * as they are into chunks of one Float64Array each (no object per event), so that the views
 * can be recomputed at any point of the past (the playback cursor) and the inspector can follow
 * a bio after the fact.
 *
 * Records are numbered from 0 in the order drained (their index never changes). The history is
 * bounded: past `capacity` records, whole chunks are forgotten from the front, `base` moves up
 * and `forgotten` counts them. Consumers that must not miss a record (folds, indexes) register
 * `beforeForget` and catch up there.
 *
 * Event text (target types, messages) is interned by the engine: `string(id)` looks it up in the
 * table the session keeps (it only grows until the history is cleared, so it stays valid for
 * every record held).
 */

import { ev, RECORD_SLOTS } from "../../engine/events.ts";

/** Records per chunk: 32 Ki records, 2 MiB. */
export const CHUNK_RECORDS = 1 << 15;
/** Records held by default (the last two million; 128 MiB at most). */
export const DEFAULT_CAPACITY = 1 << 21;

export type StringLookup = (id: number) => string | undefined;

export class EventHistory {
  readonly chunkRecords: number;
  readonly capacity: number;
  readonly #strings: StringLookup;
  /** Retained chunks, oldest first; `#chunks[0]` holds records from `#base`. */
  #chunks: Float64Array[] = [];
  #base = 0;
  #head = 0;
  /** The chunk being filled and the next slot in it (a record offset, in slots). */
  #tail: Float64Array | null = null;
  #tailSlot = 0;
  /** A forgotten chunk kept for reuse, so a full history allocates nothing more. */
  #spare: Float64Array | null = null;
  #beforeForget = new Set<(newBase: number) => void>();
  #onClear = new Set<() => void>();
  /** Bumped by clear(): indexes and folds built on an older epoch are void. */
  epoch = 0;

  constructor(
    opts: {
      capacity?: number;
      chunkRecords?: number;
      strings?: StringLookup | readonly string[];
    } = {},
  ) {
    this.chunkRecords = opts.chunkRecords ?? CHUNK_RECORDS;
    if (this.chunkRecords & (this.chunkRecords - 1)) {
      throw new Error("chunkRecords must be a power of two");
    }
    const cap = opts.capacity ?? DEFAULT_CAPACITY;
    this.capacity = Math.max(2, Math.ceil(cap / this.chunkRecords)) * this.chunkRecords;
    const s = opts.strings ?? [];
    this.#strings = typeof s === "function" ? s : (id) => (s as readonly string[])[id];
  }

  /** Index of the next record: every record ever appended (since the last clear). */
  get head(): number {
    return this.#head;
  }

  /** Index of the oldest record still held. */
  get base(): number {
    return this.#base;
  }

  /** Records dropped from the front to stay within `capacity`. */
  get forgotten(): number {
    return this.#base;
  }

  get length(): number {
    return this.#head - this.#base;
  }

  string(id: number): string | undefined {
    return this.#strings(id);
  }

  /** Appends the record at `offset` of `src` (RECORD_SLOTS slots). */
  append(src: Float64Array, offset: number): void {
    let tail = this.#tail;
    if (tail === null || this.#tailSlot === tail.length) tail = this.#newChunk();
    const o = this.#tailSlot;
    for (let k = 0; k < RECORD_SLOTS; k++) tail[o + k] = src[offset + k]!;
    this.#tailSlot = o + RECORD_SLOTS;
    this.#head++;
  }

  /** Appends one record given slot by slot (tests, tools). */
  push(
    type: number,
    time: number,
    bio: number,
    dev: number,
    sector: number,
    sectors: number,
    a: number,
    b: number,
  ): number {
    const r = new Float64Array([type, time, bio, dev, sector, sectors, a, b]);
    this.append(r, 0);
    return this.#head - 1;
  }

  #newChunk(): Float64Array {
    const retained = this.#chunks.length * this.chunkRecords;
    if (retained + this.chunkRecords > this.capacity && this.#chunks.length > 0) {
      const newBase = this.#base + this.chunkRecords;
      for (const l of this.#beforeForget) l(newBase);
      this.#spare = this.#chunks.shift()!;
      this.#base = newBase;
    }
    const chunk = this.#spare ?? new Float64Array(this.chunkRecords * RECORD_SLOTS);
    this.#spare = null;
    this.#chunks.push(chunk);
    this.#tail = chunk;
    this.#tailSlot = 0;
    return chunk;
  }

  /** Called before records below `newBase` are dropped (catch up on them now). */
  beforeForget(listener: (newBase: number) => void): () => void {
    this.#beforeForget.add(listener);
    return () => this.#beforeForget.delete(listener);
  }

  /** Called after clear(). */
  onClear(listener: () => void): () => void {
    this.#onClear.add(listener);
    return () => this.#onClear.delete(listener);
  }

  /** Drops every record (a new engine: bio ids and strings start over). */
  clear(): void {
    this.#chunks = [];
    this.#tail = null;
    this.#tailSlot = 0;
    this.#base = 0;
    this.#head = 0;
    this.epoch++;
    for (const l of this.#onClear) l();
  }

  /** True when record `i` is held. */
  has(i: number): boolean {
    return i >= this.#base && i < this.#head;
  }

  /** The chunk holding record `i` (which must be held); its slot offset is `offsetOf(i)`. */
  chunkOf(i: number): Float64Array {
    return this.#chunks[Math.floor(i / this.chunkRecords) - this.#base / this.chunkRecords]!;
  }

  offsetOf(i: number): number {
    return (i % this.chunkRecords) * RECORD_SLOTS;
  }

  /** A named read of record `i` (which must be held): `history.get(i, ev.parent)`. */
  get<T>(i: number, read: (r: Float64Array, o: number) => T): T {
    return read(this.chunkOf(i), this.offsetOf(i));
  }

  type(i: number): number {
    return this.get(i, ev.type);
  }

  time(i: number): number {
    return this.get(i, ev.time);
  }

  bio(i: number): number {
    return this.get(i, ev.bio);
  }

  dev(i: number): number {
    return this.get(i, ev.dev);
  }

  /** Visits records [from, to) (clamped to those held), chunk by chunk, with no allocation. */
  forEach(
    from: number,
    to: number,
    visit: (data: Float64Array, offset: number, index: number) => void,
  ): void {
    let i = Math.max(from, this.#base);
    const end = Math.min(to, this.#head);
    while (i < end) {
      const data = this.chunkOf(i);
      const chunkEnd = Math.min(end, (Math.floor(i / this.chunkRecords) + 1) * this.chunkRecords);
      let o = this.offsetOf(i);
      for (; i < chunkEnd; i++, o += RECORD_SLOTS) visit(data, o, i);
    }
  }

  /** A copy of record `i`'s slots (tests, the inspector). */
  record(i: number): number[] {
    const d = this.chunkOf(i);
    const o = this.offsetOf(i);
    return Array.from(d.subarray(o, o + RECORD_SLOTS));
  }

  /**
   * The first held index whose time is greater than `t` (records are in time order: the
   * engine's clock never goes back), by binary search; `head` if none.
   */
  upperBoundTime(t: number): number {
    let lo = this.#base;
    let hi = this.#head;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.time(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
