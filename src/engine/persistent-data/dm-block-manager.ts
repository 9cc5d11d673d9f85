/**
 * dm-block-manager (drivers/md/persistent-data/dm-block-manager.{c,h}, Linux 6.1): blocks of a
 * metadata device locked for reading or writing, over a dm-bufio client of the target, each
 * checked by a validator when first read and stamped (block number, checksum) by it before
 * every write (the bufio write callback).
 *
 * Locks: Linux's per-block rw lock (block_lock) guards against threads; here the callers
 * (dm-thin-metadata's root_lock) serialise writers, so a lock is only the buffer's hold plus
 * whether it was write locked (a write lock marks the buffer dirty on unlock).
 * Errors: DmError with Linux's errno (EPERM on a write lock when read-only, EIO from the device,
 * the validator's ENOTBLK / EILSEQ, EINVAL on a validator mismatch, EAGAIN for -EWOULDBLOCK
 * from readTryLock).
 */

import type { DmBufioClient, DmBuffer } from "../dm-bufio.ts";
import type { DmDev, Target } from "../target.ts";
import { DmError } from "../types.ts";
import { crc32c } from "./crc32c.ts";

/** dm_block_t: a block number of the metadata device. */
export type DmBlockT = number;

/** struct dm_block: a locked block. */
export class DmBlock {
  readonly buf: DmBuffer;
  readonly writeLocked: boolean;
  /** DataView over the block's bytes. */
  readonly view: DataView;
  #unlocked = false;

  constructor(buf: DmBuffer, writeLocked: boolean, view?: DataView) {
    this.buf = buf;
    this.writeLocked = writeLocked;
    this.view = view ?? new DataView(buf.data.buffer, buf.data.byteOffset, buf.data.byteLength);
  }

  /** dm_block_location. */
  get location(): DmBlockT {
    return this.buf.block;
  }

  /** dm_block_data: the block's bytes (changes only under a write lock). */
  get data(): Uint8Array {
    return this.buf.data;
  }

  /** Marks the lock released (a second unlock is the kernel's BUG). */
  release(): void {
    if (this.#unlocked)
      throw new DmError("EINVAL", `block manager: block ${this.location} unlocked twice`);
    this.#unlocked = true;
  }
}

/** struct dm_block_validator. */
export interface DmBlockValidator {
  readonly name: string;
  /** Stamp the block before it is written (block number, checksum). */
  prepareForWrite(b: DmBlock, blockSize: number): void;
  /**
   * null if the block is good, else the errno to fail the lock with; `err` prints the check's
   * own kernel line (DMERR_LIMIT of the validator's module) before the block manager's.
   */
  check(b: DmBlock, blockSize: number, err: (line: string) => void): "ENOTBLK" | "EILSEQ" | null;
}

/** Little-endian u64 at `off` as a number (exact below 2^53). */
export function le64(v: DataView, off: number): number {
  return v.getUint32(off, true) + v.getUint32(off + 4, true) * 0x100000000;
}

/** Store a number (0 <= n < 2^64, exact below 2^53) as little-endian u64 at `off`. */
export function setLe64(v: DataView, off: number, n: number): void {
  v.setUint32(off, (n % 0x100000000) >>> 0, true);
  v.setUint32(off + 4, Math.floor(n / 0x100000000) >>> 0, true);
}

/** dm_bm_checksum: crc32c(~0, data, len) ^ init_xor, over data[start, end). */
export function dmBmChecksum(
  data: Uint8Array,
  start: number,
  end: number,
  initXor: number,
): number {
  return (crc32c(0xffffffff, data, start, end) ^ initXor) >>> 0;
}

interface BufferAux {
  validator: DmBlockValidator | null;
  writeLocked: boolean;
  /** A view of the buffer's bytes, made once. */
  view: DataView;
}

/** struct dm_block_manager. */
export class DmBlockManager {
  readonly t: Target<unknown>;
  readonly bufio: DmBufioClient;
  readOnly = false;
  readonly #aux = new WeakMap<DmBuffer, BufferAux>();

  /**
   * dm_block_manager_create: a bufio client of `blockSize` bytes over `dev`, whose write
   * callback runs the validator's prepare_for_write of each buffer.
   */
  constructor(t: Target<unknown>, dev: DmDev, blockSize: number) {
    this.t = t;
    this.bufio = t.bufio(dev, blockSize, {
      writeCallback: (buf) => {
        const aux = this.#aux.get(buf);
        if (aux?.validator) aux.validator.prepareForWrite(new DmBlock(buf, false), this.blockSize);
      },
    });
  }

