/**
 * Copy-on-write snapshots (drivers/md/dm-snap.c, Linux 6.1): three target types in one module,
 * `dm-snapshot`.
 *
 *     <start> <len> snapshot-origin <origin>
 *     <start> <len> snapshot <origin> <COW> <P|PO|N> <chunk size> [<#features> [discard_zeroes_cow] [discard_passdown_origin]]
 *     <start> <len> snapshot-merge <origin> <COW> <P> <chunk size> [<#features> ...]
 *
 * - `snapshot-origin` passes I/O to the origin device; before a write reaches a chunk that a
 *   snapshot of this origin has not copied yet, the chunk is copied to that snapshot's COW
 *   device (dm-kcopyd.ts: a read of the origin and a write of the COW, the target's own bios on
 *   virtual time), and the write waits for every copy it triggered.
 * - `snapshot` reads a chunk from the COW device when it has an exception for it, else from the
 *   origin; a write to it allocates a COW chunk (copying the origin chunk first unless the write
 *   covers the whole chunk). A full COW device invalidates the snapshot (`P`, `N`) or, for `PO`,
 *   refuses further writes (Overflow). The exceptions are kept by the exception store
 *   (exception-store/: persistent on the COW device, or transient in memory).
 * - `snapshot-merge` copies the snapshot's chunks back to the origin, most recent first, on
 *   virtual time; reads see merged data at once (chunks not yet merged are read from the COW).
 *
 * Units: sectors of 512 bytes; chunks of `chunk size` sectors (a power of two). Errors (ti->error)
 * and log lines are Linux's. Status INFO: `<allocated>/<total> <metadata>` (sectors), `Invalid`,
 * `Merge failed`, `Overflow`; TABLE: `<origin> <COW> <P|PO|N> <chunk size> [features]`.
 *
 * Like Linux, bios carry absolute sectors here: a snapshot or origin target is meant to be the
 * whole table (origin_map passes the sector through unchanged).
 */

import type { Bio } from "../bio.ts";
import { DmKcopydClient, type DmKcopydJob } from "../dm-kcopyd.ts";
import { EV } from "../events.ts";
import { ctrError, defineTarget, parseU32, type DmDev, type Target } from "../target.ts";
import {
  DmError,
  REQ_PREFLUSH,
  type BlkStatus,
  type MapState,
  type QueueLimits,
} from "../types.ts";
import {
  DM_CHUNK_CONSECUTIVE_MAX,
  chunkToSector,
  dmExceptionStoreCreate,
  dmExceptionStoreDestroy,
  getDevSize,
  sectorToChunk,
  type Chunk,
  type DmException,
  type DmExceptionStore,
} from "./exception-store/dm-exception-store.ts";
import "./exception-store/dm-snap-persistent.ts";
import "./exception-store/dm-snap-transient.ts";

/** DM_MSG_PREFIX "snapshots". */
function dmerr(t: Target<unknown>, level: "err" | "warn", text: string): void {
  t.printk(level, `device-mapper: snapshots: ${text}`);
}

/** DM_CHUNK_CONSECUTIVE_BITS: the completed table groups chunks by chunk >> 8. */
const HASH_SHIFT = 8;

/**
 * The completed exceptions (s->complete): buckets of chunk >> 8, each sorted by old chunk, with
 * runs of consecutive chunks (old and new) kept as one exception, as dm_insert_exception does.
 */
export class ExceptionTable {
  readonly buckets = new Map<number, DmException[]>();

  /** dm_lookup_exception. */
  lookup(chunk: Chunk): DmException | null {
    const l = this.buckets.get(Math.floor(chunk / 2 ** HASH_SHIFT));
    if (!l) return null;
    for (const e of l) if (chunk >= e.oldChunk && chunk <= e.oldChunk + e.consecutive) return e;
    return null;
  }

  /** dm_insert_exception. */
  insert(ne: DmException): void {
    const key = Math.floor(ne.oldChunk / 2 ** HASH_SHIFT);
    let l = this.buckets.get(key);
    if (!l) {
      l = [];
      this.buckets.set(key, l);
    }
    let i = 0;
    for (; i < l.length; i++) {
      const e = l[i]!;
      if (
        ne.oldChunk === e.oldChunk + e.consecutive + 1 &&
        ne.newChunk === e.newChunk + e.consecutive + 1 &&
        e.consecutive < DM_CHUNK_CONSECUTIVE_MAX
      ) {
        e.consecutive++;
        return;
      }
      if (
        ne.oldChunk === e.oldChunk - 1 &&
        ne.newChunk === e.newChunk - 1 &&
        e.consecutive < DM_CHUNK_CONSECUTIVE_MAX
      ) {
        e.consecutive++;
        e.oldChunk--;
        e.newChunk--;
        return;
      }
      if (ne.oldChunk < e.oldChunk) break;
    }
    l.splice(i, 0, { oldChunk: ne.oldChunk, newChunk: ne.newChunk, consecutive: ne.consecutive });
  }

  remove(e: DmException): void {
    const key = Math.floor(e.oldChunk / 2 ** HASH_SHIFT);
    const l = this.buckets.get(key);
    if (!l) return;
    const i = l.indexOf(e);
    if (i >= 0) l.splice(i, 1);
    if (!l.length) this.buckets.delete(key);
  }

  /** Every exception, by old chunk: [old, new, consecutive] (for views and tests). */
  list(): DmException[] {
    return [...this.buckets.keys()]
      .sort((a, b) => a - b)
      .flatMap((k) => this.buckets.get(k)!.map((e) => ({ ...e })));
  }
}

/** A bio held by a pending exception, with the target it was mapped by. */
interface HeldBio {
  bio: Bio;
  ti: Target<unknown>;
}

