/**
 * Sparse, chunked disk storage in SharedArrayBuffers.
 *
 * A disk is a two-level directory of 64 KiB data chunks. Chunks and directory pages come from
 * pools of fixed-size blocks carved out of large SharedArrayBuffer segments, so everything a
 * disk holds can be handed to another thread (the UI reads it for hex and heat-map views; a
 * restarted worker reattaches to it) as a short list of buffers. A chunk is allocated on the
 * first write that touches it; reading unwritten space yields zeros without allocating; a
 * discard or write-zeroes that covers whole chunks frees them.
 *
 * Cost: a 1 TiB disk has a 16 KiB first-level directory (one int per 64 MiB); each 64 MiB of
 * it that holds data costs a 4 KiB directory page plus 64 KiB per written chunk.
 */

export const CHUNK_SHIFT = 16;
export const CHUNK_SIZE = 1 << CHUNK_SHIFT; // 64 KiB of data per chunk
const PAGE_SIZE = 4096;
const PAGE_ENTRIES = PAGE_SIZE / 4; // chunk references per directory page
const PAGE_SPAN_SHIFT = CHUNK_SHIFT + 10; // bytes covered by one page: 64 MiB
const DATA_BLOCKS_PER_SEGMENT = 64; // 4 MiB segments
const PAGE_BLOCKS_PER_SEGMENT = 256; // 1 MiB segments

/** What another thread needs to attach to a pool. */
export interface PoolHandle {
  blockSize: number;
  blocksPerSegment: number;
  /** Int32 [0]: blocks ever handed out (the high-water mark). */
  header: SharedArrayBuffer;
  segments: SharedArrayBuffer[];
}

/**
 * Fixed-size blocks in SharedArrayBuffer segments. Block references are 1-based so that 0 in a
 * directory means "not allocated".
 */
export class BlockPool {
  readonly blockSize: number;
  readonly blocksPerSegment: number;
  readonly header: Int32Array;
  readonly segments: SharedArrayBuffer[];
  #views: Uint8Array[] = [];
  #i32: Int32Array[] = [];
  #free: number[] = [];
  /** Called when a new segment is created, so the owner can hand it to other threads. */
  onSegment: ((index: number, sab: SharedArrayBuffer) => void) | undefined;

  constructor(blockSize: number, blocksPerSegment: number, handle?: PoolHandle) {
    this.blockSize = blockSize;
    this.blocksPerSegment = blocksPerSegment;
    this.header = new Int32Array(handle?.header ?? new SharedArrayBuffer(16));
    this.segments = handle ? [...handle.segments] : [];
    for (const s of this.segments) this.#adopt(this.#views.length, s);
  }

  handle(): PoolHandle {
    return {
      blockSize: this.blockSize,
      blocksPerSegment: this.blocksPerSegment,
      header: this.header.buffer as SharedArrayBuffer,
      segments: [...this.segments],
    };
  }

  /** Adopt a segment created by another thread's pool (the UI side of a hand-over). */
  addSegment(index: number, sab: SharedArrayBuffer): void {
    this.segments[index] = sab;
    this.#adopt(index, sab);
  }

