/**
 * A single-producer / single-consumer ring of fixed-size numeric records in a
 * SharedArrayBuffer (the ringbuf.js design). The worker's engine produces events; the page
 * consumes them once per animation frame.
 *
 * Layout: a 64-byte Int32 header, then `capacity * recordWords` Float64 words.
 *
 *   header[CAPACITY]     records in the ring, a power of two
 *   header[RECORD_WORDS] Float64 words per record
 *   header[WRITE]        records ever written, free-running modulo 2^32 (producer stores)
 *   header[READ]         records ever read, free-running modulo 2^32 (consumer stores)
 *   header[DROPPED]      records refused because the ring was full (producer adds)
 *
 * Invariant: 0 <= WRITE - READ <= capacity (mod 2^32). Each index has exactly one writer, so
 * no compare-and-swap is needed: the producer fills a slot, then publishes WRITE with
 * Atomics.store; the consumer reads WRITE with Atomics.load (which orders the slot's contents
 * before it), reads the slot, then publishes READ.
 *
 * A full ring never blocks or slows the producer: the record is dropped and counted. The
 * engine must not wait on the UI; the UI shows how much it missed.
 */

const MAGIC = 0x646d7267; // "dmrg"
const HEADER_BYTES = 64;
const H_MAGIC = 0;
const H_CAPACITY = 1;
const H_RECORD_WORDS = 2;
const H_WRITE = 3;
const H_READ = 4;
const H_DROPPED = 5;

export interface RingShape {
  /** Records the ring holds; rounded up to a power of two. */
  readonly capacity: number;
  /** Float64 words per record. */
  readonly recordWords: number;
}

function nextPowerOfTwo(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 30) throw new RangeError(`bad ring capacity ${n}`);
  return 2 ** Math.ceil(Math.log2(n));
}

/** Allocates and formats a ring. The SharedArrayBuffer is what crosses to the other side. */
export function createRing(shape: RingShape): SharedArrayBuffer {
  const capacity = nextPowerOfTwo(shape.capacity);
  if (!Number.isInteger(shape.recordWords) || shape.recordWords < 1) {
    throw new RangeError(`bad record size ${shape.recordWords}`);
  }
  const sab = new SharedArrayBuffer(HEADER_BYTES + capacity * shape.recordWords * 8);
  const header = new Int32Array(sab, 0, HEADER_BYTES / 4);
  header[H_CAPACITY] = capacity;
  header[H_RECORD_WORDS] = shape.recordWords;
  Atomics.store(header, H_MAGIC, MAGIC);
  return sab;
}

class RingView {
  protected readonly header: Int32Array;
  /** The record slots; record i of the ring starts at `(i & mask) * recordWords`. */
  readonly data: Float64Array;
  readonly capacity: number;
  readonly recordWords: number;
  protected readonly mask: number;

  constructor(readonly sab: SharedArrayBuffer) {
    this.header = new Int32Array(sab, 0, HEADER_BYTES / 4);
    if (Atomics.load(this.header, H_MAGIC) !== MAGIC) throw new Error("not an event ring");
    this.capacity = this.header[H_CAPACITY] ?? 0;
    this.recordWords = this.header[H_RECORD_WORDS] ?? 0;
    this.mask = this.capacity - 1;
    this.data = new Float64Array(sab, HEADER_BYTES, this.capacity * this.recordWords);
  }

  /** Records written and not yet read. */
  available(): number {
    return (Atomics.load(this.header, H_WRITE) - Atomics.load(this.header, H_READ)) | 0;
  }

  /** Records dropped since the ring was created (modulo 2^32). */
  dropped(): number {
    return Atomics.load(this.header, H_DROPPED) >>> 0;
  }
}

export class RingProducer extends RingView {
  /**
   * Appends one record (its first `recordWords` numbers; missing words are 0). Returns false,
   * and counts a drop, when the ring is full.
   */
  push(record: ArrayLike<number>): boolean {
    const offset = this.reserve();
    if (offset < 0) return false;
    const n = this.recordWords;
    for (let i = 0; i < n; i++) this.data[offset + i] = record[i] ?? 0;
    this.commit();
    return true;
  }

  /**
   * Zero-copy variant of push: returns the offset in `data` of the next free slot for the
   * caller to fill, then `commit()` publishes it. Returns -1 (and counts a drop) when full.
   */
  reserve(): number {
    const write = this.header[H_WRITE] ?? 0; // only this thread stores WRITE
    const read = Atomics.load(this.header, H_READ);
    if (((write - read) | 0) >= this.capacity) {
      Atomics.add(this.header, H_DROPPED, 1);
      return -1;
    }
    return (write & this.mask) * this.recordWords;
  }