/** struct dm_snap_pending_exception. */
interface PendingException {
  e: DmException;
  originBios: HeldBio[];
  snapshotBios: Bio[];
  snap: DmSnapshot;
  started: boolean;
  copyError: boolean;
  exceptionSequence: number;
  fullBio: Bio | null;
  fullBioEndIo: ((b: Bio) => void) | null;
}

/** struct dm_snapshot. */
export interface DmSnapshot {
  ti: Target<DmSnapshot>;
  origin: DmDev;
  cow: DmDev;
  /** dm_target_is_snapshot_merge. */
  merge: boolean;
  /** 0 (e.g. full): unusable. A snapshot-merge never clears it. */
  valid: boolean;
  snapshotOverflowed: boolean;
  /** Origin writes trigger exceptions only once this is set (at resume). */
  active: boolean;
  pendingExceptionsCount: number;
  exceptionStartSequence: number;
  exceptionCompleteSequence: number;
  outOfOrder: Map<number, PendingException>;
  pending: Map<Chunk, PendingException>;
  complete: ExceptionTable;
  store: DmExceptionStore;
  /** Chunks with tracked bios in flight (reads of the origin), by chunk: count. */
  tracked: Map<Chunk, number>;
  trackedWaiters: Map<Chunk, (() => void)[]>;
  kcopyd: DmKcopydClient;
  /** Copies in flight (s->in_progress). */
  inProgress: number;
  runningMerge: boolean;
  shutdownMerge: boolean;
  mergeStopped: (() => void)[];
  firstMergingChunk: Chunk;
  numMergingChunks: number;
  mergeFailed: boolean;
  discardZeroesCow: boolean;
  discardPassdownOrigin: boolean;
  biosQueuedDuringMerge: HeldBio[];
  /** dm_suspended(ti): the device's suspend finished (postsuspend) and no resume since. */
  suspended: boolean;
  /** Chunks merged so far (for the view). */
  mergedChunks: number;
}

/** struct origin: the snapshots of one origin device, largest chunk size first. */
interface Origin {
  snapshots: DmSnapshot[];
}

/** _origins: by origin block device (one BlockDevice object per device, as bdev pointers). */
const origins = new WeakMap<object, Origin>();

/** The snapshots registered on an origin device (for views and tests). */
export function snapshotsOf(origin: DmDev): readonly DmSnapshot[] {
  return origins.get(origin.bdev)?.snapshots ?? [];
}

// _pending_exceptions_done: merging waits for pending exceptions anywhere to complete.
let pendingExceptionsDoneCount = 0;
let pendingExceptionsDoneWaiters: (() => void)[] = [];

function incrementPendingExceptionsDoneCount(): void {
  pendingExceptionsDoneCount++;
  const w = pendingExceptionsDoneWaiters;
  pendingExceptionsDoneWaiters = [];
  for (const f of w) f();
}

/** __find_snapshots_sharing_cow. */
function findSnapshotsSharingCow(snap: DmSnapshot): {
  count: number;
  src: DmSnapshot | null;
  dest: DmSnapshot | null;
  merging: DmSnapshot | null;
} {
  const r = { count: 0, src: null as DmSnapshot | null, dest: null as DmSnapshot | null };
  let merging: DmSnapshot | null = null;
  const o = origins.get(snap.origin.bdev);
  if (o) {
    for (const s of o.snapshots) {
      if (s.merge) merging = s;
      if (s.cow.bdev !== snap.cow.bdev) continue;
      if (s.active) r.src = s;
      else r.dest = s;
      r.count++;
    }
  }
  return { ...r, merging };
}

/** __validate_exception_handover: 1 when `snap` is a handover destination. Throws ti->error. */
function validateExceptionHandover(snap: DmSnapshot): 0 | 1 {
  const f = findSnapshotsSharingCow(snap);
  if (f.count === 2 || f.dest)
    throw new DmError("EINVAL", "Snapshot cow pairing for exception table handover failed");
  if (!f.src) return 0;
  if (!snap.merge) return 1;
  if (f.merging) throw new DmError("EINVAL", "A snapshot is already merging.");
  if (!f.src.store.type.prepareMerge || !f.src.store.type.commitMerge)
    throw new DmError("EINVAL", "Snapshot exception store does not support snapshot-merge.");
  return 1;
}

/** __insert_snapshot: sorted by chunk size, largest first. */
function insertSnapshot(o: Origin, s: DmSnapshot): void {
  let i = 0;
  while (i < o.snapshots.length && o.snapshots[i]!.store.chunkSize >= s.store.chunkSize) i++;
  o.snapshots.splice(i, 0, s);
}

function registerSnapshot(snap: DmSnapshot): 0 | 1 {
  const r = validateExceptionHandover(snap);
  let o = origins.get(snap.origin.bdev);
  if (!o) {
    o = { snapshots: [] };
    origins.set(snap.origin.bdev, o);
  }
  insertSnapshot(o, snap);
  return r;
}

function reregisterSnapshot(s: DmSnapshot): void {
  const o = origins.get(s.origin.bdev);
  if (!o) return;
  o.snapshots.splice(o.snapshots.indexOf(s), 1);
  insertSnapshot(o, s);
}

function unregisterSnapshot(s: DmSnapshot): void {
  const o = origins.get(s.origin.bdev);
  if (!o) return;
  const i = o.snapshots.indexOf(s);
  if (i >= 0) o.snapshots.splice(i, 1);
  if (!o.snapshots.length) origins.delete(s.origin.bdev);
}

/** __minimum_chunk_size: 2^31 when the origin has no snapshot. */
function minimumChunkSize(bdev: object): number {
  let cs = 0x80000000;
  for (const s of origins.get(bdev)?.snapshots ?? [])
    if (s.store.chunkSize) cs = Math.min(cs, s.store.chunkSize);
  return cs;
}

// ---- tracked chunks: reads of the origin in flight --------------------------------------------

