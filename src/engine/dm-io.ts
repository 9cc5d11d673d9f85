/**
 * dm-io (drivers/md/dm-io.c): a target's own I/O to regions of devices it holds, the way
 * snapshot exception stores, mirror logs and dm-bufio (and through it thin-pool metadata) read
 * and write their on-disk state.
 *
 *     // sync (dm_io with notify.fn == NULL): a promise, on virtual time
 *     await dmIo(t, { op: "WRITE", flags: REQ_FUA, mem: header }, [{ dev, sector: 0, count: 8 }]);
 *     // async (notify.fn set): the callback runs when every region has ended
 *     dmIoAsync(t, { op: "READ", mem: buf }, [{ dev, sector: 8, count: 8 }], (errorBits) => {...});
 *
 * Every piece is a bio of the target's own (`Target.submit`): its `bio_submit` event names the
 * target as issuer, and it goes down the stack like any bio (split, mapped, remapped, completed
 * by the devices below, deferred while one of them is suspended). Nothing here reads a wall
 * clock: a region ends when its last bio does, on the engine's virtual clock.
 *
 * Determinism: a promise is settled inside the bio's completion (a guarded "completion" call),
 * and the clock is asked to yield (`Clock.requestYield`), so the code after `await` runs at the
 * virtual instant the I/O ended, before any later clock entry, under both drivers (eager
 * headless runs and the paced browser worker). The same script gives the same events and bytes.
 */

import type { Bio } from "./bio.ts";
import type { DmDev, Target } from "./target.ts";
import { DmError, REQ_FUA, REQ_PREFLUSH, SECTOR_SIZE, type BioOp, type Sector } from "./types.ts";

/** struct dm_io_region: `count` sectors from `sector` of a device the target holds. */
export interface DmIoRegion {
  readonly dev: DmDev;
  /** First sector (512 bytes). */
  readonly sector: Sector;
  /** Length in sectors; 0 with REQ_PREFLUSH is an empty flush of the device. */
  readonly count: Sector;
}

/** The operations dm_io issues (REQ_OP_*). An empty flush is `WRITE` + REQ_PREFLUSH, count 0. */
export type DmIoOp = Extract<BioOp, "READ" | "WRITE" | "DISCARD" | "WRITE_ZEROES">;

/** struct dm_io_request (DM_IO_KMEM memory). */
export interface DmIoRequest {
  readonly op: DmIoOp;
  /** REQ_FUA | REQ_PREFLUSH (types.ts); 0 or absent: neither. */
  readonly flags?: number;
  /**
   * READ: filled; WRITE: written to every region (dm_io writes the same memory to each, as a
   * mirror does). At least `count * 512` bytes for the largest region; null for DISCARD,
   * WRITE_ZEROES and empty flushes.
   */
  readonly mem?: Uint8Array | null;
}

/**
 * What dm_io reports when regions fail: EIO, and a bit per failed region (bit i: regions[i]),
 * the kernel's `sync_error_bits` / the notify callback's `error`.
 */
export class DmIoError extends DmError {
  constructor(readonly errorBits: number) {
    super("EIO");
    this.name = "DmIoError";
  }
}

/**
 * Regions one request may name (the kernel's DM_IO_MAX_REGIONS is BITS_PER_LONG, 64; here the
 * error bits are a 32-bit number).
 */
export const DM_IO_MAX_REGIONS = 32;

/** dm-io splits a region into bios of at most this many sectors (BIO_MAX_VECS pages of 4 KiB). */
export const DM_IO_MAX_BIO_SECTORS = (256 * 4096) / SECTOR_SIZE;

/**
 * dm_io with notify.fn == NULL (sync_io): resolves when every region has ended, or rejects with
 * a `DmIoError` (errno EIO, `errorBits`) if any failed. Bad arguments reject at once with
 * DmError EIO (more than one region for a READ: the kernel's WARN_ON and -EIO) or EINVAL
 * (`mem` too short or missing).
 */
export function dmIo(t: Target, req: DmIoRequest, regions: readonly DmIoRegion[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (errorBits: number): void => {
      if (errorBits) reject(new DmIoError(errorBits));
      else resolve();
      // The continuation after `await` must act now, before the clock moves on.
      t.requestYield();
    };
    try {
      dispatch(t, req, regions, done);
    } catch (err) {
      reject(err);
      t.requestYield();
    }
  });
}

/**
 * dm_io with notify.fn set (async_io): issue every region's bios and call `notify(errorBits)`
 * once, when the last one ends (0: all succeeded; bit i set: regions[i] failed). It runs inside
 * the ending bio's completion, a guarded call: a throw there is reported as the target's fault.
 * Throws DmError EIO / EINVAL for bad arguments, without calling `notify`.
 */
export function dmIoAsync(
  t: Target,
  req: DmIoRequest,
  regions: readonly DmIoRegion[],
  notify: (errorBits: number) => void,
): void {
  dispatch(t, req, regions, notify);
}

/** dispatch_io: one count for the whole request, one more per bio, dropped as each ends. */
function dispatch(
  t: Target,
  req: DmIoRequest,
  regions: readonly DmIoRegion[],
  notify: (errorBits: number) => void,
): void {
  const flags = req.flags ?? 0;
  if ((flags & ~(REQ_FUA | REQ_PREFLUSH)) !== 0)
    throw new DmError("EINVAL", `dm-io: unknown request flags ${flags}`);
  if (regions.length > DM_IO_MAX_REGIONS)
    throw new DmError("EINVAL", `dm-io: more than ${DM_IO_MAX_REGIONS} regions`);
  if (regions.length > 1 && req.op === "READ") throw new DmError("EIO");
  const mem = req.mem ?? null;
  const hasData = req.op === "READ" || req.op === "WRITE";
  for (const r of regions) {
    if (!Number.isSafeInteger(r.sector) || !Number.isSafeInteger(r.count) || r.count < 0)
      throw new DmError("EINVAL", `dm-io: bad region ${r.sector}+${r.count}`);
    if (hasData && r.count > 0 && (!mem || mem.length < r.count * SECTOR_SIZE))
      throw new DmError(
        "EINVAL",
        `dm-io: ${mem ? mem.length : 0} bytes of memory for ${r.count} sectors`,
      );
  }
  let count = 1;
  let errorBits = 0;
  const dec = (): void => {
    if (--count === 0) notify(errorBits);
  };
  for (const [i, r] of regions.entries()) {
    // An empty region is only sent as a flush.
    if (r.count === 0) {
      if ((flags & REQ_PREFLUSH) === 0) continue;
      count++;
      const bio = t.newBio("FLUSH", r.dev, r.sector, 0, null, (b: Bio) => {
        if (b.status !== "OK") errorBits = (errorBits | (1 << i)) >>> 0;
        dec();
      });
      bio.flags = flags;
      t.submit(bio);
      continue;
    }
    // do_region: pieces of at most DM_IO_MAX_BIO_SECTORS; the flush goes with the first piece
    // and FUA with every piece (each write must be durable when it ends).
    for (let done = 0; done < r.count;) {
      const n = Math.min(DM_IO_MAX_BIO_SECTORS, r.count - done);
      const data =
        hasData && mem ? mem.subarray(done * SECTOR_SIZE, (done + n) * SECTOR_SIZE) : null;
      count++;
      const bio = t.newBio(req.op, r.dev, r.sector + done, n, data, (b: Bio) => {
        if (b.status !== "OK") errorBits = (errorBits | (1 << i)) >>> 0;
        dec();
      });
      bio.flags = done === 0 ? flags : flags & ~REQ_PREFLUSH;
      t.submit(bio);
      done += n;
    }
  }
  dec();
}
