/**
 * read(2) and write(2) on an open block device, as a process sees them on Linux: buffered
 * through the page cache, or O_DIRECT.
 *
 * dmsh keeps no page cache (every read goes to the device, so reads are always coherent; see
 * README "Differences from Linux"), but it reproduces what the cache makes visible:
 *
 * - Buffered I/O works in 4 KiB pages. A failed page read logs `Buffer I/O error on dev dm-0,
 *   logical block N, async page read`; a read() that already copied pages returns them (a
 *   short read) and fails on the next call. A page that fails in the middle of one of
 *   filemap_read's 15-page batches is read twice (two lines), as in 6.1.
 * - A buffered write of part of a page reads the page first; that read failing fails the write
 *   with EIO (no log line). Whole pages are written back later, so their failure does not fail
 *   the write: it logs `... lost async page write`.
 * - Written-back pages reach the device one bio per page-cache block (set_init_blocksize: 4 KiB
 *   unless the device's size needs smaller), as block_write_full_page submits them, so per-bio
 *   effects (flakey's corrupt_bio_byte) hit every block.
 * - Pages a read brought in are kept by the open file until anything writes to the device (its
 *   write generation changes): a reader going through a device a byte at a time costs one bio
 *   per page, as the page cache makes it cost on Linux.
 * - O_DIRECT needs 512-byte aligned offsets and lengths (EINVAL otherwise); errors are plain EIO.
 * - Writes at or past the end fail with ENOSPC (a write crossing the end is cut short); a
 *   read-only device refuses writes with EPERM.
 */

import { initBlockSize } from "../engine/blockdev.ts";
import type { BlockDevice } from "../engine/index.ts";
import { Interrupted, type DmshContext } from "./context.ts";

export const PAGE = 4096;
/** filemap_read gathers at most this many folios per batch (PAGEVEC_SIZE). */
const BATCH = 15;

export type IoResult = { n: number; errno?: undefined } | { n?: undefined; errno: string };

export class BlockFile {
  readonly bdev: BlockDevice;
  readonly #ctx: DmshContext;
  direct: boolean;

  constructor(ctx: DmshContext, bdev: BlockDevice, direct = false) {
    this.#ctx = ctx;
    this.bdev = bdev;
    this.direct = direct;
  }

  get size(): number {
    return this.bdev.sizeSectors * 512;
  }

  /** Set when a wait was interrupted: the call in progress fails with EINTR. */
  #interrupted = false;

  /** The pages the last buffered read brought in: bytes [at, at + pages.length). */
  #cache: { at: number; pages: Uint8Array; generation: number } | null = null;