function trackChunk(s: DmSnapshot, bio: Bio, chunk: Chunk): void {
  bio.perIo = { chunk };
  s.tracked.set(chunk, (s.tracked.get(chunk) ?? 0) + 1);
}

function stopTrackingChunk(s: DmSnapshot, bio: Bio): void {
  const { chunk } = bio.perIo as { chunk: Chunk };
  bio.perIo = undefined;
  const n = (s.tracked.get(chunk) ?? 1) - 1;
  if (n > 0) {
    s.tracked.set(chunk, n);
    return;
  }
  s.tracked.delete(chunk);
  const w = s.trackedWaiters.get(chunk);
  if (w) {
    s.trackedWaiters.delete(chunk);
    for (const f of w) f();
  }
}

/** __check_for_conflicting_io: wait until no tracked bio is in flight on `chunk`. */
function checkForConflictingIo(s: DmSnapshot, chunk: Chunk): Promise<void> | null {
  if (!s.tracked.has(chunk)) return null;
  return new Promise((resolve) => {
    const l = s.trackedWaiters.get(chunk) ?? [];
    l.push(() => {
      resolve();
      s.ti.requestYield();
    });
    s.trackedWaiters.set(chunk, l);
  });
}

// ---- exceptions ---------------------------------------------------------------------------

function invalidateSnapshot(s: DmSnapshot, err: "EIO" | "ENOMEM"): void {
  if (!s.valid) return;
  if (err === "EIO") dmerr(s.ti, "err", "Invalidating snapshot: Error reading/writing.");
  else dmerr(s.ti, "err", "Invalidating snapshot: Unable to allocate exception.");
  s.store.type.dropSnapshot?.(s.store);
  s.valid = false;
  s.ti.event();
  s.ti.traceEvent(EV.SNAP_STATE, 0, 0, s.ti.index, "invalid");
}

function allocPendingException(s: DmSnapshot): PendingException {
  s.pendingExceptionsCount++;
  return {
    e: { oldChunk: 0, newChunk: 0, consecutive: 0 },
    originBios: [],
    snapshotBios: [],
    snap: s,
    started: false,
    copyError: false,
    exceptionSequence: 0,
    fullBio: null,
    fullBioEndIo: null,
  };
}

function freePendingException(pe: PendingException): void {
  pe.snap.pendingExceptionsCount--;
}

/** __insert_pending_exception: null when the store has no room. */
function insertPendingException(
  s: DmSnapshot,
  pe: PendingException,
  chunk: Chunk,
): PendingException | null {
  pe.e.oldChunk = chunk;
  if (!s.store.type.prepareException(s.store, pe.e)) {
    freePendingException(pe);
    return null;
  }
  pe.exceptionSequence = s.exceptionStartSequence++;
  s.pending.set(chunk, pe);
  return pe;
}

/** remap_exception: point `bio` at the COW chunk of `chunk`. */
function remapException(s: DmSnapshot, e: DmException, bio: Bio, chunk: Chunk): void {
  bio.bdev = s.cow.bdev;
  bio.sector =
    chunkToSector(s.store, e.newChunk + (chunk - e.oldChunk)) + (bio.sector & s.store.chunkMask);
}

/** pending_complete: the exception is on disk (or failed); release the bios that waited. */
async function pendingComplete(pe: PendingException, success: boolean): Promise<void> {
  const s = pe.snap;
  let error = false;
  if (!success) {
    invalidateSnapshot(s, "EIO");
    error = true;
  } else if (!s.valid) {
    error = true;
  } else {
    // Reads of the snapshot go to the COW device from now on.
    s.complete.insert({ ...pe.e });
    s.ti.traceEvent(EV.SNAP_EXCEPTION, pe.e.oldChunk, s.store.chunkSize, pe.e.newChunk, s.ti.index);
    const w = checkForConflictingIo(s, pe.e.oldChunk);
    if (w) await w;
  }
  s.pending.delete(pe.e.oldChunk);
  const snapshotBios = pe.snapshotBios.splice(0);
  const originBios = pe.originBios.splice(0);
  const fullBio = pe.fullBio;
  incrementPendingExceptionsDoneCount();
  if (error) {
    if (fullBio) {
      fullBio.status = "IOERR";
      pe.fullBioEndIo?.(fullBio);
    }
    for (const b of snapshotBios) b.end("IOERR");
  } else {
    if (fullBio) pe.fullBioEndIo?.(fullBio);
    for (const b of snapshotBios) s.ti.submitRemapped(b);
  }
  retryOriginBios(s, originBios);
  freePendingException(pe);
}

/** retry_origin_bios. */
function retryOriginBios(s: DmSnapshot, bios: HeldBio[]): void {
  for (const h of bios) {
    const r = doOrigin(s.origin, h, false);
    if (r === "REMAPPED") h.ti.submitRemapped(h.bio);
  }
}

/** copy_callback: completions are processed in allocation order (exception_sequence). */
async function copyCallback(
  pe: PendingException,
  readErr: boolean,
  writeErr: number,
): Promise<void> {
  const s = pe.snap;
  pe.copyError = readErr || writeErr !== 0;
  s.inProgress--;
  if (pe.exceptionSequence === s.exceptionCompleteSequence) {
    s.exceptionCompleteSequence++;
    await completeException(pe);
    for (;;) {
      const next = s.outOfOrder.get(s.exceptionCompleteSequence);
      if (!next) break;
      s.outOfOrder.delete(s.exceptionCompleteSequence);
      s.exceptionCompleteSequence++;
      await completeException(next);
    }
  } else {
    s.outOfOrder.set(pe.exceptionSequence, pe);
  }
}

/** complete_exception: commit it to the store; pending_complete runs once it is on disk. */
function completeException(pe: PendingException): Promise<void> {
  const s = pe.snap;
  return s.store.type.commitException(s.store, pe.e, !pe.copyError, (ok) =>
    pendingComplete(pe, ok),
  );
}

