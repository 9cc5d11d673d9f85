/**
 * dm-bufio (drivers/md/dm-bufio.c): a cache of fixed-size blocks of one device, for targets that
 * keep metadata on disk (the persistent-data block manager under thin-pool and cache, verity's
 * hash tree, dm-integrity). Blocks are read into buffers, held while in use, marked dirty and
 * written back; every read and write is a bio of the target's own (dm-io.ts), on virtual time.
 *
 *     const c = new DmBufioClient(t, t.priv.meta, 4096);      // dm_bufio_client_create
 *     const b = await c.read(0);                              // dm_bufio_read
 *     b.data[0] = 1; c.markBufferDirty(b);                    // dm_bufio_mark_buffer_dirty
 *     c.release(b);                                           // dm_bufio_release
 *     await c.writeDirtyBuffers();                            // writes, waits, then a flush
 *     c.destroy();                                            // dm_bufio_client_destroy
 *
 * Where the kernel sleeps (a read, waiting for a buffer under I/O, write_dirty_buffers) this
 * returns a promise; its continuation runs at the virtual instant the I/O ended (dm-io.ts).
 * Where the kernel hits BUG_ON (releasing a buffer not held, marking a buffer dirty while it is
 * read) this throws a DmError EINVAL naming the rule, which the guard reports as the target's
 * fault. Errors of I/O: a failed read rejects `read` with EIO (after dropping the hold, as
 * dm_bufio_read does); a failed write is remembered and `writeDirtyBuffers` rejects with it.
 */

import { dmIo, dmIoAsync } from "./dm-io.ts";
import type { DmDev, Target } from "./target.ts";
import { DmError, REQ_PREFLUSH, SECTOR_SIZE, type Errno, type Sector } from "./types.ts";

/** Writes of a partially dirty buffer are widened to this alignment (DM_BUFIO_WRITE_ALIGN). */
export const DM_BUFIO_WRITE_ALIGN = 4096;

/** Buffers a client keeps before it evicts clean, unheld ones (least recently used first). */
export const DM_BUFIO_DEFAULT_MAX_BUFFERS = 1024;

/** One cached block (struct dm_buffer). */
export class DmBuffer {
  /** Block number, in units of the client's block size. */
  readonly block: number;
  /** dm_bufio_get_block_data: the block's bytes (the client's block size). */
  readonly data: Uint8Array;
  /** Holders: read/new/get add one, release drops one. */
  holdCount = 0;
  /** B_READING / B_WRITING / B_DIRTY. */
  reading = false;
  writing = false;
  dirty = false;
  /** Dirty byte range [dirtyStart, dirtyEnd) since the last write was issued. */
  dirtyStart = 0;
  dirtyEnd = 0;
  /** How the last read ended (an errno, or null). */
  readError: Errno | null = null;
  /** LRU stamp: larger is more recent. */
  lastUsed = 0;
  /** Waiting for B_READING / B_WRITING to clear. */
  waiters: Array<() => void> = [];

  constructor(block: number, size: number) {
    this.block = block;
    this.data = new Uint8Array(size);
  }
}

/** blk_status_to_errno for what a metadata bio can end with. */
function ioErrno(): Errno {
  return "EIO";
}

export interface DmBufioOptions {
  /** Evict clean unheld buffers beyond this many (default DM_BUFIO_DEFAULT_MAX_BUFFERS). */
  maxBuffers?: number;
  /**
   * write_callback of dm_bufio_client_create: runs on a buffer right before its write is issued
   * (the persistent-data block manager stamps the block number and checksum there).
   */
  writeCallback?: (b: DmBuffer) => void;
}

/** struct dm_bufio_client: one device, one block size. */
export class DmBufioClient {
  readonly #t: Target;
  readonly dev: DmDev;
  /** Bytes per block: a power of two, at least 512. */
  readonly blockSize: number;
  readonly #sectorsPerBlock: number;
  #sectorOffset: Sector = 0;
  readonly #buffers = new Map<number, DmBuffer>();
  readonly #maxBuffers: number;
  readonly #writeCallback: ((b: DmBuffer) => void) | undefined;
  #clock = 0;
  /** async_write_error: the first failed write since writeDirtyBuffers last reported. */
  #asyncWriteError: Errno | null = null;
  #destroyed = false;