  async #io(op: "READ" | "WRITE", offset: number, data: Uint8Array): Promise<boolean> {
    const e = this.#ctx.engine;
    try {
      const st = await this.#ctx.wait(e.io(this.bdev, op, offset / 512, data));
      return st === "OK";
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      this.#interrupted = true;
      return false;
    }
  }

  /** The errno of a failed call: EINTR if it was interrupted, else `errno`. */
  #fail(errno: string): { errno: string } {
    if (this.#interrupted) {
      this.#interrupted = false;
      return { errno: "EINTR" };
    }
    return { errno };
  }

  /** buffer_io_error for one page-cache block (block numbers count set_init_blocksize blocks). */
  #log(block: number, what: string): void {
    const e = this.#ctx.engine;
    const text = `Buffer I/O error on dev ${this.bdev.name}, logical block ${block}, ${what}`;
    e.klog.ratelimited(e.now, "err", "buffer_io_error", text);
  }

  /** A page read failed: every block of it (within the device) reports the error. */
  #logPage(page: number, what: string): void {
    const bsize = initBlockSize(this.bdev);
    const end = Math.min((page + 1) * PAGE, this.size);
    for (let at = page * PAGE; at < end; at += bsize) this.#log(at / bsize, what);
  }

  /** read(2) of up to `len` bytes at `pos` into `buf` (from its start). */
  async read(pos: number, buf: Uint8Array, len = buf.length): Promise<IoResult> {
    const size = this.size;
    if (pos >= size || len === 0) return { n: 0 };
    if (this.direct) {
      if (pos % 512 !== 0 || len % 512 !== 0) return { errno: "EINVAL" };
      const n = Math.min(len, size - pos);
      return (await this.#io("READ", pos, buf.subarray(0, n))) ? { n } : this.#fail("EIO");
    }
    const end = Math.min(pos + len, size);
    const c = this.#cache;
    if (
      c &&
      c.generation === this.bdev.writeGeneration &&
      pos >= c.at &&
      end <= c.at + c.pages.length
    ) {
      buf.set(c.pages.subarray(pos - c.at, end - c.at));
      return { n: end - pos };
    }
    const first = Math.floor(pos / PAGE);
    const last = Math.floor((end - 1) / PAGE);
    const a = first * PAGE;
    const b = Math.min((last + 1) * PAGE, size);
    const pages = new Uint8Array(b - a);
    const generation = this.bdev.writeGeneration;
    if (await this.#io("READ", a, pages)) {
      buf.set(pages.subarray(pos - a, end - a));
      this.#cache = { at: a, pages, generation };
      return { n: end - pos };
    }
    if (this.#interrupted) return this.#fail("EIO");
    // Something failed: find the first page that does, as filemap_read would meet it.
    for (let p = first; p <= last; p++) {
      const pa = p * PAGE;
      const pb = Math.min(pa + PAGE, size);
      if (await this.#io("READ", pa, pages.subarray(pa - a, pb - a))) continue;
      if (this.#interrupted) return this.#fail("EIO");
      this.#logPage(p, "async page read");
      if ((p - first) % BATCH !== 0) this.#logPage(p, "async page read");
      if (p === first) return { errno: "EIO" };
      const n = pa - pos;
      buf.set(pages.subarray(pos - a, pa - a));
      return { n };
    }
    // The pages read fine one at a time (the failure was transient): take them.
    buf.set(pages.subarray(pos - a, end - a));
    return { n: end - pos };
  }

  /** write(2) of `data` at `pos`: the bytes written (maybe fewer), or an error. */
  async write(pos: number, data: Uint8Array): Promise<IoResult> {
    const size = this.size;
    if (this.bdev.readOnly) return { errno: "EPERM" };
    if (data.length === 0) return { n: 0 };
    if (pos >= size) return { errno: "ENOSPC" };
    const n = Math.min(data.length, size - pos);
    const chunk = data.subarray(0, n);
    this.#cache = null;
    if (this.direct && (pos % 512 !== 0 || n % 512 !== 0)) return { errno: "EINVAL" };
    if (this.direct) return (await this.#io("WRITE", pos, chunk)) ? { n } : this.#fail("EIO");
    // The page cache works in blocks of set_init_blocksize: only a block the write covers in
    // part is read first (__block_write_begin).
    const bsize = initBlockSize(this.bdev);
    const a = Math.floor(pos / bsize) * bsize;
    const b = Math.min(Math.ceil((pos + n) / bsize) * bsize, size);
    const pages = new Uint8Array(b - a);
    const partial = new Set<number>();
    if (pos > a) partial.add(a);
    if (pos + n < b) partial.add(Math.floor((pos + n) / bsize) * bsize);
    for (const x of partial) {
      const y = Math.min(x + bsize, b);
      if (!(await this.#io("READ", x, pages.subarray(x - a, y - a)))) return this.#fail("EIO");
    }
    pages.set(chunk, pos - a);
    // Written back later, one bio per block: each failure is a lost async page write.
    for (let pa = a; pa < b; pa += bsize) {
      const pb = Math.min(pa + bsize, b);
      if (!(await this.#io("WRITE", pa, pages.subarray(pa - a, pb - a)))) {
        if (this.#interrupted) return this.#fail("EIO");
        this.#log(pa / bsize, "lost async page write");
      }
    }
    return { n };
  }
}