/** start_copy: copy the origin chunk to its COW chunk (kcopyd). */
function startCopy(pe: PendingException): void {
  const s = pe.snap;
  const devSize = getDevSize(s.origin);
  const srcSector = chunkToSector(s.store, pe.e.oldChunk);
  const count = Math.min(s.store.chunkSize, devSize - srcSector);
  s.inProgress++;
  s.kcopyd.copy(
    { dev: s.origin, sector: srcSector, count },
    [{ dev: s.cow, sector: chunkToSector(s.store, pe.e.newChunk), count }],
    (readErr, writeErr) => copyCallback(pe, readErr, writeErr),
  );
}

/** start_full_bio: a write covering the whole chunk goes to the COW without a copy. */
function startFullBio(pe: PendingException, bio: Bio): void {
  const s = pe.snap;
  pe.fullBio = bio;
  pe.fullBioEndIo = bio.onEnd;
  s.inProgress++;
  const job: DmKcopydJob = s.kcopyd.prepareCallback((r, w) => copyCallback(pe, r, w));
  // full_bio_end_io: the write's end is the copy's end; the bio completes in pending_complete.
  bio.onEnd = (b) => s.kcopyd.doCallback(job, false, b.status !== "OK" ? 1 : 0);
  s.ti.submitRemapped(bio);
}

function zeroException(s: DmSnapshot, bio: Bio): void {
  s.inProgress++;
  s.kcopyd.zero([{ dev: s.cow, sector: bio.sector, count: s.store.chunkSize }], (_r, w) => {
    s.inProgress--;
    bio.end(w ? "IOERR" : "OK");
  });
}

/**
 * A discard across chunks. Linux's core splits it at the chunk size first (snapshot_io_hints
 * sets max_discard_sectors), then each piece is mapped alone: a piece of a chunk with an
 * exception is discarded on the COW device (zeroed there when it is the whole chunk), the others
 * end at once. Here the pieces are the snapshot's own bios, and the discard ends with the last.
 */
function discardChunks(s: DmSnapshot, bio: Bio): MapState {
  let pending = 1;
  let status: BlkStatus = "OK";
  const done = (st: BlkStatus): void => {
    if (st !== "OK" && status === "OK") status = st;
    if (--pending === 0) bio.end(status);
  };
  const end = bio.sector + bio.sectors;
  for (let at = bio.sector; at < end;) {
    const chunk = sectorToChunk(s.store, at);
    const next = Math.min(end, chunkToSector(s.store, chunk + 1));
    const e = s.complete.lookup(chunk);
    if (e) {
      const cow =
        chunkToSector(s.store, e.newChunk + (chunk - e.oldChunk)) + (at & s.store.chunkMask);
      pending++;
      if (next - at === s.store.chunkSize) {
        s.inProgress++;
        s.kcopyd.zero([{ dev: s.cow, sector: cow, count: s.store.chunkSize }], (_r, w) => {
          s.inProgress--;
          done(w ? "IOERR" : "OK");
        });
      } else {
        s.ti.submit(s.ti.newBio("DISCARD", s.cow, cow, next - at, null, (b) => done(b.status)));
      }
    }
    at = next;
  }
  done("OK");
  return "SUBMITTED";
}

function ioOverlapsChunk(s: DmSnapshot, bio: Bio): boolean {
  return bio.sectors === s.store.chunkSize;
}

const isWrite = (bio: Bio): boolean => bio.op !== "READ";

// ---- the origin side ------------------------------------------------------------------------

/**
 * __origin_write: make sure every snapshot of the origin has (or is making) an exception for the
 * chunk at `sector`. REMAPPED: nothing to wait for. SUBMITTED: `held` waits for a copy.
 */
function originWrite(
  snapshots: readonly DmSnapshot[],
  sector: number,
  held: HeldBio | null,
): MapState {
  let r: MapState = "REMAPPED";
  let peToStartLast: PendingException | null = null;
  for (const snap of [...snapshots]) {
    // A merging snapshot has in effect been deleted.
    if (snap.merge) continue;
    // Nothing to do if writing beyond the end of the snapshot.
    if (sector >= snap.ti.begin + snap.ti.len) continue;
    const chunk = sectorToChunk(snap.store, sector);
    if (!snap.valid || !snap.active) continue;
    let pe = snap.pending.get(chunk) ?? null;
    if (!pe) {
      if (snap.complete.lookup(chunk)) continue;
      pe = insertPendingException(snap, allocPendingException(snap), chunk);
      if (!pe) {
        invalidateSnapshot(snap, "ENOMEM");
        continue;
      }
    }
    r = "SUBMITTED";
    // The bio waits for this exception, which starts last, to give the others a head start.
    if (held) {
      pe.originBios.push(held);
      held = null;
      if (!pe.started) {
        pe.started = true;
        peToStartLast = pe;
      }
    }
    if (!pe.started) {
      pe.started = true;
      startCopy(pe);
    }
  }
  if (peToStartLast) startCopy(peToStartLast);
  return r;
}

/** do_origin: a write to the origin. */
function doOrigin(origin: DmDev, held: HeldBio, _limit: boolean): MapState {
  const o = origins.get(origin.bdev);
  if (!o) return "REMAPPED";
  return originWrite(o.snapshots, held.bio.sector, held);
}

// ---- merging ------------------------------------------------------------------------------

function mergeShutdown(s: DmSnapshot): void {
  s.runningMerge = false;
  for (const f of s.mergeStopped.splice(0)) f();
}

function releaseQueuedBiosAfterMerge(s: DmSnapshot): HeldBio[] {
  s.firstMergingChunk = 0;
  s.numMergingChunks = 0;
  return s.biosQueuedDuringMerge.splice(0);
}