  /**
   * Appends `count` records at once from `src`, itself a ring of `srcCapacity` records (a power
   * of two) of `recordWords` words each, starting at its record `first` (taken modulo
   * `srcCapacity`): block copies and one publication instead of a reserve and commit per record.
   * What does not fit is dropped and counted, as `push` does. Returns how many were appended.
   */
  pushRecords(src: Float64Array, srcCapacity: number, first: number, count: number): number {
    const w = this.recordWords;
    const write = this.header[H_WRITE] ?? 0; // only this thread stores WRITE
    const read = Atomics.load(this.header, H_READ);
    const n = Math.max(0, Math.min(count, this.capacity - ((write - read) | 0)));
    let done = 0;
    while (done < n) {
      const s = (first + done) & (srcCapacity - 1);
      const d = (write + done) & this.mask;
      // A run that wraps neither the source nor this ring.
      const run = Math.min(n - done, srcCapacity - s, this.capacity - d);
      this.data.set(src.subarray(s * w, (s + run) * w), d * w);
      done += run;
    }
    if (n > 0) Atomics.store(this.header, H_WRITE, (write + n) | 0);
    if (count > n) Atomics.add(this.header, H_DROPPED, count - n);
    if (count > 0) this.#wake();
    return n;
  }

  /** Counts records lost before they reached the ring (the engine's own log overflowed). */
  countDropped(n: number): void {
    if (n <= 0) return;
    Atomics.add(this.header, H_DROPPED, n);
    this.#wake();
  }

  /** Publishes the slot returned by the last successful reserve(). */
  commit(): void {
    Atomics.store(this.header, H_WRITE, ((this.header[H_WRITE] ?? 0) + 1) | 0);
    this.#wake();
  }

  /** Wakes a consumer waiting in `whenWritten` (cheap when none waits). */
  #wake(): void {
    Atomics.notify(this.header, H_WRITE);
  }
}

type WaitAsync = (
  typedArray: Int32Array,
  index: number,
  value: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };

export class RingConsumer extends RingView {
  private droppedSeen = 0;

  /**
   * Visits up to `max` pending records in order, without copying: `visit(data, offset)` sees
   * the record at `data[offset .. offset + recordWords)`, valid only during the call. Frees
   * the visited slots once, at the end. Returns how many records were visited.
   */
  drain(visit: (data: Float64Array, offset: number) => void, max = Infinity): number {
    const read = this.header[H_READ] ?? 0; // only this thread stores READ
    const write = Atomics.load(this.header, H_WRITE);
    const n = Math.min((write - read) | 0, max);
    for (let i = 0; i < n; i++) visit(this.data, ((read + i) & this.mask) * this.recordWords);
    if (n > 0) Atomics.store(this.header, H_READ, (read + n) | 0);
    return n;
  }

  /** Copies the next record into `out`; false when the ring is empty. */
  pop(out: Float64Array): boolean {
    return (
      this.drain((data, offset) => out.set(data.subarray(offset, offset + this.recordWords)), 1) ===
      1
    );
  }

  /**
   * Resolves once the producer has written or dropped a record since the ring was last drained
   * (at once if records are pending), without polling: Atomics.waitAsync on the WRITE word,
   * which the producer notifies on every publication. Where Atomics.waitAsync is missing, the
   * ring is looked at every `pollMs` instead. Lets a sleeping consumer (the page's frame loop)
   * wake only when there is something to read.
   */
  whenWritten(pollMs = 50): Promise<void> {
    const write = Atomics.load(this.header, H_WRITE);
    if (write !== Atomics.load(this.header, H_READ) || this.dropped() !== this.droppedSeen) {
      return Promise.resolve();
    }
    const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    if (typeof waitAsync === "function") {
      const r = waitAsync(this.header, H_WRITE, write);
      return r.async ? r.value.then(() => undefined) : Promise.resolve();
    }
    return new Promise((resolve) => {
      const look = () => {
        if (this.available() !== 0 || this.dropped() !== this.droppedSeen) resolve();
        else setTimeout(look, pollMs);
      };
      setTimeout(look, pollMs);
    });
  }

  /** Records dropped since the previous call (the UI's "missed N events"). */
  takeDropped(): number {
    const total = this.dropped();
    const fresh = (total - this.droppedSeen) >>> 0;
    this.droppedSeen = total;
    return fresh;
  }
}

export const RING_HEADER_BYTES = HEADER_BYTES;
/** Header word indices, for tests that start the counters near their wraparound. */
export const RING_HEADER = { WRITE: H_WRITE, READ: H_READ, DROPPED: H_DROPPED } as const;