  /**
   * dm_bufio_client_create. Throws DmError EINVAL when `blockSize` is not a power of two of at
   * least 512 bytes (the kernel's BUG_ON).
   */
  constructor(t: Target, dev: DmDev, blockSize: number, opts: DmBufioOptions = {}) {
    if (
      !Number.isInteger(blockSize) ||
      blockSize < SECTOR_SIZE ||
      (blockSize & (blockSize - 1)) !== 0
    )
      throw new DmError("EINVAL", `dm-bufio: block size ${blockSize} is not a power of two >= 512`);
    this.#t = t;
    this.dev = dev;
    this.blockSize = blockSize;
    this.#sectorsPerBlock = blockSize / SECTOR_SIZE;
    this.#maxBuffers = opts.maxBuffers ?? DM_BUFIO_DEFAULT_MAX_BUFFERS;
    this.#writeCallback = opts.writeCallback;
  }

  /** dm_bufio_set_sector_offset: block 0 starts at this sector of the device. */
  setSectorOffset(start: Sector): void {
    this.#sectorOffset = start;
  }

  /** dm_bufio_get_device_size: whole blocks on the device after the sector offset. */
  get deviceSize(): number {
    const sectors = this.dev.bdev.sizeSectors - this.#sectorOffset;
    return Math.max(0, Math.floor(sectors / this.#sectorsPerBlock));
  }

  /** Buffers in the cache (for status lines and tests). */
  get buffers(): number {
    return this.#buffers.size;
  }

  /** Dirty buffers not yet written. */
  get dirtyBuffers(): number {
    let n = 0;
    for (const b of this.#buffers.values()) if (b.dirty) n++;
    return n;
  }

  #sector(block: number): Sector {
    return this.#sectorOffset + block * this.#sectorsPerBlock;
  }

  #alive(): void {
    if (this.#destroyed) throw new DmError("EINVAL", "dm-bufio: client used after destroy");
  }

  #touch(b: DmBuffer): void {
    b.lastUsed = ++this.#clock;
  }

  /** Wait until `b` is neither being read nor (if `writes`) written. */
  async #waitIo(b: DmBuffer, writes: boolean): Promise<void> {
    while (b.reading || (writes && b.writing)) {
      await new Promise<void>((resolve) => b.waiters.push(resolve));
    }
  }