/** __remove_single_exception_chunk. */
function removeSingleExceptionChunkOne(s: DmSnapshot, oldChunk: Chunk): boolean {
  const e = s.complete.lookup(oldChunk);
  if (!e) {
    dmerr(
      s.ti,
      "err",
      `Corruption detected: exception for block ${oldChunk} is on disk but not in memory`,
    );
    return false;
  }
  if (!e.consecutive) {
    s.complete.remove(e);
    return true;
  }
  if (oldChunk === e.oldChunk) {
    e.oldChunk++;
    e.newChunk++;
  } else if (oldChunk !== e.oldChunk + e.consecutive) {
    dmerr(
      s.ti,
      "err",
      `Attempt to merge block ${oldChunk} from the middle of a chunk range [${e.oldChunk} - ${e.oldChunk + e.consecutive}]`,
    );
    return false;
  }
  e.consecutive--;
  return true;
}

function removeSingleExceptionChunk(s: DmSnapshot): boolean {
  let oldChunk = s.firstMergingChunk + s.numMergingChunks - 1;
  // In reverse order, so the consecutive counts come down from the end.
  do {
    if (!removeSingleExceptionChunkOne(s, oldChunk)) return false;
  } while (oldChunk-- > s.firstMergingChunk);
  const b = releaseQueuedBiosAfterMerge(s);
  for (const h of b) h.ti.submitRemapped(h.bio);
  return true;
}

/** origin_write_extent: exceptions in the other snapshots for chunks about to be overwritten. */
function originWriteExtent(s: DmSnapshot, sector: number, size: number): boolean {
  let mustWait = false;
  const o = origins.get(s.origin.bdev);
  if (!o) return false;
  for (let n = 0; n < size; n += s.ti.maxIoLen)
    if (originWrite(o.snapshots, sector + n, null) === "SUBMITTED") mustWait = true;
  return mustWait;
}

/** snapshot_merge_next_chunks and merge_callback, as one loop on virtual time. */
async function mergeLoop(s: DmSnapshot): Promise<void> {
  for (;;) {
    if (s.shutdownMerge) break;
    if (!s.valid) {
      dmerr(s.ti, "err", "Snapshot is invalid: can't merge");
      break;
    }
    const last = { oldChunk: 0, newChunk: 0 };
    let linearChunks: number;
    try {
      linearChunks = await s.store.type.prepareMerge!(s.store, last);
    } catch {
      linearChunks = -1;
    }
    if (linearChunks <= 0) {
      if (linearChunks < 0) {
        dmerr(s.ti, "err", "Read error in exception store: shutting down merge");
        s.mergeFailed = true;
        s.ti.traceEvent(EV.SNAP_STATE, 0, 0, s.ti.index, "merge failed");
      } else s.ti.traceEvent(EV.SNAP_STATE, 0, 0, s.ti.index, "merge done");
      break;
    }
    const oldChunk = last.oldChunk + 1 - linearChunks;
    const newChunk = last.newChunk + 1 - linearChunks;
    const ioSize = linearChunks * s.store.chunkSize;
    const destSector = chunkToSector(s.store, oldChunk);
    const count = Math.min(ioSize, getDevSize(s.origin) - destSector);
    // Exceptions other snapshots need for these chunks first, then wait for every pending one.
    let previous = pendingExceptionsDoneCount;
    while (originWriteExtent(s, destSector, ioSize)) {
      if (pendingExceptionsDoneCount === previous)
        await new Promise<void>((resolve) =>
          pendingExceptionsDoneWaiters.push(() => {
            resolve();
            s.ti.requestYield();
          }),
        );
      previous = pendingExceptionsDoneCount;
    }
    s.firstMergingChunk = oldChunk;
    s.numMergingChunks = linearChunks;
    // Writes to these chunks drain first.
    for (let i = 0; i < linearChunks; i++) {
      const w = checkForConflictingIo(s, oldChunk + i);
      if (w) await w;
    }
    const { readErr, writeErr } = await new Promise<{ readErr: boolean; writeErr: number }>(
      (resolve) =>
        s.kcopyd.copy(
          { dev: s.cow, sector: chunkToSector(s.store, newChunk), count },
          [{ dev: s.origin, sector: destSector, count }],
          (r, w) => {
            resolve({ readErr: r, writeErr: w });
            s.ti.requestYield();
          },
        ),
    );
    // merge_callback
    let failed = false;
    if (readErr || writeErr) {
      dmerr(
        s.ti,
        "err",
        readErr ? "Read error: shutting down merge." : "Write error: shutting down merge.",
      );
      failed = true;
    }
    if (!failed) {
      try {
        await s.ti.dmIo({ op: "WRITE", flags: REQ_PREFLUSH }, [
          { dev: s.origin, sector: 0, count: 0 },
        ]);
      } catch {
        dmerr(s.ti, "err", "Flush after merge failed: shutting down merge");
        failed = true;
      }
    }
    if (!failed) {
      try {
        await s.store.type.commitMerge!(s.store, s.numMergingChunks);
      } catch {
        dmerr(s.ti, "err", "Write error in exception store: shutting down merge");
        failed = true;
      }
    }
    if (!failed && !removeSingleExceptionChunk(s)) failed = true;
    if (failed) {
      s.mergeFailed = true;
      s.ti.traceEvent(EV.SNAP_STATE, 0, 0, s.ti.index, "merge failed");
      for (const h of releaseQueuedBiosAfterMerge(s)) h.bio.end("IOERR");
      break;
    }
    s.mergedChunks += linearChunks;
    s.ti.traceEvent(EV.SNAP_MERGE, oldChunk, linearChunks, newChunk, s.ti.index);
  }
  mergeShutdown(s);
}