  #adopt(index: number, sab: SharedArrayBuffer): void {
    this.#views[index] = new Uint8Array(sab);
    this.#i32[index] = new Int32Array(sab);
  }

  get allocatedBlocks(): number {
    return Atomics.load(this.header, 0) - this.#free.length;
  }

  get reservedBytes(): number {
    return this.segments.length * this.blocksPerSegment * this.blockSize;
  }

  /** Rebuild the free list after reattaching: every block below the mark not in `used`. */
  rebuildFreeList(used: Set<number>): void {
    const hw = Atomics.load(this.header, 0);
    this.#free = [];
    for (let ref = hw; ref >= 1; ref--) if (!used.has(ref)) this.#free.push(ref);
  }

  /** A zeroed block. */
  alloc(): number {
    const reused = this.#free.pop();
    if (reused !== undefined) {
      this.view(reused).fill(0);
      return reused;
    }
    const ref = Atomics.add(this.header, 0, 1) + 1;
    const seg = Math.floor((ref - 1) / this.blocksPerSegment);
    if (seg >= this.segments.length) {
      const sab = new SharedArrayBuffer(this.blocksPerSegment * this.blockSize);
      this.segments.push(sab);
      this.#adopt(seg, sab);
      this.onSegment?.(seg, sab);
    }
    return ref;
  }

  release(ref: number): void {
    this.#free.push(ref);
  }

  /** The bytes of block `ref` (a view into its segment), or undefined if not yet adopted. */
  view(ref: number): Uint8Array {
    const i = ref - 1;
    const seg = Math.floor(i / this.blocksPerSegment);
    const off = (i - seg * this.blocksPerSegment) * this.blockSize;
    const v = this.#views[seg];
    if (!v) throw new Error(`storage segment ${seg} has not been handed to this thread`);
    return v.subarray(off, off + this.blockSize);
  }

  segmentView(seg: number): Uint8Array | undefined {
    return this.#views[seg];
  }

  /** The bytes of the segment holding block `ref` (hot paths: no subarray). */
  segmentBytes(ref: number): Uint8Array {
    const v = this.#views[Math.floor((ref - 1) / this.blocksPerSegment)];
    if (!v) throw new Error(`storage segment of block ${ref} has not been handed to this thread`);
    return v;
  }

  /** The same segment as 32-bit integers (directory pages). */
  segmentInts(ref: number): Int32Array {
    const v = this.#i32[Math.floor((ref - 1) / this.blocksPerSegment)];
    if (!v) throw new Error(`storage segment of block ${ref} has not been handed to this thread`);
    return v;
  }

  /** Byte offset of block `ref` within its segment. */
  offsetOf(ref: number): number {
    return ((ref - 1) % this.blocksPerSegment) * this.blockSize;
  }
}

/** The two pools every disk of one engine shares. */
export class Storage {
  readonly data: BlockPool;
  readonly pages: BlockPool;

  constructor(handle?: StorageHandle) {
    this.data = new BlockPool(CHUNK_SIZE, DATA_BLOCKS_PER_SEGMENT, handle?.data);
    this.pages = new BlockPool(PAGE_SIZE, PAGE_BLOCKS_PER_SEGMENT, handle?.pages);
  }

  handle(): StorageHandle {
    return { data: this.data.handle(), pages: this.pages.handle() };
  }

  /** Bytes of SharedArrayBuffer actually reserved. */
  get reservedBytes(): number {
    return this.data.reservedBytes + this.pages.reservedBytes;
  }
}

export interface StorageHandle {
  data: PoolHandle;
  pages: PoolHandle;
}

export interface DiskStoreHandle {
  sizeBytes: number;
  /** Int32 per 64 MiB of disk: the directory page reference, 0 when nothing there was written. */
  l1: SharedArrayBuffer;
}

const ZERO_CHUNK = new Uint8Array(CHUNK_SIZE);

/** One disk's contents. */
export class SparseDisk {
  readonly sizeBytes: number;
  readonly l1: Int32Array;
  readonly #storage: Storage;

  constructor(storage: Storage, sizeBytes: number, handle?: DiskStoreHandle) {
    this.#storage = storage;
    this.sizeBytes = sizeBytes;
    const entries = Math.max(1, Math.ceil(sizeBytes / 2 ** PAGE_SPAN_SHIFT));
    this.l1 = new Int32Array(handle?.l1 ?? new SharedArrayBuffer(entries * 4));
  }

  handle(): DiskStoreHandle {
    return { sizeBytes: this.sizeBytes, l1: this.l1.buffer as SharedArrayBuffer };
  }