  #wakeBuffer(b: DmBuffer): void {
    const w = b.waiters.splice(0);
    for (const fn of w) fn();
    if (w.length) this.#t.requestYield();
  }

  /** A buffer for `block`, evicting old clean ones if the cache is full. */
  #alloc(block: number): DmBuffer {
    if (this.#buffers.size >= this.#maxBuffers) this.#evict();
    const b = new DmBuffer(block, this.blockSize);
    this.#buffers.set(block, b);
    return b;
  }

  #evict(): void {
    const victims = [...this.#buffers.values()]
      .filter((b) => b.holdCount === 0 && !b.dirty && !b.reading && !b.writing)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    for (const v of victims) {
      if (this.#buffers.size < this.#maxBuffers) break;
      this.#buffers.delete(v.block);
    }
  }

  #checkBlock(block: number): void {
    if (!Number.isSafeInteger(block) || block < 0)
      throw new DmError("EINVAL", `dm-bufio: bad block number ${block}`);
  }

  /** Start reading `b` from the device (submit_io READ). */
  #submitRead(b: DmBuffer): void {
    b.reading = true;
    b.readError = null;
    dmIoAsync(
      this.#t,
      { op: "READ", mem: b.data },
      [{ dev: this.dev, sector: this.#sector(b.block), count: this.#sectorsPerBlock }],
      (bits) => {
        b.reading = false;
        if (bits) b.readError = ioErrno();
        this.#wakeBuffer(b);
      },
    );
  }

  /**
   * dm_bufio_read: the block, read from the device unless cached, held (release it). Rejects
   * with DmError EIO when the read fails (the hold is dropped first).
   */
  read(block: number): Promise<DmBuffer> {
    return this.#settles(this.#read(block));
  }

  /**
   * Every promise this client returns asks the clock to yield when it settles, even when no
   * I/O was needed (a cache hit): the caller's continuation runs before the next clock entry.
   */
  async #settles<T>(p: Promise<T>): Promise<T> {
    // Now too: a promise that needs no I/O settles in a microtask, after the caller's task.
    this.#t.requestYield();
    try {
      return await p;
    } finally {
      this.#t.requestYield();
    }
  }

  async #read(block: number): Promise<DmBuffer> {
    this.#alive();
    this.#checkBlock(block);
    let b = this.#buffers.get(block);
    if (!b) {
      b = this.#alloc(block);
      this.#submitRead(b);
    }
    b.holdCount++;
    this.#touch(b);
    await this.#waitIo(b, false);
    if (b.readError) {
      const err = b.readError;
      this.release(b);
      // A buffer that failed to read is not kept: the next read tries the device again.
      if (b.holdCount === 0 && !b.dirty && !b.writing) this.#buffers.delete(b.block);
      throw new DmError(err);
    }
    return b;
  }

  /**
   * dm_bufio_new: the block without reading it, held. A cached block keeps its contents; a new
   * one is zeroed (the kernel leaves whatever the memory held).
   */
  new(block: number): Promise<DmBuffer> {
    return this.#settles(this.#new(block));
  }

  async #new(block: number): Promise<DmBuffer> {
    this.#alive();
    this.#checkBlock(block);
    let b = this.#buffers.get(block);
    if (!b) b = this.#alloc(block);
    b.holdCount++;
    this.#touch(b);
    await this.#waitIo(b, false);
    b.readError = null;
    return b;
  }

  /** dm_bufio_get: the block if it is cached and not being read (held), else null. */
  get(block: number): DmBuffer | null {
    this.#alive();
    const b = this.#buffers.get(block);
    if (!b || b.reading || b.readError) return null;
    b.holdCount++;
    this.#touch(b);
    return b;
  }

  /** dm_bufio_prefetch: start reading `n` blocks from `block` that are not cached. */
  prefetch(block: number, n: number): void {
    this.#alive();
    for (let i = 0; i < n; i++) {
      this.#checkBlock(block + i);
      if (this.#buffers.has(block + i)) continue;
      const b = this.#alloc(block + i);
      this.#touch(b);
      this.#submitRead(b);
    }
  }

  /** dm_bufio_release: drop one hold. Throws EINVAL for a buffer not held (BUG_ON). */
  release(b: DmBuffer): void {
    if (b.holdCount <= 0 || this.#buffers.get(b.block) !== b)
      throw new DmError("EINVAL", `dm-bufio: release of block ${b.block}, which is not held`);
    b.holdCount--;
  }

  /** dm_bufio_mark_buffer_dirty: the whole block is to be written. */
  markBufferDirty(b: DmBuffer): void {
    this.markPartialBufferDirty(b, 0, this.blockSize);
  }

  /**
   * dm_bufio_mark_partial_buffer_dirty: bytes [start, end) of the block are to be written
   * (the write covers them widened to DM_BUFIO_WRITE_ALIGN). Throws EINVAL where the kernel
   * hits BUG_ON: start >= end, end past the block, the buffer being read, or not held.
   */
  markPartialBufferDirty(b: DmBuffer, start: number, end: number): void {
    if (start >= end || end > this.blockSize || start < 0)
      throw new DmError("EINVAL", `dm-bufio: bad dirty range ${start}..${end}`);
    if (b.reading) throw new DmError("EINVAL", `dm-bufio: block ${b.block} is being read`);
    if (b.holdCount <= 0) throw new DmError("EINVAL", `dm-bufio: block ${b.block} is not held`);
    if (!b.dirty) {
      b.dirty = true;
      b.dirtyStart = start;
      b.dirtyEnd = end;
    } else {
      b.dirtyStart = Math.min(b.dirtyStart, start);
      b.dirtyEnd = Math.max(b.dirtyEnd, end);
    }
  }

  /** __write_dirty_buffer: issue the write of a dirty buffer not already being written. */
  #write(b: DmBuffer): void {
    if (!b.dirty || b.writing) return;
    this.#writeCallback?.(b);
    b.dirty = false;
    b.writing = true;
    const start = b.dirtyStart & -DM_BUFIO_WRITE_ALIGN;
    const end = Math.min(
      this.blockSize,
      Math.ceil(b.dirtyEnd / DM_BUFIO_WRITE_ALIGN) * DM_BUFIO_WRITE_ALIGN,
    );
    // What is written is the buffer as it is now: a later change makes it dirty again.
    const mem = b.data.slice(start, end);
    dmIoAsync(
      this.#t,
      { op: "WRITE", mem },
      [
        {
          dev: this.dev,
          sector: this.#sector(b.block) + start / SECTOR_SIZE,
          count: (end - start) / SECTOR_SIZE,
        },
      ],
      (bits) => {
        b.writing = false;
        if (bits && this.#asyncWriteError === null) this.#asyncWriteError = ioErrno();
        this.#wakeBuffer(b);
      },
    );
  }

  /** dm_bufio_write_dirty_buffers_async: start writing every dirty buffer, in block order. */
  writeDirtyBuffersAsync(): void {
    this.#alive();
    const dirty = [...this.#buffers.values()].filter((b) => b.dirty && !b.writing);
    dirty.sort((a, b) => a.block - b.block);
    for (const b of dirty) this.#write(b);
  }

  /**
   * dm_bufio_write_dirty_buffers: write every dirty buffer, wait for every write in flight,
   * then flush the device (REQ_PREFLUSH). Rejects with DmError EIO if a write since the last
   * call failed (reported once), else with the flush's error.
   */
  writeDirtyBuffers(): Promise<void> {
    return this.#settles(this.#writeDirtyBuffers());
  }

  async #writeDirtyBuffers(): Promise<void> {
    this.#alive();
    this.writeDirtyBuffersAsync();
    for (;;) {
      const busy = [...this.#buffers.values()].find((b) => b.writing);
      if (!busy) break;
      await this.#waitIo(busy, true);
      // A buffer dirtied again while it was written goes out again.
      this.writeDirtyBuffersAsync();
    }
    const a = this.#asyncWriteError;
    this.#asyncWriteError = null;
    let f: unknown = null;
    try {
      await this.issueFlush();
    } catch (err) {
      f = err;
    }
    if (a) throw new DmError(a);
    if (f) throw f;
  }

  /** dm_bufio_issue_flush: an empty REQ_PREFLUSH write to the device. Rejects EIO on failure. */
  issueFlush(): Promise<void> {
    this.#alive();
    return dmIo(this.#t, { op: "WRITE", flags: REQ_PREFLUSH }, [
      { dev: this.dev, sector: 0, count: 0 },
    ]);
  }

  /** dm_bufio_issue_discard: discard `count` blocks from `block`. Rejects EIO on failure. */
  issueDiscard(block: number, count: number): Promise<void> {
    this.#alive();
    return dmIo(this.#t, { op: "DISCARD" }, [
      { dev: this.dev, sector: this.#sector(block), count: count * this.#sectorsPerBlock },
    ]);
  }

  /** dm_bufio_forget: drop `block` from the cache if it is cached, unheld, clean and idle. */
  forget(block: number): void {
    const b = this.#buffers.get(block);
    if (b && b.holdCount === 0 && !b.dirty && !b.reading && !b.writing) this.#buffers.delete(block);
  }

  /**
   * dm_bufio_client_reset (drop_buffers): start writing what is dirty, then drop every buffer
   * that is not held (nor being read); held ones are leaks, logged as destroy does.
   */
  reset(): void {
    this.#alive();
    this.writeDirtyBuffersAsync();
    for (const b of [...this.#buffers.values()]) {
      // A buffer being written ends its write on its own; the cache forgets it now.
      if (b.holdCount === 0 && !b.dirty && !b.reading) this.#buffers.delete(b.block);
      else
        this.#t.printk(
          "err",
          `device-mapper: bufio: leaked buffer ${b.block.toString(16)}, hold count ${b.holdCount}, list ${b.dirty || b.writing ? 1 : 0}`,
        );
    }
  }

  /**
   * dm_bufio_client_destroy: start writing what is dirty, drop the rest. Buffers still held,
   * dirty or under I/O are leaks: "device-mapper: bufio: leaked buffer <block hex>, hold count
   * <n>, list <0 clean | 1 dirty>" is logged for each, as the kernel does before its BUG_ON.
   */
  destroy(): void {
    if (this.#destroyed) return;
    this.writeDirtyBuffersAsync();
    for (const b of [...this.#buffers.values()]) {
      if (b.holdCount === 0 && !b.dirty && !b.reading && !b.writing) {
        this.#buffers.delete(b.block);
        continue;
      }
      this.#t.printk(
        "err",
        `device-mapper: bufio: leaked buffer ${b.block.toString(16)}, hold count ${b.holdCount}, list ${b.dirty || b.writing ? 1 : 0}`,
      );
    }
    this.#buffers.clear();
    this.#destroyed = true;
  }
}