function startMerge(s: DmSnapshot): void {
  if (s.runningMerge) return;
  s.runningMerge = true;
  s.ti.traceEvent(EV.SNAP_STATE, 0, 0, s.ti.index, "merge started");
  // The merge runs in continuations (kcopyd callbacks, metadata I/O): let them run.
  s.ti.requestYield();
  void mergeLoop(s);
}

/** stop_merge: ask the merge to stop and wait until it has. */
function stopMerge(s: DmSnapshot): Promise<void> | void {
  if (!s.runningMerge) return;
  s.shutdownMerge = true;
  return new Promise<void>((resolve) => {
    s.mergeStopped.push(() => {
      s.shutdownMerge = false;
      resolve();
      s.ti.requestYield();
    });
  });
}

// ---- the targets ----------------------------------------------------------------------------

/** parse_snapshot_features: the arguments after the first four. */
function parseSnapshotFeatures(
  args: readonly string[],
  s: { zero: boolean; passdown: boolean },
): void {
  if (!args.length) return;
  const n = parseU32(args[0]!);
  // dm_read_arg_group {0, 2, "Invalid number of feature arguments"}
  if (n === null || n > 2 || args.length - 1 < n) ctrError("Invalid number of feature arguments");
  for (let i = 1; i <= n; i++) {
    const a = args[i]!.toLowerCase();
    if (a === "discard_zeroes_cow") s.zero = true;
    else if (a === "discard_passdown_origin") s.passdown = true;
    else ctrError("Unrecognised feature requested");
  }
  if (!s.zero && s.passdown)
    ctrError("discard_passdown_origin feature depends on discard_zeroes_cow");
}

/** snapshot_ctr (snapshot and snapshot-merge). */
async function snapshotCtr(t: Target<DmSnapshot>, args: string[], merge: boolean): Promise<void> {
  if (args.length < 4) ctrError("requires 4 or more arguments");
  const features = { zero: false, passdown: false };
  parseSnapshotFeatures(args.slice(4), features);
  let origin: DmDev;
  try {
    origin = t.getDevice(args[0]!, merge ? "rw" : "r");
  } catch (e) {
    ctrError("Cannot get origin device", e instanceof DmError ? e.errno : "ENODEV");
  }
  let cow: DmDev;
  try {
    cow = t.getDevice(args[1]!);
  } catch (e) {
    t.putDevice(origin);
    ctrError("Cannot get COW device", e instanceof DmError ? e.errno : "ENODEV");
  }
  if (cow.bdev === origin.bdev) {
    // dm_get_dev_t(cow_path) == origin_dev, checked before the COW device is opened.
    t.putDevice(cow);
    t.putDevice(origin);
    ctrError("COW device cannot be the same as origin device");
  }
  const s = {
    ti: t,
    origin,
    cow,
    merge,
    valid: true,
    snapshotOverflowed: false,
    active: false,
    pendingExceptionsCount: 0,
    exceptionStartSequence: 0,
    exceptionCompleteSequence: 0,
    outOfOrder: new Map(),
    pending: new Map(),
    complete: new ExceptionTable(),
    tracked: new Map(),
    trackedWaiters: new Map(),
    kcopyd: new DmKcopydClient(t as Target<unknown>),
    inProgress: 0,
    runningMerge: false,
    shutdownMerge: false,
    mergeStopped: [],
    firstMergingChunk: 0,
    numMergingChunks: 0,
    mergeFailed: false,
    discardZeroesCow: features.zero,
    discardPassdownOrigin: features.passdown,
    biosQueuedDuringMerge: [],
    suspended: false,
    mergedChunks: 0,
  } as Omit<DmSnapshot, "store"> as DmSnapshot;
  const bad = (text: string, errno: DmError["errno"] = "EINVAL"): never => {
    t.putDevice(cow);
    t.putDevice(origin);
    ctrError(text, errno);
  };
  try {
    s.store = dmExceptionStoreCreate(
      args.slice(2),
      s as DmSnapshot & { ti: Target<unknown> },
    ).store;
  } catch {
    bad("Couldn't create exception store");
  }
  if (merge && (!s.store.type.prepareMerge || !s.store.type.commitMerge))
    bad("Snapshot exception store does not support snapshot-merge.");
  // get_type: the store type's module (dm-snapshot itself) is referenced until dtr.
  t.extraModuleRefs = 1;
  t.numFlushBios = merge ? 2 : 1;
  if (s.discardZeroesCow) t.numDiscardBios = s.discardPassdownOrigin ? 2 : 1;
  let r: 0 | 1;
  try {
    r = registerSnapshot(s);
  } catch (e) {
    bad(e instanceof Error ? e.message : String(e));
  }
  // Metadata is loaded into one table at a time: a handover destination gets it at resume.
  if (r! > 0) {
    s.store.chunkSize = 0;
    t.private = s;
    return;
  }
  let md: 0 | 1;
  try {
    md = await s.store.type.readMetadata(s.store, (old, nw) => {
      s.complete.insert({ oldChunk: old, newChunk: nw, consecutive: 0 });
      t.traceEvent(EV.SNAP_READ, old, s.store.chunkSize, nw, t.index);
    });
  } catch (e) {
    unregisterSnapshot(s);
    dmExceptionStoreDestroy(s.store);
    bad("Failed to read snapshot metadata", e instanceof DmError ? e.errno : "EIO");
  }
  if (md! > 0) {
    s.valid = false;
    dmerr(t, "warn", "Snapshot is marked invalid.");
  }
  if (!s.store.chunkSize) {
    unregisterSnapshot(s);
    dmExceptionStoreDestroy(s.store);
    bad("Chunk size not set");
  }
  t.maxIoLen = s.store.chunkSize;
  t.private = s;
}

