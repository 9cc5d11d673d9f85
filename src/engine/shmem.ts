/**
 * A regular file of dmsh's root file system (Linux: a tmpfs inode, mm/shmem.c), stored sparsely
 * as RAM disks are: 64 KiB chunks from the engine's shared storage, allocated when written, so a
 * `truncate -s 64G` file costs nothing until data lands in it. Loop devices (loop.ts) read and
 * write these files; the shell's file system (src/shell/sparsefs.ts) keeps them by path.
 *
 * Sizes are bytes, exact JavaScript integers: a file may not grow past MAX_SHMEM_FILE_SIZE
 * (2^53 - 1 bytes); Linux's tmpfs would take up to 2^63 - 1. Callers refuse larger sizes with
 * `ShmemSizeError` rather than round them.
 */

import { CHUNK_SIZE, SparseDisk, type Storage } from "./storage.ts";
import { DmError } from "./types.ts";

/** The largest file size this project can store exactly (bytes). */
export const MAX_SHMEM_FILE_SIZE = Number.MAX_SAFE_INTEGER;

/** Bytes per region: each region is one SparseDisk (one directory entry of 64 MiB). */
const REGION = 64 * 1024 * 1024;

/** A size the kernel would take but this project cannot store exactly. */
export class ShmemSizeError extends DmError {
  constructor(readonly requested: bigint) {
    super(
      "EFBIG",
      `file size ${requested} is beyond what dm-playground stores exactly (${MAX_SHMEM_FILE_SIZE} bytes)`,
    );
    this.name = "ShmemSizeError";
  }
}

/** Check a requested size (bytes) fits; throw ShmemSizeError otherwise. */
export function checkShmemSize(size: bigint): number {
  if (size < 0n || size > BigInt(MAX_SHMEM_FILE_SIZE)) throw new ShmemSizeError(size);
  return Number(size);
}

const ZERO = new Uint8Array(CHUNK_SIZE);

export class ShmemFile {
  /** i_size, in bytes. */
  #size = 0;
  readonly #storage: Storage;
  /** Regions that hold data, by index (offset / 64 MiB). */
  readonly #regions = new Map<number, SparseDisk>();
  /** Opens that keep the storage alive after unlink (loop devices bound to it). */
  opens = 0;
  /** The path it was last known by (a loop device's backing_file). */
  path: string;
  #unlinked = false;

  constructor(storage: Storage, path: string, size = 0) {
    this.#storage = storage;
    this.path = path;
    this.#size = size;
  }

  get size(): number {
    return this.#size;
  }

  /** No path names it any more (it lives on while a loop device has it open). */
  get unlinked(): boolean {
    return this.#unlinked;
  }

  /** Bytes of storage the file holds (whole 64 KiB chunks). */
  get allocatedBytes(): number {
    let n = 0;
    for (const d of this.#regions.values()) for (const _ of d.allocatedChunks()) n += CHUNK_SIZE;
    return n;
  }

  #region(i: number, create: boolean): SparseDisk | undefined {
    let d = this.#regions.get(i);
    if (!d && create) {
      d = new SparseDisk(this.#storage, REGION);
      this.#regions.set(i, d);
    }
    return d;
  }

  /** Read `dst.length` bytes at `offset`; holes and space past the end read as zeros. */
  read(offset: number, dst: Uint8Array): void {
    let done = 0;
    while (done < dst.length) {
      const pos = offset + done;
      const r = Math.floor(pos / REGION);
      const within = pos - r * REGION;
      const n = Math.min(REGION - within, dst.length - done);
      const d = this.#regions.get(r);
      if (d) d.read(within, dst.subarray(done, done + n));
      else dst.fill(0, done, done + n);
      done += n;
    }
  }

  /**
   * Write `src` at `offset`, growing the file if it ends past the end. Whole chunks of zeros
   * that land on holes stay holes. Throws ShmemSizeError past MAX_SHMEM_FILE_SIZE.
   */
  write(offset: number, src: Uint8Array): void {
    const end = offset + src.length;
    if (end > MAX_SHMEM_FILE_SIZE) throw new ShmemSizeError(BigInt(offset) + BigInt(src.length));
    let done = 0;
    while (done < src.length) {
      const pos = offset + done;
      const r = Math.floor(pos / REGION);
      const within = pos - r * REGION;
      const n = Math.min(CHUNK_SIZE - (within % CHUNK_SIZE), src.length - done);
      const piece = src.subarray(done, done + n);
      const d = this.#region(r, false);
      if (d || !isZero(piece)) this.#region(r, true)!.write(within, piece);
      done += n;
    }
    if (end > this.#size) this.#size = end;
  }

  /** Zero [offset, offset + length) (a hole punch: whole chunks are freed). */
  zero(offset: number, length: number): void {
    let done = 0;
    while (done < length) {
      const pos = offset + done;
      const r = Math.floor(pos / REGION);
      const within = pos - r * REGION;
      const n = Math.min(REGION - within, length - done);
      const d = this.#regions.get(r);
      if (d) {
        d.zero(within, n);
        if (within === 0 && n === REGION) {
          d.release();
          this.#regions.delete(r);
        }
      }
      done += n;
    }
  }

  /** ftruncate: set the size; what lies past a smaller size is dropped (reads as zeros later). */
  truncate(size: number): void {
    if (size > MAX_SHMEM_FILE_SIZE) throw new ShmemSizeError(BigInt(size));
    if (size < this.#size) {
      // Drop whole regions past the end, zero the tail of the last one.
      for (const [i, d] of [...this.#regions]) {
        if (i * REGION >= size) {
          d.release();
          this.#regions.delete(i);
        }
      }
      const tailEnd = Math.min(this.#size, Math.ceil(size / REGION) * REGION);
      if (tailEnd > size) this.zero(size, tailEnd - size);
    }
    this.#size = size;
  }

  /** The whole contents (callers check the size first). */
  contents(): Uint8Array {
    const b = new Uint8Array(this.#size);
    this.read(0, b);
    return b;
  }

  /** A copy with the same contents and holes (cp). */
  clone(path: string): ShmemFile {
    const f = new ShmemFile(this.#storage, path, this.#size);
    const buf = new Uint8Array(CHUNK_SIZE);
    for (const [i, d] of this.#regions) {
      for (const c of d.allocatedChunks()) {
        d.read(c * CHUNK_SIZE, buf);
        f.write(i * REGION + c * CHUNK_SIZE, buf);
      }
    }
    f.#size = this.#size;
    return f;
  }

  /** The path no longer names it: its storage goes when the last open does. */
  unlink(): void {
    this.#unlinked = true;
    if (this.opens === 0) this.#release();
  }

  open(): void {
    this.opens++;
  }

  close(): void {
    this.opens = Math.max(0, this.opens - 1);
    if (this.opens === 0 && this.#unlinked) this.#release();
  }

  #release(): void {
    for (const d of this.#regions.values()) d.release();
    this.#regions.clear();
  }
}

function isZero(b: Uint8Array): boolean {
  if (b.length === CHUNK_SIZE && b.byteOffset % 4 === 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset, CHUNK_SIZE / 4);
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) return false;
    return true;
  }
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return ZERO.length > 0;
}