  #auxOf(buf: DmBuffer): BufferAux {
    let a = this.#aux.get(buf);
    if (!a) {
      a = {
        validator: null,
        writeLocked: false,
        view: new DataView(buf.data.buffer, buf.data.byteOffset, buf.data.byteLength),
      };
      this.#aux.set(buf, a);
    }
    return a;
  }

  /** dm_block_manager_destroy. */
  destroy(): void {
    this.bufio.destroy();
  }

  /** dm_block_manager_reset: drop the cache (dm_bufio_client_reset). */
  reset(): void {
    this.bufio.reset();
  }

  /** dm_bm_block_size: bytes. */
  get blockSize(): number {
    return this.bufio.blockSize;
  }

  /** dm_bm_nr_blocks: whole blocks on the device. */
  get nrBlocks(): number {
    return this.bufio.deviceSize;
  }

  #validate(buf: DmBuffer, aux: BufferAux, v: DmBlockValidator | null, blk: DmBlock): void {
    if (!aux.validator) {
      if (!v) return;
      const r = v.check(blk, this.blockSize, (line) => this.t.printk("err", line));
      if (r) {
        this.t.printk(
          "err",
          `device-mapper: block manager: ${v.name} validator check failed for block ${buf.block}`,
        );
        throw new DmError(r);
      }
      aux.validator = v;
    } else if (aux.validator !== v) {
      this.t.printk(
        "err",
        `device-mapper: block manager: validator mismatch (old=${aux.validator.name} vs new=${v ? v.name : "NULL"}) for block ${buf.block}`,
      );
      throw new DmError("EINVAL");
    }
  }

  #lock(buf: DmBuffer, write: boolean, v: DmBlockValidator | null): DmBlock {
    const aux = this.#auxOf(buf);
    const blk = new DmBlock(buf, write, aux.view);
    aux.writeLocked = write;
    try {
      this.#validate(buf, aux, v, blk);
    } catch (err) {
      this.bufio.release(buf);
      throw err;
    }
    return blk;
  }

  /** dm_bm_read_lock. */
  async readLock(b: DmBlockT, v: DmBlockValidator | null): Promise<DmBlock> {
    const buf = await this.bufio.read(b);
    return this.#lock(buf, false, v);
  }

  /** dm_bm_write_lock: EPERM when read-only. */
  async writeLock(b: DmBlockT, v: DmBlockValidator | null): Promise<DmBlock> {
    if (this.readOnly) throw new DmError("EPERM");
    const buf = await this.bufio.read(b);
    return this.#lock(buf, true, v);
  }

  /** dm_bm_read_try_lock: synchronous; EAGAIN (-EWOULDBLOCK) when the block is not cached. */
  readTryLock(b: DmBlockT, v: DmBlockValidator | null): DmBlock {
    const buf = this.bufio.get(b);
    if (!buf) throw new DmError("EAGAIN");
    return this.#lock(buf, false, v);
  }

  /** dm_bm_write_lock_zero: the block zeroed, without reading it. EPERM when read-only. */
  async writeLockZero(b: DmBlockT, v: DmBlockValidator | null): Promise<DmBlock> {
    if (this.readOnly) throw new DmError("EPERM");
    const buf = await this.bufio.new(b);
    buf.data.fill(0);
    const aux = this.#auxOf(buf);
    aux.writeLocked = true;
    aux.validator = v;
    return new DmBlock(buf, true, aux.view);
  }

  /** dm_bm_unlock: a write lock marks the buffer dirty. */
  unlock(b: DmBlock): void {
    b.release();
    if (b.writeLocked) this.bufio.markBufferDirty(b.buf);
    this.bufio.release(b.buf);
  }

  /** dm_bm_flush: write every dirty block, then flush the device. EPERM when read-only. */
  async flush(): Promise<void> {
    if (this.readOnly) throw new DmError("EPERM");
    await this.bufio.writeDirtyBuffers();
  }

  /** dm_bm_prefetch. */
  prefetch(b: DmBlockT): void {
    this.bufio.prefetch(b, 1);
  }

  /** dm_bm_is_read_only. */
  isReadOnly(): boolean {
    return this.readOnly;
  }

  setReadOnly(): void {
    this.readOnly = true;
  }

  setReadWrite(): void {
    this.readOnly = false;
  }
}