/** snapshot_dtr. */
async function snapshotDtr(t: Target<DmSnapshot>): Promise<void> {
  const s = t.priv;
  const f = findSnapshotsSharingCow(s);
  if (f.src && f.dest && s === f.src) {
    f.dest.valid = false;
    dmerr(t, "err", "Cancelling snapshot handover.");
  }
  if (s.merge) await stopMerge(s);
  // No new copies use this snapshot after this.
  unregisterSnapshot(s);
  s.kcopyd.destroy();
  dmExceptionStoreDestroy(s.store);
  t.putDevice(s.cow);
  t.putDevice(s.origin);
}

/** __handover_exceptions: the new table takes the old one's exceptions and store. */
function handoverExceptions(src: DmSnapshot, dest: DmSnapshot): void {
  const table = dest.complete;
  dest.complete = src.complete;
  src.complete = table;
  const store = dest.store;
  dest.store = src.store;
  dest.store.userspaceSupportsOverflow = store.userspaceSupportsOverflow;
  src.store = store;
  dest.store.snap = dest as DmSnapshot & { ti: Target<unknown> };
  src.store.snap = src as DmSnapshot & { ti: Target<unknown> };
  dest.ti.maxIoLen = dest.store.chunkSize;
  dest.valid = src.valid;
  dest.snapshotOverflowed = src.snapshotOverflowed;
  // The source gets no further I/O.
  src.valid = false;
}

function snapshotPreresume(t: Target<DmSnapshot>): void {
  const s = t.priv;
  const f = findSnapshotsSharingCow(s);
  if (f.src && f.dest) {
    if (s === f.src) {
      dmerr(t, "err", "Unable to resume snapshot source until handover completes.");
      throw new DmError("EINVAL");
    } else if (!f.src.suspended) {
      dmerr(t, "err", "Unable to perform snapshot handover until source is suspended.");
      throw new DmError("EINVAL");
    }
  }
}

async function snapshotResume(t: Target<DmSnapshot>): Promise<void> {
  const s = t.priv;
  s.suspended = false;
  let merging: DmSnapshot | null = findSnapshotsSharingCow(s).merging;
  if (merging === s) merging = null;
  let mustRestartMerging = false;
  if (merging && merging.runningMerge) {
    mustRestartMerging = true;
    await stopMerge(merging);
  }
  const f = findSnapshotsSharingCow(s);
  if (f.src && f.dest) {
    handoverExceptions(f.src, f.dest);
    // The table line said chunk size 0 (a handover destination): the event carries the real one.
    f.dest.ti.traceEvent(
      EV.SNAP_STATE,
      0,
      f.dest.store.chunkSize,
      f.dest.ti.index,
      `handover from ${f.src.ti.mdName}`,
    );
  }
  if (merging && mustRestartMerging) startMerge(merging);
  // Now the chunk size is right: re-sort.
  reregisterSnapshot(s);
  s.active = true;
}

function snapshotStatus(t: Target<DmSnapshot>, type: "INFO" | "TABLE" | "IMA"): string {
  const snap = t.priv;
  if (type === "INFO") {
    if (!snap.valid) return "Invalid";
    if (snap.mergeFailed) return "Merge failed";
    if (snap.snapshotOverflowed) return "Overflow";
    const u = snap.store.type.usage?.(snap.store);
    return u ? `${u.allocated}/${u.total} ${u.metadata}` : "Unknown";
  }
  if (type === "IMA") return "";
  let r = `${snap.origin.name} ${snap.cow.name}${snap.store.type.status(snap.store, "TABLE")}`;
  const n = Number(snap.discardZeroesCow) + Number(snap.discardPassdownOrigin);
  if (n) {
    r += ` ${n}`;
    if (snap.discardZeroesCow) r += " discard_zeroes_cow";
    if (snap.discardPassdownOrigin) r += " discard_passdown_origin";
  }
  return r;
}

function snapshotEndIo(t: Target<DmSnapshot>, bio: Bio, _status: BlkStatus): "DONE" {
  if (bio.perIo !== undefined) stopTrackingChunk(t.priv, bio);
  return "DONE";
}