  /** The data block holding chunk `c`, 0 if unwritten; allocates when `create`. */
  #chunkRef(c: number, create: boolean): number {
    const p = Math.floor(c / PAGE_ENTRIES);
    let page = this.l1[p]!;
    if (page === 0) {
      if (!create) return 0;
      page = this.#storage.pages.alloc();
      this.l1[p] = page;
    }
    const pages = this.#storage.pages;
    const dir = pages.segmentInts(page);
    const slot = (pages.offsetOf(page) >> 2) + (c - p * PAGE_ENTRIES);
    let ref = dir[slot]!;
    if (ref === 0 && create) {
      ref = this.#storage.data.alloc();
      dir[slot] = ref;
    }
    return ref;
  }

  /** Read `dst.length` bytes at `offset`. Unwritten space reads as zeros. */
  read(offset: number, dst: Uint8Array): void {
    let done = 0;
    const len = dst.length;
    const data = this.#storage.data;
    while (done < len) {
      const pos = offset + done;
      const c = Math.floor(pos / CHUNK_SIZE);
      const within = pos - c * CHUNK_SIZE;
      const n = Math.min(CHUNK_SIZE - within, len - done);
      const ref = this.#chunkRef(c, false);
      if (ref === 0) {
        dst.fill(0, done, done + n);
      } else {
        const o = data.offsetOf(ref) + within;
        dst.set(data.segmentBytes(ref).subarray(o, o + n), done);
      }
      done += n;
    }
  }

  /** Write `src` at `offset`, allocating chunks as needed. */
  write(offset: number, src: Uint8Array): void {
    let done = 0;
    const len = src.length;
    const data = this.#storage.data;
    while (done < len) {
      const pos = offset + done;
      const c = Math.floor(pos / CHUNK_SIZE);
      const within = pos - c * CHUNK_SIZE;
      const n = Math.min(CHUNK_SIZE - within, len - done);
      const ref = this.#chunkRef(c, true);
      data
        .segmentBytes(ref)
        .set(n === len ? src : src.subarray(done, done + n), data.offsetOf(ref) + within);
      done += n;
    }
  }

  /** Zero a range; whole chunks inside it are freed rather than written. */
  zero(offset: number, length: number): void {
    let done = 0;
    while (done < length) {
      const pos = offset + done;
      const c = Math.floor(pos / CHUNK_SIZE);
      const within = pos - c * CHUNK_SIZE;
      const n = Math.min(CHUNK_SIZE - within, length - done);
      if (within === 0 && n === CHUNK_SIZE) this.#freeChunk(c);
      else if (this.#chunkRef(c, false) !== 0) this.write(pos, ZERO_CHUNK.subarray(0, n));
      done += n;
    }
  }

  #freeChunk(c: number): void {
    const p = Math.floor(c / PAGE_ENTRIES);
    const page = this.l1[p]!;
    if (page === 0) return;
    const pv = this.#storage.pages.view(page);
    const dir = new Int32Array(pv.buffer, pv.byteOffset, PAGE_ENTRIES);
    const slot = c - p * PAGE_ENTRIES;
    const ref = dir[slot]!;
    if (ref === 0) return;
    dir[slot] = 0;
    this.#storage.data.release(ref);
    if (dir.every((r) => r === 0)) {
      this.l1[p] = 0;
      this.#storage.pages.release(page);
    }
  }

  /** Indices of chunks that hold data, in order. */
  *allocatedChunks(): Generator<number> {
    for (let p = 0; p < this.l1.length; p++) {
      const page = this.l1[p]!;
      if (page === 0) continue;
      const pv = this.#storage.pages.view(page);
      const dir = new Int32Array(pv.buffer, pv.byteOffset, PAGE_ENTRIES);
      for (let s = 0; s < PAGE_ENTRIES; s++) if (dir[s] !== 0) yield p * PAGE_ENTRIES + s;
    }
  }

  /** Every block reference this disk uses (to rebuild free lists after a hand-over). */
  usedRefs(data: Set<number>, pages: Set<number>): void {
    for (let p = 0; p < this.l1.length; p++) {
      const page = this.l1[p]!;
      if (page === 0) continue;
      pages.add(page);
      const pv = this.#storage.pages.view(page);
      const dir = new Int32Array(pv.buffer, pv.byteOffset, PAGE_ENTRIES);
      for (const r of dir) if (r !== 0) data.add(r);
    }
  }

  /** Free everything (the disk is going away). */
  release(): void {
    for (let p = 0; p < this.l1.length; p++) {
      const page = this.l1[p]!;
      if (page === 0) continue;
      const pv = this.#storage.pages.view(page);
      const dir = new Int32Array(pv.buffer, pv.byteOffset, PAGE_ENTRIES);
      for (const r of dir) if (r !== 0) this.#storage.data.release(r);
      this.#storage.pages.release(page);
      this.l1[p] = 0;
    }
  }
}
