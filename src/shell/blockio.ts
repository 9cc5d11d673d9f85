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
 * - A buffered write of part of a block reads the block first; that read failing fails the
 *   write with EIO (no log line). The write itself only dirties the device's page cache
 *   (`bdev.dirty`): blocks are written back at the last close of the device (blkdev_put ->
 *   sync_blockdev), by `sync`, `blockdev --flushbufs`, fsync, or before O_DIRECT I/O to their
 *   range, so their failure does not fail the write: it logs `... lost async page write`. While
 *   another opener (a table) keeps the device open, dirty blocks stay in its cache, unseen by
 *   anything that reaches the device with bios (a dm device over it), as on Linux. The
 *   periodic flusher (dirty_expire_centisecs) is not modelled.
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

import { LINUX_REQ } from "../engine/blk-mq.ts";
import { initBlockSize } from "../engine/blockdev.ts";
import { REQ_PREFLUSH, type BlkStatus } from "../engine/types.ts";
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
  /** The buffer of pages no longer kept, for the next read to fill. */
  #spare: Uint8Array | null = null;

  /**
   * One bio; `reqFlags` are its bi_opf bits as Linux sets them (blk-mq.ts LINUX_REQ), which only
   * the block layer's error line shows: REQ_SYNC for O_DIRECT reads and for the writeback of
   * sync_blockdev (WB_SYNC_ALL), REQ_SYNC | REQ_IDLE for O_DIRECT writes (golden 600).
   */
  async #io(
    op: "READ" | "WRITE",
    offset: number,
    data: Uint8Array,
    reqFlags = 0,
  ): Promise<boolean> {
    const e = this.#ctx.engine;
    try {
      const st = await this.#ctx.wait(
        e.io(this.bdev, op, offset / 512, data, undefined, 0, reqFlags),
      );
      this.#lastStatus = st;
      return st === "OK";
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      this.#interrupted = true;
      return false;
    }
  }

  /** How the last bio ended. */
  #lastStatus: BlkStatus = "OK";

  /**
   * The errno of a failed call: EINTR if it was interrupted, ENOSPC for a bio that ended
   * BLK_STS_NOSPC (blk_status_to_errno: a thin pool out of data space), else `errno`.
   */
  #fail(errno: string): { errno: string } {
    if (this.#interrupted) {
      this.#interrupted = false;
      return { errno: "EINTR" };
    }
    if (this.#lastStatus === "NOSPC") return { errno: "ENOSPC" };
    return { errno };
  }

  /** buffer_io_error for one page-cache block (block numbers count set_init_blocksize blocks). */
  #log(block: number, what: string): void {
    const e = this.#ctx.engine;
    const text = `Buffer I/O error on dev ${this.bdev.name}, logical block ${block}, ${what}`;
    e.klog.ratelimited(e.now, "err", "buffer_io_error", text);
  }

  /** blkdev_get: a process opens the device (its open count, `dmsetup info`'s "Open count"). */
  open(): void {
    this.bdev.openCount++;
  }

  /** blkdev_put: the last close writes the dirty blocks back (sync_blockdev). */
  async release(): Promise<void> {
    if (this.bdev.openCount <= 1) await this.sync();
    this.#ctx.engine.blkdevPut(this.bdev);
  }

  /**
   * sync_blockdev / filemap_write_and_wait_range: write back the dirty blocks in
   * [from, to) bytes, one bio each, in offset order. A failed one is a lost async page write.
   * False when one failed (the mapping's writeback error, as fsync reports it).
   */
  async sync(from = 0, to = Infinity): Promise<boolean> {
    const dirty = this.bdev.dirty;
    if (dirty.size === 0) return true;
    let ok = true;
    const offsets = [...dirty.keys()].filter((o) => o < to && o + dirty.get(o)!.length > from);
    offsets.sort((x, y) => x - y);
    for (const at of offsets) {
      const block = dirty.get(at);
      if (!block) continue;
      dirty.delete(at);
      if (!(await this.#io("WRITE", at, block, LINUX_REQ.SYNC))) {
        if (this.#interrupted) {
          // The wait was interrupted: the block stays dirty for a later writeback.
          this.#interrupted = false;
          dirty.set(at, block);
          return ok;
        }
        this.#log(at / block.length, "lost async page write");
        ok = false;
      }
    }
    return ok;
  }

  /**
   * blkdev_fsync: write back every dirty block, then flush the device's write cache; a failed
   * writeback fails it with EIO before any flush (file_write_and_wait_range's error, golden 601).
   */
  async fsync(): Promise<IoResult> {
    if (!(await this.sync())) return { errno: "EIO" };
    try {
      const st = await this.#ctx.wait(
        this.#ctx.engine.io(this.bdev, "WRITE", 0, null, 0, REQ_PREFLUSH),
      );
      return st === "OK" ? { n: 0 } : { errno: "EIO" };
    } catch (err) {
      if (!(err instanceof Interrupted)) throw err;
      return { errno: "EINTR" };
    }
  }

  /** Copy the dirty blocks that overlap [a, a + buf.length) over `buf` (read from the device). */
  #overlayDirty(a: number, buf: Uint8Array): void {
    for (const [at, block] of this.bdev.dirty) {
      const lo = Math.max(at, a);
      const hi = Math.min(at + block.length, a + buf.length);
      if (lo < hi) buf.set(block.subarray(lo - at, hi - at), lo - a);
    }
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
      await this.sync(pos, pos + n);
      return (await this.#io("READ", pos, buf.subarray(0, n), LINUX_REQ.SYNC))
        ? { n }
        : this.#fail("EIO");
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
    // Read into the buffer of the pages kept before the last ones, when it fits: a sequential
    // reader allocates nothing per read (in a browser's worker that costs more than the read).
    const spare = this.#spare;
    this.#spare = null;
    const pages = spare && spare.length === b - a ? spare : new Uint8Array(b - a);
    const generation = this.bdev.writeGeneration;
    if (await this.#io("READ", a, pages)) {
      this.#overlayDirty(a, pages);
      buf.set(pages.subarray(pos - a, end - a));
      const replaced = this.#cache?.pages;
      if (replaced && replaced !== pages) this.#spare = replaced;
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
    if (this.direct) {
      await this.sync(pos, pos + n);
      return (await this.#io("WRITE", pos, chunk, LINUX_REQ.SYNC | LINUX_REQ.IDLE))
        ? { n }
        : this.#fail("EIO");
    }
    // The page cache works in blocks of set_init_blocksize: only a block the write covers in
    // part is read first (__block_write_begin).
    const bsize = initBlockSize(this.bdev);
    const a = Math.floor(pos / bsize) * bsize;
    const b = Math.min(Math.ceil((pos + n) / bsize) * bsize, size);
    const pages = new Uint8Array(b - a);
    const partial = new Set<number>();
    if (pos > a) partial.add(a);
    if (pos + n < b) partial.add(Math.floor((pos + n) / bsize) * bsize);
    const dirty = this.bdev.dirty;
    for (const x of partial) {
      const y = Math.min(x + bsize, b);
      const cached = dirty.get(x);
      if (cached && cached.length === y - x) pages.set(cached, x - a);
      else if (!(await this.#io("READ", x, pages.subarray(x - a, y - a)))) return this.#fail("EIO");
    }
    pages.set(chunk, pos - a);
    // Only the page cache changes now; writeback comes later, one bio per block.
    // Views of this write's own buffer, one per block (no copy: nothing else holds `pages`).
    for (let pa = a; pa < b; pa += bsize) {
      const pb = Math.min(pa + bsize, b);
      dirty.set(pa, pages.subarray(pa - a, pb - a));
    }
    // Readers' kept pages must see it.
    this.bdev.writeGeneration++;
    return { n };
  }
}