const snapshotMap = (t: Target<DmSnapshot>, bio: Bio): MapState => {
  const s = t.priv;
  bio.perIo = undefined;
  if ((bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "FLUSH") {
    bio.bdev = s.cow.bdev;
    return "REMAPPED";
  }
  const chunk = sectorToChunk(s.store, bio.sector);
  // Full snapshots are not usable.
  if (!s.valid) return "KILL";
  if (!s.valid || (s.snapshotOverflowed && isWrite(bio))) return "KILL";
  if (bio.op === "DISCARD" && s.discardPassdownOrigin && bio.targetBioNr) {
    // To the origin, without triggering exceptions.
    bio.bdev = s.origin.bdev;
    trackChunk(s, bio, chunk);
    return "REMAPPED";
  }
  if (bio.op === "DISCARD" && (bio.sector & s.store.chunkMask) + bio.sectors > s.store.chunkSize)
    return discardChunks(s, bio);
  let e = s.complete.lookup(chunk);
  if (e) {
    remapException(s, e, bio, chunk);
    if (bio.op === "DISCARD" && ioOverlapsChunk(s, bio)) {
      zeroException(s, bio);
      return "SUBMITTED";
    }
    return "REMAPPED";
  }
  if (bio.op === "DISCARD") {
    // No exception: nothing to discard (it would trigger a copy).
    bio.end();
    return "SUBMITTED";
  }
  if (isWrite(bio)) {
    let pe = s.pending.get(chunk) ?? null;
    if (!pe) {
      e = s.complete.lookup(chunk);
      if (e) {
        remapException(s, e, bio, chunk);
        return "REMAPPED";
      }
      pe = insertPendingException(s, allocPendingException(s), chunk);
      if (!pe) {
        if (s.store.userspaceSupportsOverflow) {
          if (s.valid && !s.snapshotOverflowed) {
            s.snapshotOverflowed = true;
            t.traceEvent(EV.SNAP_STATE, 0, 0, t.index, "overflow");
            dmerr(t, "err", "Snapshot overflowed: Unable to allocate exception.");
          }
        } else invalidateSnapshot(s, "ENOMEM");
        return "KILL";
      }
    }
    remapException(s, pe.e, bio, chunk);
    if (!pe.started && ioOverlapsChunk(s, bio)) {
      pe.started = true;
      startFullBio(pe, bio);
      return "SUBMITTED";
    }
    pe.snapshotBios.push(bio);
    if (!pe.started) {
      pe.started = true;
      startCopy(pe);
    }
    return "SUBMITTED";
  }
  bio.bdev = s.origin.bdev;
  trackChunk(s, bio, chunk);
  return "REMAPPED";
};

/**
 * snapshot_merge_map: a chunk with an exception still on the COW is read from (or written to)
 * the COW; others go to the origin, as an origin write (exceptions in the other snapshots).
 */
const snapshotMergeMap = (t: Target<DmSnapshot>, bio: Bio): MapState => {
  const s = t.priv;
  bio.perIo = undefined;
  if ((bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "FLUSH") {
    bio.bdev = bio.targetBioNr ? s.cow.bdev : s.origin.bdev;
    return "REMAPPED";
  }
  if (bio.op === "DISCARD") {
    bio.end();
    return "SUBMITTED";
  }
  const chunk = sectorToChunk(s.store, bio.sector);
  if (s.valid) {
    const e = s.complete.lookup(chunk);
    if (e) {
      if (
        isWrite(bio) &&
        chunk >= s.firstMergingChunk &&
        chunk < s.firstMergingChunk + s.numMergingChunks
      ) {
        // Written after the merge of this chunk.
        bio.bdev = s.origin.bdev;
        s.biosQueuedDuringMerge.push({ bio, ti: t as Target<unknown> });
        return "SUBMITTED";
      }
      remapException(s, e, bio, chunk);
      if (isWrite(bio)) trackChunk(s, bio, chunk);
      return "REMAPPED";
    }
  }
  bio.bdev = s.origin.bdev;
  if (isWrite(bio)) return doOrigin(s.origin, { bio, ti: t as Target<unknown> }, false);
  return "REMAPPED";
};

const iterateSnapshot = (
  t: Target<DmSnapshot>,
  fn: (dev: DmDev, start: number, len: number) => void,
): void => {
  fn(t.priv.origin, 0, t.len);
  fn(t.priv.cow, 0, getDevSize(t.priv.cow));
};

/** snapshot_io_hints: with discard_zeroes_cow, discards go a chunk at a time. */
function snapshotIoHints(t: Target<DmSnapshot>, limits: QueueLimits): void {
  let snap = t.priv;
  if (snap.discardZeroesCow) {
    const f = findSnapshotsSharingCow(snap);
    if (f.src && f.dest) snap = f.src;
    // All discards are split on chunk_size boundary (6.1 puts sectors in the byte field).
    limits.discardGranularity = snap.store.chunkSize;
    limits.maxDiscardSectors = snap.store.chunkSize;
  }
}

export const snapshotTarget = defineTarget<DmSnapshot>({
  name: "snapshot",
  version: [1, 16, 0],
  features: { ctrDoesIo: true },
  ctr: (t, args) => snapshotCtr(t, args, false),
  dtr: snapshotDtr,
  map: snapshotMap,
  endIo: snapshotEndIo,
  postsuspend(t) {
    t.priv.suspended = true;
  },
  preresume: snapshotPreresume,
  resume: snapshotResume,
  status: snapshotStatus,
  iterateDevices: iterateSnapshot,
  ioHints: snapshotIoHints,
});

export const snapshotMergeTarget = defineTarget<DmSnapshot>({
  name: "snapshot-merge",
  version: [1, 5, 0],
  features: { ctrDoesIo: true },
  ctr: (t, args) => snapshotCtr(t, args, true),
  dtr: snapshotDtr,
  map: snapshotMergeMap,
  endIo: snapshotEndIo,
  presuspend: (t) => stopMerge(t.priv),
  postsuspend(t) {
    t.priv.suspended = true;
  },
  preresume: snapshotPreresume,
  async resume(t) {
    await snapshotResume(t);
    // snapshot-merge acts as an origin.
    t.maxIoLen = minimumChunkSize(t.priv.origin.bdev);
    startMerge(t.priv);
  },
  status: snapshotStatus,
  iterateDevices: iterateSnapshot,
  ioHints: snapshotIoHints,
});

/** struct dm_origin. */
interface DmOrigin {
  dev: DmDev;
  splitBoundary: number;
}

export const snapshotOriginTarget = defineTarget<DmOrigin>({
  name: "snapshot-origin",
  version: [1, 9, 0],
  ctr(t, args) {
    if (args.length !== 1) ctrError("origin: incorrect number of arguments");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!);
    } catch (e) {
      ctrError("Cannot get target device", e instanceof DmError ? e.errno : "ENODEV");
    }
    t.private = { dev, splitBoundary: 0 };
    t.numFlushBios = 1;
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const o = t.priv;
    bio.bdev = o.dev.bdev;
    if ((bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "FLUSH") return "REMAPPED";
    if (!isWrite(bio)) return "REMAPPED";
    // Only writes concern the snapshots.
    return doOrigin(o.dev, { bio, ti: t as Target<unknown> }, true);
  },
  resume(t) {
    // origin_resume: writes are split at the smallest chunk size of the origin's snapshots
    // (Linux splits only writes, with dm_accept_partial_bio; here max_io_len splits all bios).
    t.priv.splitBoundary = minimumChunkSize(t.priv.dev.bdev);
    t.maxIoLen = t.priv.splitBoundary;
  },
  status(t, type) {
    return type === "TABLE" ? t.priv.dev.name : "";
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, 0, t.len);
  },
});
