/**
 * thin-pool and thin (drivers/md/dm-thin.c, Debian 6.1.192): thin provisioning. A pool ties a
 * metadata device (Linux's persistent-data btrees, dm-thin-metadata.ts) to a data device cut
 * into blocks; thin devices are numbered volumes of the pool whose blocks are allocated on first
 * write, and which share blocks with their snapshots until a write breaks the sharing.
 *
 *     <start> <len> thin-pool <metadata dev> <data dev> <data block size (sectors)>
 *                             <low water mark (blocks)> [<#feature args> [<arg>]*]
 *         features: skip_block_zeroing ignore_discard no_discard_passdown read_only
 *                   error_if_no_space
 *     <start> <len> thin <pool dev> <dev id> [<external origin dev>]
 *
 * Pool messages: create_thin <id>, create_snap <id> <origin id>, delete <id>,
 * set_transaction_id <current> <new>, reserve_metadata_snap, release_metadata_snap.
 *
 * Pool status INFO: "<transaction id> <used metadata blocks>/<total metadata blocks>
 * <used data blocks>/<total data blocks> <held metadata root|-> <rw|ro|out_of_data_space>
 * <discard_passdown|no_discard_passdown|ignore_discard> <queue_if_no_space|error_if_no_space>
 * <needs_check|-> <metadata low water mark> " (or "Fail"); TABLE: "<meta> <data> <block size>
 * <low water> <#features> <features> ". Thin status INFO: "<mapped sectors> <highest mapped
 * sector|->"; TABLE: "<pool> <id>[ <origin>]".
 *
 * How a bio goes: thin's map looks its block up in the metadata it has cached
 * (dmThinFindBlockNoIo); a mapped, unshared block is remapped at once (REMAPPED). Everything
 * else (unmapped or shared blocks, blocks whose btree nodes are not cached, flushes, FUA,
 * discards) is held in a bio prison cell and deferred to the pool's worker (SUBMITTED), which
 * looks the block up with I/O, allocates a data block, zeroes it or copies the shared (or
 * external origin's) block into it as the thin target's own bios, inserts the mapping, and then
 * remaps the bios. The worker commits the metadata when a flush or FUA bio needs it, every
 * second (COMMIT_PERIOD) while something changed, on suspend, after a message, and before a
 * status line (not while suspended), as Linux does.
 *
 * Out of data space: with error_if_no_space, bios that need a new block fail with ENOSPC at
 * once; otherwise they are held until the pool is grown (reload with a longer table, resume), or
 * no_space_timeout (60 s of virtual time) passes and they fail with ENOSPC.
 *
 * Suspending the pool suspends every active thin device internally (pool_presuspend ->
 * dm_internal_suspend_noflush): their new bios wait at the thin devices, which `dmsetup info`
 * still calls ACTIVE; a noflush suspend of a thin device sends its deferred bios back to it
 * (thin_presuspend -> do_noflush_start -> requeue_io).
 *
 * Differences from Linux (README): a write that covers a whole new block is written as the thin
 * target's own bio carrying the caller's data (Linux hooks the caller's bio); there is no
 * throttle.
 */

import type { Bio } from "../bio.ts";
import type { BlockDevice } from "../blockdev.ts";
import { NS_PER_SEC } from "../clock.ts";
import {
  DmBioPrison,
  DmDeferredSet,
  type DmBioPrisonCell,
  type DmCellKey,
  type DmDeferredEntry,
} from "../dm-bio-prison-v1.ts";
import { DmKcopydClient } from "../dm-kcopyd.ts";
import { EV } from "../events.ts";
import * as tm from "../dm-thin-metadata.ts";
import { ctrError, defineTarget, type DmDev, type Target } from "../target.ts";
import {
  DmError,
  ERRNO,
  REQ_FUA,
  REQ_PREFLUSH,
  SECTOR_SIZE,
  type BlkStatus,
  type Errno,
} from "../types.ts";

// ------------------------------------------------------------------ constants

/** COMMIT_PERIOD (HZ): the periodic commit, in virtual ns. */
export const COMMIT_PERIOD = NS_PER_SEC;
/** no_space_timeout_secs (module parameter, default NO_SPACE_TIMEOUT_SECS). */
export const NO_SPACE_TIMEOUT = 60 * NS_PER_SEC;
/** DATA_DEV_BLOCK_SIZE_MIN_SECTORS / _MAX_SECTORS: 64 KiB .. 1 GiB. */
const DATA_DEV_BLOCK_SIZE_MIN_SECTORS = (64 * 1024) / SECTOR_SIZE;
const DATA_DEV_BLOCK_SIZE_MAX_SECTORS = (1024 * 1024 * 1024) / SECTOR_SIZE;
/** MAX_DEV_ID: device ids are 24 bits. */
const MAX_DEV_ID = (1 << 24) - 1;

/** enum pool_mode, in degrading order (compared by index). */
export const POOL_MODES = [
  "write",
  "out-of-data-space",
  "out-of-metadata-space",
  "read-only",
  "fail",
] as const;
export type PoolMode = (typeof POOL_MODES)[number];
const PM = {
  WRITE: 0,
  OUT_OF_DATA_SPACE: 1,
  OUT_OF_METADATA_SPACE: 2,
  READ_ONLY: 3,
  FAIL: 4,
} as const;
type PM = (typeof PM)[keyof typeof PM];

/** struct pool_features. */
interface PoolFeatures {
  mode: PM;
  zeroNewBlocks: boolean;
  discardEnabled: boolean;
  discardPassdown: boolean;
  errorIfNoSpace: boolean;
}

function poolFeaturesInit(): PoolFeatures {
  return {
    mode: PM.WRITE,
    zeroNewBlocks: true,
    discardEnabled: true,
    discardPassdown: true,
    errorIfNoSpace: false,
  };
}

// ------------------------------------------------------------------ structures

/** struct dm_thin_new_mapping: a block being provisioned, copied or discarded. */
interface NewMapping {
  passDiscard: boolean;
  maybeShared: boolean;
  /** Quiesce, copy and zero steps left before the mapping can be inserted. */
  prepareActions: number;
  status: BlkStatus;
  tc: ThinC;
  virtBegin: number;
  virtEnd: number;
  dataBlock: number;
  cell: DmBioPrisonCell | null;
  /** The bio that overwrites the whole block (no zeroing or copy), or the discard bio. */
  bio: Bio | null;
  /** How the new block is filled before it is mapped (the thin_map event's text). */
  fill: "zero" | "copy" | "external" | "overwrite" | "none";
}

/** struct dm_thin_endio_hook: per-bio data of a thin bio. */
interface ThinEndioHook {
  tc: ThinC;
  sharedReadEntry: DmDeferredEntry<NewMapping> | null;
  allIoEntry: DmDeferredEntry<NewMapping> | null;
  overwriteMapping: NewMapping | null;
  cell: DmBioPrisonCell | null;
  /** bi_remaining of a discard split into passdowns (bio_inc_remaining / bio_endio). */
  remaining: number;
}

type ProcessBioFn = (tc: ThinC, bio: Bio) => Promise<void>;
type ProcessCellFn = (tc: ThinC, cell: DmBioPrisonCell) => Promise<void>;
type ProcessMappingFn = (m: NewMapping) => Promise<void>;

/** struct pool: one per metadata device, shared by every table of the pool's mapped device. */
export class Pool {
  /** The bound pool target (bind_control_target at preresume); null between tables. */
  ti: Target<PoolC> | null = null;
  readonly poolMd: BlockDevice;
  readonly mdDev: BlockDevice;
  readonly dataDev: BlockDevice;
  readonly pmd: tm.DmPoolMetadata;
  lowWaterBlocks = 0;
  readonly sectorsPerBlock: number;
  pf: PoolFeatures = poolFeaturesInit();
  lowWaterTriggered = false;
  suspended = true;
  outOfDataSpace = false;
  readonly prison = new DmBioPrison();
  refCount = 1;
  /** last_commit_jiffies, in virtual ns. */
  lastCommit: number;
  deferredFlushBios: Bio[] = [];
  deferredFlushCompletions: Bio[] = [];
  preparedMappings: NewMapping[] = [];
  preparedDiscards: NewMapping[] = [];
  preparedDiscardsPt2: NewMapping[] = [];
  readonly activeThins: ThinC[] = [];
  readonly sharedReadDs = new DmDeferredSet<NewMapping>();
  readonly allIoDs = new DmDeferredSet<NewMapping>();

  processBio: ProcessBioFn = processBio;
  processDiscard: ProcessBioFn = processDiscardBio;
  processCell: ProcessCellFn = processCell;
  processDiscardCell: ProcessCellFn = processDiscardCellPassdown;
  processPreparedMapping: ProcessMappingFn = processPreparedMapping;
  processPreparedDiscard: ProcessMappingFn = processPreparedDiscardPassdownPt1;
  processPreparedDiscardPt2: ProcessMappingFn = processPreparedDiscardPassdownPt2;

  // The workqueue: one worker (do_worker), queued by wake_worker, run on virtual time.
  workQueued = false;
  workScheduled = false;
  workRunning = false;
  idleWaiters: Array<() => void> = [];
  /** The periodic waker: ticks every COMMIT_PERIOD from `wakerOrigin` (pool_resume). */
  wakerOrigin = 0;
  wakerArmed = false;
  wakerGen = 0;
  /** The no_space_timeout delayed work. */
  noSpacePending = false;
  noSpaceGen = 0;
  /** Targets this pool runs timers and commits through when no pool target is bound. */
  fallback: Target<unknown>;

  constructor(
    fallback: Target<unknown>,
    poolMd: BlockDevice,
    mdDev: BlockDevice,
    dataDev: BlockDevice,
    pmd: tm.DmPoolMetadata,
    blockSize: number,
  ) {
    this.fallback = fallback;
    this.poolMd = poolMd;
    this.mdDev = mdDev;
    this.dataDev = dataDev;
    this.pmd = pmd;
    this.sectorsPerBlock = blockSize;
    this.lastCommit = fallback.now;
  }

  /** The target whose clock entries and log lines the pool uses now. */
  get host(): Target<unknown> {
    return (this.ti as Target<unknown> | null) ?? this.activeThins[0]?.ti ?? this.fallback;
  }

  /** dm_device_name(pool->pool_md). */
  get name(): string {
    return this.poolMd.devName;
  }
}

/** struct pool_c: the private data of a thin-pool target. */
export interface PoolC {
  ti: Target<PoolC>;
  pool: Pool;
  dataDev: DmDev;
  metadataDev: DmDev;
  lowWaterBlocks: number;
  requestedPf: PoolFeatures;
  adjustedPf: PoolFeatures;
  /** dm_suspended(ti): the mapped device completed a suspend and was not resumed since. */
  mdSuspended: boolean;
}

/** struct thin_c: the private data of a thin target. */
export interface ThinC {
  ti: Target<ThinC>;
  poolDev: DmDev;
  originDev: DmDev | null;
  /** Sectors of the external origin (at preresume). */
  originSize: number;
  devId: number;
  pool: Pool;
  td: tm.DmThinDevice;
  requeueMode: boolean;
  deferredCells: DmBioPrisonCell[];
  deferredBioList: Bio[];
  retryOnResumeList: Bio[];
  /** The copies and zeroing of new blocks: kcopyd jobs issued as this target's own bios. */
  copier: DmKcopydClient;
}

// ------------------------------------------------------------------ the pool table

/**
 * dm_thin_pool_table: pools by their mapped device and by their metadata device. Keyed by the
 * block-device objects, which belong to one engine, so engines in one process do not meet.
 */
const poolsByMd = new WeakMap<BlockDevice, Pool>();
const poolsByMetadataDev = new WeakMap<BlockDevice, Pool>();

function poolTableInsert(pool: Pool): void {
  poolsByMd.set(pool.poolMd, pool);
  poolsByMetadataDev.set(pool.mdDev, pool);
}

function poolTableRemove(pool: Pool): void {
  if (poolsByMd.get(pool.poolMd) === pool) poolsByMd.delete(pool.poolMd);
  if (poolsByMetadataDev.get(pool.mdDev) === pool) poolsByMetadataDev.delete(pool.mdDev);
}

/** The pool of a mapped device, for views and tests (null when it has none). */
export function poolOfMappedDevice(md: BlockDevice): Pool | null {
  return poolsByMd.get(md) ?? null;
}

// ------------------------------------------------------------------ helpers

function errnoOf(e: unknown): Errno {
  return e instanceof DmError ? e.errno : "EIO";
}

/** The kernel's negative return code, as "error = %d" prints it. */
function errNum(e: unknown): number {
  return -ERRNO[errnoOf(e)][0];
}

function thinLog(t: Target<unknown>, level: "err" | "warn" | "info", text: string): void {
  t.printk(level, `device-mapper: thin: ${text}`);
}

/** kstrtoull(s, 10): an optional '+', decimal digits, an optional newline; no overflow. */
function kstrtoull(s: string): bigint | null {
  const m = /^\+?([0-9]+)\n?$/.exec(s);
  if (!m) return null;
  const v = BigInt(m[1]!);
  return v > 0xffffffffffffffffn ? null : v;
}

/** sscanf("%u%c") as validate_next_arg reads a count: [+-]digits, wrapping to 32 bits. */
function sscanfU(s: string): number | null {
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffn;
  if (m[1] === "-") v = (0x100000000n - v) & 0xffffffffn;
  return Number(v);
}

function opIsFlush(bio: Bio): boolean {
  return bio.op === "FLUSH" || (bio.flags & (REQ_PREFLUSH | REQ_FUA)) !== 0;
}

/** bio_data_dir(bio) == WRITE: everything but a read. */
function isWrite(bio: Bio): boolean {
  return bio.op !== "READ";
}

function hook(bio: Bio): ThinEndioHook {
  return bio.perIo as ThinEndioHook;
}

function blockToSectors(pool: Pool, b: number): number {
  return b * pool.sectorsPerBlock;
}

// ------------------------------------------------------------------ the worker

/** wake_worker: queue do_worker on the pool's workqueue (it runs at the next clock entry). */
function wakeWorker(pool: Pool): void {
  pool.workQueued = true;
  if (pool.workRunning || pool.workScheduled) return;
  pool.workScheduled = true;
  const host = pool.host;
  host.schedule(0, () => {
    // flush_workqueue may have run it already.
    if (!pool.workScheduled) return;
    pool.workScheduled = false;
    // The worker's continuations (cached metadata answers) run before the clock goes on.
    host.requestYield();
    void runWorker(pool);
  });
}

async function runWorker(pool: Pool): Promise<void> {
  if (pool.workRunning) return;
  pool.workRunning = true;
  try {
    while (pool.workQueued) {
      pool.workQueued = false;
      await doWorker(pool);
    }
  } catch (e) {
    thinLog(
      pool.host,
      "err",
      `${pool.name}: worker: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    pool.workRunning = false;
  }
  const waiters = pool.idleWaiters.splice(0);
  if (waiters.length) {
    pool.host.requestYield();
    for (const w of waiters) w();
  }
  if (pool.workQueued) wakeWorker(pool);
}

/**
 * flush_workqueue: the work queued now has run when this resolves. Queued work runs here and
 * now (as the kworker would run it before the flush returns), so a caller that the engine does
 * not drive the clock for (a suspend hook) does not wait on a clock entry.
 */
async function flushWorkqueue(pool: Pool): Promise<void> {
  if (pool.workRunning) await new Promise<void>((resolve) => pool.idleWaiters.push(resolve));
  if (pool.workScheduled || pool.workQueued) {
    pool.workScheduled = false;
    pool.workQueued = true;
    await runWorker(pool);
  }
}

/** do_worker. */
async function doWorker(pool: Pool): Promise<void> {
  await processPrepared(pool, "preparedMappings", pool.processPreparedMapping);
  await processPrepared(pool, "preparedDiscards", pool.processPreparedDiscard);
  await processPrepared(pool, "preparedDiscardsPt2", pool.processPreparedDiscardPt2);
  await processDeferredBios(pool);
}

async function processPrepared(
  pool: Pool,
  list: "preparedMappings" | "preparedDiscards" | "preparedDiscardsPt2",
  fn: ProcessMappingFn,
): Promise<void> {
  const maps = pool[list];
  pool[list] = [];
  for (const m of maps) await fn(m);
}

/**
 * The periodic waker (do_waker every COMMIT_PERIOD from pool_resume): armed only while a commit
 * is due, at the first tick after last_commit + COMMIT_PERIOD, so an idle pool costs nothing.
 */
function armWaker(pool: Pool): void {
  if (pool.wakerArmed || pool.suspended) return;
  const due = pool.lastCommit + COMMIT_PERIOD;
  const k = Math.max(1, Math.floor((due - pool.wakerOrigin) / COMMIT_PERIOD) + 1);
  const at = pool.wakerOrigin + k * COMMIT_PERIOD;
  const gen = pool.wakerGen;
  pool.wakerArmed = true;
  pool.host.schedule(Math.max(0, at - pool.host.now), () => {
    if (gen !== pool.wakerGen) return;
    pool.wakerArmed = false;
    wakeWorker(pool);
  });
}

function cancelWaker(pool: Pool): void {
  pool.wakerGen++;
  pool.wakerArmed = false;
}

/** need_commit_due_to_time: jiffies past last_commit + COMMIT_PERIOD. */
function needCommitDueToTime(pool: Pool): boolean {
  return pool.host.now > pool.lastCommit + COMMIT_PERIOD;
}

/** process_deferred_bios. */
async function processDeferredBios(pool: Pool): Promise<void> {
  for (const tc of [...pool.activeThins]) {
    await processThinDeferredCells(tc);
    await processThinDeferredBios(tc);
  }
  const bios = pool.deferredFlushBios;
  pool.deferredFlushBios = [];
  const completions = pool.deferredFlushCompletions;
  pool.deferredFlushCompletions = [];

  const changed = tm.dmPoolChangedThisTransaction(pool.pmd);
  if (!bios.length && !completions.length && !(changed && needCommitDueToTime(pool))) {
    if (changed) armWaker(pool);
    return;
  }
  if (await commit(pool)) {
    for (const bio of [...bios, ...completions]) bio.end("IOERR");
    return;
  }
  pool.lastCommit = pool.host.now;
  for (const bio of completions) bio.end();
  for (const bio of bios) {
    // The data device was flushed as part of the commit: redundant flushes end at once.
    if (bio.flags & REQ_PREFLUSH || bio.op === "FLUSH") bio.end();
    else hook(bio).tc.ti.submitRemapped(bio);
  }
}

async function processThinDeferredBios(tc: ThinC): Promise<void> {
  const pool = tc.pool;
  if (tc.requeueMode) {
    for (const bio of tc.deferredBioList.splice(0)) bio.end("DM_REQUEUE");
    return;
  }
  if (!tc.deferredBioList.length) return;
  // __sort_thin_deferred_bios: by sector (an rbtree where equal sectors go right: stable).
  const bios = tc.deferredBioList.splice(0).sort((a, b) => a.sector - b.sector);
  for (const bio of bios) {
    if (bio.op === "DISCARD") await pool.processDiscard(tc, bio);
    else await pool.processBio(tc, bio);
  }
}

async function processThinDeferredCells(tc: ThinC): Promise<void> {
  const pool = tc.pool;
  if (!tc.deferredCells.length) return;
  const cells = tc.deferredCells.splice(0).sort((a, b) => a.holder!.sector - b.holder!.sector);
  for (const cell of cells) {
    if (cell.holder!.op === "DISCARD") await pool.processDiscardCell(tc, cell);
    else await pool.processCell(tc, cell);
  }
}

// ------------------------------------------------------------------ cells

function buildKey(tc: ThinC, virtual: boolean, b: number, e: number): DmCellKey {
  return { virtual, dev: tm.dmThinDevId(tc.td), blockBegin: b, blockEnd: e };
}

function cellError(
  pool: Pool,
  cell: DmBioPrisonCell,
  status: BlkStatus = getPoolIoErrorCode(pool),
): void {
  for (const bio of pool.prison.release(cell)) bio.end(status);
}

function getPoolIoErrorCode(pool: Pool): BlkStatus {
  return pool.outOfDataSpace ? "NOSPC" : "IOERR";
}

/** cell_defer_no_holder: the bios that waited on the cell go back to the deferred list. */
function cellDeferNoHolder(tc: ThinC, cell: DmBioPrisonCell): void {
  const bios = tc.pool.prison.releaseNoHolder(cell);
  tc.deferredBioList.push(...bios);
  if (tc.deferredBioList.length) wakeWorker(tc.pool);
}

function thinDeferBio(tc: ThinC, bio: Bio): void {
  tc.deferredBioList.push(bio);
  wakeWorker(tc.pool);
}

function thinDeferCell(tc: ThinC, cell: DmBioPrisonCell): void {
  tc.deferredCells.push(cell);
  wakeWorker(tc.pool);
}

function incAllIoEntry(pool: Pool, bio: Bio): void {
  if (bio.op === "DISCARD") return;
  hook(bio).allIoEntry = pool.allIoDs.inc();
}

/** Release a cell's bios: flushes and discards back to the worker, the rest remapped to `block`. */
function incRemapAndIssueCell(tc: ThinC, cell: DmBioPrisonCell, block: number): void {
  const defer: Bio[] = [];
  const issueBios: Bio[] = [];
  tc.pool.prison.visitRelease(cell, (c) => {
    for (const bio of c.bios.splice(0)) {
      if (opIsFlush(bio) || bio.op === "DISCARD") defer.push(bio);
      else {
        incAllIoEntry(tc.pool, bio);
        issueBios.push(bio);
      }
    }
  });
  for (const bio of defer) thinDeferBio(tc, bio);
  for (const bio of issueBios) remapAndIssue(tc, bio, block);
}

// ------------------------------------------------------------------ remapping and issuing

/** get_bio_block: the virtual block a (target-relative) bio starts in. */
function getBioBlock(tc: ThinC, bio: Bio): number {
  return Math.floor(Math.max(0, bio.sector) / tc.pool.sectorsPerBlock);
}

/** get_bio_block_range: the whole blocks a bio covers. */
function getBioBlockRange(tc: ThinC, bio: Bio): [number, number] {
  const spb = tc.pool.sectorsPerBlock;
  const b = Math.floor((bio.sector + spb - 1) / spb);
  let e = Math.floor((bio.sector + bio.sectors) / spb);
  if (e < b) e = b;
  return [b, e];
}

/**
 * thin_lookup, a step of `bio`'s life: the virtual block `block` looked up, `dataBlock` (-1:
 * none) and the outcome ("mapped", "shared", "unmapped", "error", "deferred: <why>").
 */
function traceLookup(tc: ThinC, bio: Bio, block: number, dataBlock: number, outcome: string): void {
  tc.ti.traceEvent(EV.THIN_LOOKUP, block, tc.pool.sectorsPerBlock, dataBlock, outcome, bio.id);
}

/**
 * thin_alloc, a step of `bio`'s life: data block `dataBlock` allocated for the virtual block
 * `block`, filled as `fill` says ("zero", "copy <old>", "external", "overwrite[ <old>]", "none").
 */
function traceAlloc(tc: ThinC, bio: Bio, block: number, dataBlock: number, fill: string): void {
  tc.ti.traceEvent(EV.THIN_ALLOC, block, tc.pool.sectorsPerBlock, dataBlock, fill, bio.id);
}

function remap(tc: ThinC, bio: Bio, block: number): void {
  const spb = tc.pool.sectorsPerBlock;
  bio.bdev = tc.poolDev.bdev;
  bio.sector = block * spb + (Math.max(0, bio.sector) % spb);
}

function bioTriggersCommit(tc: ThinC, bio: Bio): boolean {
  return opIsFlush(bio) && tm.dmThinChangedThisTransaction(tc.td);
}

/** issue: send the bio on, or hold it for the commit a flush or FUA needs. */
function issue(tc: ThinC, bio: Bio): void {
  if (!bioTriggersCommit(tc, bio)) {
    tc.ti.submitRemapped(bio);
    return;
  }
  if (tm.dmThinAbortedChanges(tc.td)) {
    bio.end("IOERR");
    return;
  }
  tc.pool.deferredFlushBios.push(bio);
}

function remapAndIssue(tc: ThinC, bio: Bio, block: number): void {
  remap(tc, bio, block);
  issue(tc, bio);
}

function remapToOriginAndIssue(tc: ThinC, bio: Bio): void {
  bio.bdev = tc.originDev!.bdev;
  issue(tc, bio);
}

// ------------------------------------------------------------------ mappings

function newMapping(tc: ThinC): NewMapping {
  return {
    passDiscard: false,
    maybeShared: false,
    prepareActions: 0,
    status: "OK",
    tc,
    virtBegin: 0,
    virtEnd: 0,
    dataBlock: 0,
    cell: null,
    bio: null,
    fill: "zero",
  };
}

function completeMappingPreparation(m: NewMapping): void {
  if (--m.prepareActions === 0) {
    m.tc.pool.preparedMappings.push(m);
    wakeWorker(m.tc.pool);
  }
}

function copyComplete(m: NewMapping, ok: boolean): void {
  m.status = ok ? "OK" : "IOERR";
  completeMappingPreparation(m);
}

/** ll_zero: dm_kcopyd_zero of [begin, end) of the pool device, as the thin target's bios. */
function llZero(tc: ThinC, m: NewMapping, begin: number, end: number): void {
  tc.copier.zero([{ dev: tc.poolDev, sector: begin, count: end - begin }], (readErr, writeErr) =>
    copyComplete(m, !readErr && !writeErr),
  );
}

function ioOverwritesBlock(pool: Pool, bio: Bio): boolean {
  return isWrite(bio) && bio.sectors === pool.sectorsPerBlock;
}

/**
 * remap_and_issue_overwrite: a write covering the whole new block needs no zeroing or copy. It
 * is written as the thin target's own bio to the block (Linux hooks the bio's end_io instead);
 * the caller's bio ends when the mapping is inserted (complete_overwrite_bio).
 */
function remapAndIssueOverwrite(tc: ThinC, bio: Bio, dataBegin: number, m: NewMapping): void {
  const pool = tc.pool;
  hook(bio).overwriteMapping = m;
  m.bio = bio;
  m.fill = "overwrite";
  incAllIoEntry(pool, bio);
  const sector = blockToSectors(pool, dataBegin);
  const w = tc.ti.newBio("WRITE", tc.poolDev, sector, bio.sectors, bio.data, (b) => {
    m.status = b.status;
    completeMappingPreparation(m);
  });
  tc.ti.submit(w);
}

/** schedule_copy: a new block gets a copy of `origin`'s block (and zeroes past `len`). */
function scheduleCopy(
  tc: ThinC,
  virtBlock: number,
  origin: DmDev,
  dataOrigin: number,
  dataDest: number,
  cell: DmBioPrisonCell,
  bio: Bio,
  len: number,
): void {
  const pool = tc.pool;
  const m = newMapping(tc);
  m.virtBegin = virtBlock;
  m.virtEnd = virtBlock + 1;
  m.dataBlock = dataDest;
  m.cell = cell;
  m.fill = origin === tc.poolDev ? "copy" : "external";
  const overwrite = ioOverwritesBlock(pool, bio);
  traceAlloc(
    tc,
    bio,
    virtBlock,
    dataDest,
    origin === tc.poolDev
      ? `${overwrite ? "overwrite" : "copy"} ${dataOrigin}`
      : overwrite
        ? "overwrite"
        : "external",
  );
  // quiesce + copy + our own reference while this function runs.
  m.prepareActions = 3;
  if (!pool.sharedReadDs.addWork(m)) completeMappingPreparation(m);
  if (overwrite) remapAndIssueOverwrite(tc, bio, dataDest, m);
  else {
    const spb = pool.sectorsPerBlock;
    tc.copier.copy(
      { dev: origin, sector: dataOrigin * spb, count: len },
      [{ dev: tc.poolDev, sector: dataDest * spb, count: len }],
      (readErr, writeErr) => copyComplete(m, !readErr && !writeErr),
    );
    if (len < spb && pool.pf.zeroNewBlocks) {
      m.prepareActions++;
      llZero(tc, m, dataDest * spb + len, (dataDest + 1) * spb);
    }
  }
  completeMappingPreparation(m);
}

async function scheduleZero(
  tc: ThinC,
  virtBlock: number,
  dataBlock: number,
  cell: DmBioPrisonCell,
  bio: Bio,
): Promise<void> {
  const pool = tc.pool;
  const m = newMapping(tc);
  m.prepareActions = 1;
  m.virtBegin = virtBlock;
  m.virtEnd = virtBlock + 1;
  m.dataBlock = dataBlock;
  m.cell = cell;
  m.fill = pool.pf.zeroNewBlocks ? "zero" : "none";
  const overwrite = pool.pf.zeroNewBlocks && ioOverwritesBlock(pool, bio);
  traceAlloc(tc, bio, virtBlock, dataBlock, overwrite ? "overwrite" : m.fill);
  if (pool.pf.zeroNewBlocks) {
    if (overwrite) remapAndIssueOverwrite(tc, bio, dataBlock, m);
    else llZero(tc, m, dataBlock * pool.sectorsPerBlock, (dataBlock + 1) * pool.sectorsPerBlock);
  } else await processPreparedMapping(m);
}

async function scheduleExternalCopy(
  tc: ThinC,
  virtBlock: number,
  dataDest: number,
  cell: DmBioPrisonCell,
  bio: Bio,
): Promise<void> {
  const spb = tc.pool.sectorsPerBlock;
  const begin = virtBlock * spb;
  const end = (virtBlock + 1) * spb;
  if (end <= tc.originSize)
    scheduleCopy(tc, virtBlock, tc.originDev!, virtBlock, dataDest, cell, bio, spb);
  else if (begin < tc.originSize)
    scheduleCopy(
      tc,
      virtBlock,
      tc.originDev!,
      virtBlock,
      dataDest,
      cell,
      bio,
      tc.originSize - begin,
    );
  else await scheduleZero(tc, virtBlock, dataDest, cell, bio);
}

function completeOverwriteBio(tc: ThinC, bio: Bio): void {
  if (!bioTriggersCommit(tc, bio)) {
    bio.end();
    return;
  }
  if (tm.dmThinAbortedChanges(tc.td)) {
    bio.end("IOERR");
    return;
  }
  tc.pool.deferredFlushCompletions.push(bio);
}

/** process_prepared_mapping: insert the new block into the btree and let the bios go. */
async function processPreparedMapping(m: NewMapping): Promise<void> {
  const tc = m.tc;
  const pool = tc.pool;
  const bio = m.bio;
  if (m.status !== "OK") {
    cellError(pool, m.cell!);
    return;
  }
  try {
    await tm.dmThinInsertBlock(tc.td, m.virtBegin, m.dataBlock);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_thin_insert_block", e);
    cellError(pool, m.cell!);
    return;
  }
  tc.ti.traceEvent(EV.THIN_MAP, m.virtBegin, pool.sectorsPerBlock, m.dataBlock, m.fill);
  if (bio) {
    incRemapAndIssueCell(tc, m.cell!, m.dataBlock);
    completeOverwriteBio(tc, bio);
  } else {
    const holder = m.cell!.holder!;
    incAllIoEntry(pool, holder);
    remapAndIssue(tc, holder, m.dataBlock);
    incRemapAndIssueCell(tc, m.cell!, m.dataBlock);
  }
}

async function processPreparedMappingFail(m: NewMapping): Promise<void> {
  cellError(m.tc.pool, m.cell!);
  await Promise.resolve();
}

// ------------------------------------------------------------------ discards

/** Pass a discard of data blocks [b, e) down to the pool device (the data device below it). */
function issueDiscard(tc: ThinC, parent: Bio, b: number, e: number, onDone: () => void): void {
  const s = blockToSectors(tc.pool, b);
  const len = blockToSectors(tc.pool, e - b);
  void parent;
  tc.ti.dmIo({ op: "DISCARD" }, [{ dev: tc.poolDev, sector: s, count: len }]).then(onDone, onDone);
}

/** bio_endio of a discard that was split into passdowns: the last reference ends it. */
function discardEndio(bio: Bio, status: BlkStatus = "OK"): void {
  const h = hook(bio);
  if (status !== "OK" && bio.status === "OK") bio.status = status;
  if (--h.remaining === 0) bio.end();
}

function freeDiscardMapping(m: NewMapping): void {
  if (m.cell) cellDeferNoHolder(m.tc, m.cell);
}

async function processPreparedDiscardFail(m: NewMapping): Promise<void> {
  m.bio!.end("IOERR");
  freeDiscardMapping(m);
  await Promise.resolve();
}

async function processPreparedDiscardSuccess(m: NewMapping): Promise<void> {
  m.bio!.end();
  freeDiscardMapping(m);
  await Promise.resolve();
}

async function processPreparedDiscardNoPassdown(m: NewMapping): Promise<void> {
  const tc = m.tc;
  try {
    await tm.dmThinRemoveRange(tc.td, m.cell!.key.blockBegin, m.cell!.key.blockEnd);
    const k = m.cell!.key;
    tc.ti.traceEvent(EV.THIN_UNMAP, k.blockBegin, k.blockEnd - k.blockBegin, -1, tc.ti.index);
    m.bio!.end();
  } catch (e) {
    await metadataOperationFailed(tc.pool, "dm_thin_remove_range", e);
    m.bio!.end("IOERR");
  }
  cellDeferNoHolder(tc, m.cell!);
}

async function passdownDoubleCheckingSharedStatus(m: NewMapping, done: () => void): Promise<void> {
  const tc = m.tc;
  const pool = tc.pool;
  const end = m.dataBlock + m.virtEnd - m.virtBegin;
  let b = m.dataBlock;
  let pending = 1;
  const put = (): void => {
    if (--pending === 0) done();
  };
  try {
    while (b !== end) {
      for (; b < end; b++) if (!(await tm.dmPoolBlockIsShared(pool.pmd, b))) break;
      if (b === end) break;
      let e = b + 1;
      for (; e !== end; e++) if (await tm.dmPoolBlockIsShared(pool.pmd, e)) break;
      pending++;
      issueDiscard(tc, m.bio!, b, e, put);
      b = e;
    }
  } catch {
    // r is set: the parent is ended with the error by Linux's end_discard; ours ends it OK as
    // passdown_endio ignores it ("It doesn't matter if the passdown discard failed").
  }
  put();
}

function queuePassdownPt2(m: NewMapping): void {
  m.tc.pool.preparedDiscardsPt2.push(m);
  wakeWorker(m.tc.pool);
}

async function processPreparedDiscardPassdownPt1(m: NewMapping): Promise<void> {
  const tc = m.tc;
  const pool = tc.pool;
  const dataEnd = m.dataBlock + (m.virtEnd - m.virtBegin);
  try {
    await tm.dmThinRemoveRange(tc.td, m.virtBegin, m.virtEnd);
    tc.ti.traceEvent(EV.THIN_UNMAP, m.virtBegin, m.virtEnd - m.virtBegin, m.dataBlock, tc.ti.index);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_thin_remove_range", e);
    discardEndio(m.bio!, "IOERR");
    cellDeferNoHolder(tc, m.cell!);
    return;
  }
  try {
    await tm.dmPoolIncDataRange(pool.pmd, m.dataBlock, dataEnd);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_pool_inc_data_range", e);
    discardEndio(m.bio!, "IOERR");
    cellDeferNoHolder(tc, m.cell!);
    return;
  }
  if (m.maybeShared) await passdownDoubleCheckingSharedStatus(m, () => queuePassdownPt2(m));
  else issueDiscard(tc, m.bio!, m.dataBlock, dataEnd, () => queuePassdownPt2(m));
}

async function processPreparedDiscardPassdownPt2(m: NewMapping): Promise<void> {
  const tc = m.tc;
  const pool = tc.pool;
  try {
    await tm.dmPoolDecDataRange(pool.pmd, m.dataBlock, m.dataBlock + (m.virtEnd - m.virtBegin));
    discardEndio(m.bio!);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_pool_dec_data_range", e);
    discardEndio(m.bio!, "IOERR");
  }
  cellDeferNoHolder(tc, m.cell!);
}

async function processDiscardCellNoPassdown(tc: ThinC, virtCell: DmBioPrisonCell): Promise<void> {
  const pool = tc.pool;
  const m = newMapping(tc);
  m.virtBegin = virtCell.key.blockBegin;
  m.virtEnd = virtCell.key.blockEnd;
  m.cell = virtCell;
  m.bio = virtCell.holder;
  if (!pool.allIoDs.addWork(m)) await pool.processPreparedDiscard(m);
}

async function breakUpDiscardBio(tc: ThinC, begin: number, end: number, bio: Bio): Promise<void> {
  const pool = tc.pool;
  while (begin !== end) {
    let r: tm.DmThinMappedRange;
    try {
      r = await tm.dmThinFindMappedRange(tc.td, begin, end);
    } catch {
      break; // silently fail, letting any mappings we've created complete
    }
    const dataKey = buildKey(tc, false, r.poolBegin, r.poolBegin + (r.thinEnd - r.thinBegin));
    const { detained, cell: dataCell } = pool.prison.detain(dataKey, null);
    if (detained) {
      begin = r.thinEnd;
      continue;
    }
    const m = newMapping(tc);
    m.maybeShared = r.maybeShared;
    m.virtBegin = r.thinBegin;
    m.virtEnd = r.thinEnd;
    m.dataBlock = r.poolBegin;
    m.cell = dataCell;
    m.bio = bio;
    hook(bio).remaining++;
    if (!pool.allIoDs.addWork(m)) await pool.processPreparedDiscard(m);
    begin = r.thinEnd;
  }
}

async function processDiscardCellPassdown(tc: ThinC, virtCell: DmBioPrisonCell): Promise<void> {
  const bio = virtCell.holder!;
  const h = hook(bio);
  // The virtual cell is held until the discard bio ends (thin_endio releases it).
  h.cell = virtCell;
  await breakUpDiscardBio(tc, virtCell.key.blockBegin, virtCell.key.blockEnd, bio);
  discardEndio(bio);
}

async function processDiscardBio(tc: ThinC, bio: Bio): Promise<void> {
  const [begin, end] = getBioBlockRange(tc, bio);
  if (begin === end) {
    bio.end(); // less than a block
    return;
  }
  const { detained, cell } = tc.pool.prison.detain(buildKey(tc, true, begin, end), bio);
  if (detained) return;
  await tc.pool.processDiscardCell(tc, cell);
}

// ------------------------------------------------------------------ allocation and modes

function isReadOnlyPoolMode(mode: PM): boolean {
  return mode === PM.OUT_OF_METADATA_SPACE || mode === PM.READ_ONLY;
}

async function checkForMetadataSpace(pool: Pool): Promise<void> {
  let reason: string | null = null;
  try {
    if (!(await tm.dmPoolGetFreeMetadataBlockCount(pool.pmd))) reason = "No free metadata blocks";
  } catch {
    reason = "Could not get free metadata blocks";
  }
  if (reason && !isReadOnlyPoolMode(pool.pf.mode)) {
    thinLog(pool.host, "err", reason);
    await setPoolMode(pool, PM.OUT_OF_METADATA_SPACE);
  }
}

async function checkForDataSpace(pool: Pool): Promise<void> {
  if (pool.pf.mode !== PM.OUT_OF_DATA_SPACE) return;
  let free: number;
  try {
    free = await tm.dmPoolGetFreeBlockCount(pool.pmd);
  } catch {
    return;
  }
  if (free) {
    await setPoolMode(pool, PM.WRITE);
    requeueBios(pool);
  }
}

/** commit: true (Linux's non-zero) when the pool is read-only or failed, or the commit failed. */
async function commit(pool: Pool): Promise<boolean> {
  if (pool.pf.mode >= PM.OUT_OF_METADATA_SPACE) return true;
  try {
    await tm.dmPoolCommitMetadata(pool.pmd);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_pool_commit_metadata", e);
    return true;
  }
  await checkForMetadataSpace(pool);
  await checkForDataSpace(pool);
  await tracePoolState(pool);
  return false;
}

/** The thin_pool event: the pool's space, mode, transaction id and held root, as committed. */
async function tracePoolState(pool: Pool): Promise<void> {
  const t = pool.ti;
  if (!t) return;
  const pmd = pool.pmd;
  try {
    const nrData = await tm.dmPoolGetDataDevSize(pmd);
    const freeData = await tm.dmPoolGetFreeBlockCount(pmd);
    const nrMeta = await tm.dmPoolGetMetadataDevSize(pmd);
    const freeMeta = await tm.dmPoolGetFreeMetadataBlockCount(pmd);
    const trans = await tm.dmPoolGetMetadataTransactionId(pmd);
    const held = await tm.dmPoolGetMetadataSnap(pmd);
    const mode = pool.pf.mode;
    const word =
      mode === PM.FAIL
        ? "fail"
        : mode === PM.OUT_OF_DATA_SPACE
          ? "out_of_data_space"
          : isReadOnlyPoolMode(mode)
            ? "ro"
            : "rw";
    t.traceEvent(
      EV.THIN_POOL,
      nrData - freeData,
      nrData,
      nrMeta - freeMeta,
      `${word} ${trans} ${held} ${nrMeta}`,
    );
  } catch {
    // A pool whose metadata cannot answer has nothing to show.
  }
}

function checkLowWaterMark(pool: Pool, freeBlocks: number): void {
  if (freeBlocks <= pool.lowWaterBlocks && !pool.lowWaterTriggered) {
    thinLog(
      pool.host,
      "warn",
      `${pool.name}: reached low water mark for data device: sending event.`,
    );
    pool.lowWaterTriggered = true;
    pool.ti?.event();
  }
}

/** alloc_data_block: resolves the block, or rejects (ENOSPC when out of data space). */
async function allocDataBlock(tc: ThinC): Promise<number> {
  const pool = tc.pool;
  if (pool.pf.mode !== PM.WRITE) throw new DmError("EINVAL");
  let free: number;
  try {
    free = await tm.dmPoolGetFreeBlockCount(pool.pmd);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_pool_get_free_block_count", e);
    throw e;
  }
  checkLowWaterMark(pool, free);
  if (!free) {
    // Try to commit to see if that will free up some more space.
    if (await commit(pool)) throw new DmError("EINVAL");
    try {
      free = await tm.dmPoolGetFreeBlockCount(pool.pmd);
    } catch (e) {
      await metadataOperationFailed(pool, "dm_pool_get_free_block_count", e);
      throw e;
    }
    if (!free) {
      await setPoolMode(pool, PM.OUT_OF_DATA_SPACE);
      throw new DmError("ENOSPC");
    }
  }
  let block: number;
  try {
    block = await tm.dmPoolAllocDataBlock(pool.pmd);
  } catch (e) {
    if (errnoOf(e) === "ENOSPC") await setPoolMode(pool, PM.OUT_OF_DATA_SPACE);
    else await metadataOperationFailed(pool, "dm_pool_alloc_data_block", e);
    throw e;
  }
  let freeMeta: number;
  try {
    freeMeta = await tm.dmPoolGetFreeMetadataBlockCount(pool.pmd);
  } catch (e) {
    await metadataOperationFailed(pool, "dm_pool_get_free_metadata_block_count", e);
    throw e;
  }
  if (!freeMeta && (await commit(pool))) throw new DmError("EINVAL");
  return block;
}

function retryOnResume(bio: Bio): void {
  hook(bio).tc.retryOnResumeList.push(bio);
}

function shouldErrorUnserviceableBio(pool: Pool): BlkStatus | null {
  switch (pool.pf.mode) {
    case PM.WRITE:
      thinLog(pool.host, "err", "bio unserviceable, yet pool is in PM_WRITE mode");
      return "IOERR";
    case PM.OUT_OF_DATA_SPACE:
      return pool.pf.errorIfNoSpace ? "NOSPC" : null;
    default:
      return "IOERR";
  }
}

function handleUnserviceableBio(pool: Pool, bio: Bio): void {
  const error = shouldErrorUnserviceableBio(pool);
  if (error) bio.end(error);
  else retryOnResume(bio);
}

function retryBiosOnResume(pool: Pool, cell: DmBioPrisonCell): void {
  const error = shouldErrorUnserviceableBio(pool);
  if (error) {
    cellError(pool, cell, error);
    return;
  }
  for (const bio of pool.prison.release(cell)) retryOnResume(bio);
}

function errorRetryList(pool: Pool, status: BlkStatus = getPoolIoErrorCode(pool)): void {
  for (const tc of pool.activeThins)
    for (const bio of tc.retryOnResumeList.splice(0)) bio.end(status);
}

/**
 * pool_suspend_active_thins: every active thin device is suspended internally (noflush), so
 * their new bios wait at the thin devices while the pool is suspended.
 */
async function poolSuspendActiveThins(pool: Pool): Promise<void> {
  for (const tc of [...pool.activeThins]) await tc.ti.internalSuspendNoflush();
}

/** pool_resume_active_thins: undo pool_suspend_active_thins. */
function poolResumeActiveThins(pool: Pool): void {
  for (const tc of [...pool.activeThins]) tc.ti.internalResume();
}

/**
 * requeue_io (do_noflush_start): a noflush suspend of a thin device sends its deferred bios,
 * those waiting for space and the bios of its deferred cells back to the device's queue
 * (BLK_STS_DM_REQUEUE), to be mapped again after the resume.
 */
function requeueIo(tc: ThinC): void {
  const bios = [...tc.deferredBioList.splice(0), ...tc.retryOnResumeList.splice(0)];
  for (const bio of bios) bio.end("DM_REQUEUE");
  for (const cell of tc.deferredCells.splice(0)) cellError(tc.pool, cell, "DM_REQUEUE");
}

/** requeue_bios: bios held for space go back to their thin device's deferred list. */
function requeueBios(pool: Pool): void {
  for (const tc of pool.activeThins) tc.deferredBioList.push(...tc.retryOnResumeList.splice(0));
}

function notifyOfPoolModeChange(pool: Pool): void {
  const descs = ["write", "out-of-data-space", "read-only", "read-only", "fail"];
  const mode = pool.pf.mode;
  let extra = "";
  if (mode === PM.OUT_OF_DATA_SPACE) extra = pool.pf.errorIfNoSpace ? " (error IO)" : " (queue IO)";
  pool.ti?.event();
  thinLog(pool.host, "info", `${pool.name}: switching pool to ${descs[mode]}${extra} mode`);
}

function setDiscardCallbacks(pool: Pool): void {
  const pt = pool.ti?.priv;
  if (pt?.adjustedPf.discardPassdown) {
    pool.processDiscardCell = processDiscardCellPassdown;
    pool.processPreparedDiscard = processPreparedDiscardPassdownPt1;
    pool.processPreparedDiscardPt2 = processPreparedDiscardPassdownPt2;
  } else {
    pool.processDiscardCell = processDiscardCellNoPassdown;
    pool.processPreparedDiscard = processPreparedDiscardNoPassdown;
  }
}

function armNoSpaceTimeout(pool: Pool): void {
  if (pool.noSpacePending) return;
  pool.noSpacePending = true;
  const gen = pool.noSpaceGen;
  pool.host.schedule(NO_SPACE_TIMEOUT, () => {
    if (gen !== pool.noSpaceGen) return;
    pool.noSpacePending = false;
    doNoSpaceTimeout(pool);
  });
}

function cancelNoSpaceTimeout(pool: Pool): void {
  pool.noSpaceGen++;
  pool.noSpacePending = false;
}

/** do_no_space_timeout: the queued bios fail and the pool errors from now on. */
function doNoSpaceTimeout(pool: Pool): void {
  if (pool.pf.mode === PM.OUT_OF_DATA_SPACE && !pool.pf.errorIfNoSpace) {
    pool.pf.errorIfNoSpace = true;
    notifyOfPoolModeChange(pool);
    errorRetryList(pool, "NOSPC");
  }
}

/** set_pool_mode. */
async function setPoolMode(pool: Pool, newMode: PM): Promise<void> {
  const pt = pool.ti?.priv;
  const needsCheck = tm.dmPoolMetadataNeedsCheck(pool.pmd);
  const oldMode = pool.pf.mode;
  if (newMode === PM.WRITE && needsCheck) {
    thinLog(pool.host, "err", `${pool.name}: unable to switch pool to write mode until repaired.`);
    newMode = oldMode !== newMode ? oldMode : PM.READ_ONLY;
  }
  if (oldMode === PM.FAIL) newMode = oldMode;

  switch (newMode) {
    case PM.FAIL:
      tm.dmPoolMetadataSetReadOnly(pool.pmd);
      pool.processBio = processBioFail;
      pool.processDiscard = processBioFail;
      pool.processCell = processCellFail;
      pool.processDiscardCell = processCellFail;
      pool.processPreparedMapping = processPreparedMappingFail;
      pool.processPreparedDiscard = processPreparedDiscardFail;
      errorRetryList(pool);
      break;
    case PM.OUT_OF_METADATA_SPACE:
    case PM.READ_ONLY:
      tm.dmPoolMetadataSetReadOnly(pool.pmd);
      pool.processBio = processBioReadOnly;
      pool.processDiscard = processBioSuccess;
      pool.processCell = processCellReadOnly;
      pool.processDiscardCell = processCellSuccess;
      pool.processPreparedMapping = processPreparedMappingFail;
      pool.processPreparedDiscard = processPreparedDiscardSuccess;
      errorRetryList(pool);
      break;
    case PM.OUT_OF_DATA_SPACE:
      pool.outOfDataSpace = true;
      pool.processBio = processBioReadOnly;
      pool.processDiscard = processDiscardBio;
      pool.processCell = processCellReadOnly;
      pool.processPreparedMapping = processPreparedMapping;
      setDiscardCallbacks(pool);
      if (!pool.pf.errorIfNoSpace && NO_SPACE_TIMEOUT) armNoSpaceTimeout(pool);
      break;
    case PM.WRITE:
      if (oldMode === PM.OUT_OF_DATA_SPACE) cancelNoSpaceTimeout(pool);
      pool.outOfDataSpace = false;
      if (pt) pool.pf.errorIfNoSpace = pt.requestedPf.errorIfNoSpace;
      tm.dmPoolMetadataSetReadWrite(pool.pmd);
      pool.processBio = processBio;
      pool.processDiscard = processDiscardBio;
      pool.processCell = processCell;
      pool.processPreparedMapping = processPreparedMapping;
      setDiscardCallbacks(pool);
      break;
  }
  pool.pf.mode = newMode;
  // Keep the staging copy in step, so bind_control_target does not change the mode on resume.
  if (pt) pt.adjustedPf.mode = newMode;
  if (oldMode !== newMode) {
    notifyOfPoolModeChange(pool);
    await tracePoolState(pool);
  }
}

async function abortTransaction(pool: Pool): Promise<void> {
  thinLog(pool.host, "err", `${pool.name}: aborting current metadata transaction`);
  try {
    await tm.dmPoolAbortMetadata(pool.pmd);
  } catch {
    thinLog(pool.host, "err", `${pool.name}: failed to abort metadata transaction`);
    await setPoolMode(pool, PM.FAIL);
  }
  try {
    await tm.dmPoolMetadataSetNeedsCheck(pool.pmd);
  } catch {
    thinLog(pool.host, "err", `${pool.name}: failed to set 'needs_check' flag in metadata`);
    await setPoolMode(pool, PM.FAIL);
  }
}

async function metadataOperationFailed(pool: Pool, op: string, e: unknown): Promise<void> {
  thinLog(
    pool.host,
    "err",
    `${pool.name}: metadata operation '${op}' failed: error = ${errNum(e)}`,
  );
  await abortTransaction(pool);
  await setPoolMode(pool, PM.READ_ONLY);
}

// ------------------------------------------------------------------ processing bios

async function breakSharing(
  tc: ThinC,
  bio: Bio,
  block: number,
  lookup: tm.DmThinLookupResult,
  cell: DmBioPrisonCell,
): Promise<void> {
  const pool = tc.pool;
  let dataBlock: number;
  try {
    dataBlock = await allocDataBlock(tc);
  } catch (e) {
    if (errnoOf(e) === "ENOSPC") retryBiosOnResume(pool, cell);
    else {
      thinLog(pool.host, "err", `break_sharing: alloc_data_block() failed: error = ${errNum(e)}`);
      cellError(pool, cell);
    }
    return;
  }
  scheduleCopy(tc, block, tc.poolDev, lookup.block, dataBlock, cell, bio, pool.sectorsPerBlock);
}

function remapAndIssueSharedCell(tc: ThinC, cell: DmBioPrisonCell, block: number): void {
  const defer: Bio[] = [];
  const issueBios: Bio[] = [];
  tc.pool.prison.visitRelease(cell, (c) => {
    for (const bio of c.bios.splice(0)) {
      if (isWrite(bio) || opIsFlush(bio) || bio.op === "DISCARD") defer.push(bio);
      else {
        hook(bio).sharedReadEntry = tc.pool.sharedReadDs.inc();
        incAllIoEntry(tc.pool, bio);
        issueBios.push(bio);
      }
    }
  });
  for (const bio of defer) thinDeferBio(tc, bio);
  for (const bio of issueBios) remapAndIssue(tc, bio, block);
}

async function processSharedBio(
  tc: ThinC,
  bio: Bio,
  block: number,
  lookup: tm.DmThinLookupResult,
  virtCell: DmBioPrisonCell,
): Promise<void> {
  const pool = tc.pool;
  // If the data cell is taken, sharing is already being broken.
  const { detained, cell: dataCell } = pool.prison.detain(
    buildKey(tc, false, lookup.block, lookup.block + 1),
    bio,
  );
  if (detained) {
    cellDeferNoHolder(tc, virtCell);
    return;
  }
  if (isWrite(bio) && bio.sectors) {
    await breakSharing(tc, bio, block, lookup, dataCell);
    cellDeferNoHolder(tc, virtCell);
  } else {
    hook(bio).sharedReadEntry = pool.sharedReadDs.inc();
    incAllIoEntry(pool, bio);
    remapAndIssue(tc, bio, lookup.block);
    remapAndIssueSharedCell(tc, dataCell, lookup.block);
    remapAndIssueSharedCell(tc, virtCell, lookup.block);
  }
}

async function provisionBlock(
  tc: ThinC,
  bio: Bio,
  block: number,
  cell: DmBioPrisonCell,
): Promise<void> {
  const pool = tc.pool;
  // Empty bios (flushes) are remapped at once, without provisioning.
  if (!bio.sectors) {
    incAllIoEntry(pool, bio);
    cellDeferNoHolder(tc, cell);
    remapAndIssue(tc, bio, 0);
    return;
  }
  // Reads of unprovisioned blocks are zeroes.
  if (!isWrite(bio)) {
    bio.data?.fill(0);
    cellDeferNoHolder(tc, cell);
    bio.end();
    return;
  }
  let dataBlock: number;
  try {
    dataBlock = await allocDataBlock(tc);
  } catch (e) {
    if (errnoOf(e) === "ENOSPC") retryBiosOnResume(pool, cell);
    else {
      thinLog(pool.host, "err", `provision_block: alloc_data_block() failed: error = ${errNum(e)}`);
      cellError(pool, cell);
    }
    return;
  }
  if (tc.originDev) await scheduleExternalCopy(tc, block, dataBlock, cell, bio);
  else await scheduleZero(tc, block, dataBlock, cell, bio);
}

async function processCell(tc: ThinC, cell: DmBioPrisonCell): Promise<void> {
  const pool = tc.pool;
  const bio = cell.holder!;
  const block = getBioBlock(tc, bio);
  if (tc.requeueMode) {
    cellError(pool, cell, "DM_REQUEUE");
    return;
  }
  let lookup: tm.DmThinLookupResult;
  try {
    lookup = await tm.dmThinFindBlock(tc.td, block, true);
  } catch (e) {
    const unmapped = errnoOf(e) === "ENODATA";
    if (bio.sectors) traceLookup(tc, bio, block, -1, unmapped ? "unmapped" : "error");
    if (unmapped) {
      if (!isWrite(bio) && tc.originDev) {
        incAllIoEntry(pool, bio);
        cellDeferNoHolder(tc, cell);
        if (bio.sector + bio.sectors <= tc.originSize) remapToOriginAndIssue(tc, bio);
        else if (bio.sector < tc.originSize) {
          bio.data?.fill(0);
          const n = tc.originSize - bio.sector;
          bio.sectors = n;
          if (bio.data) bio.data = bio.data.subarray(0, n * SECTOR_SIZE);
          remapToOriginAndIssue(tc, bio);
        } else {
          bio.data?.fill(0);
          bio.end();
        }
      } else await provisionBlock(tc, bio, block, cell);
      return;
    }
    thinLog(pool.host, "err", `process_cell: dm_thin_find_block() failed: error = ${errNum(e)}`);
    cellDeferNoHolder(tc, cell);
    bio.end("IOERR");
    return;
  }
  if (bio.sectors) {
    traceLookup(tc, bio, block, lookup.block, lookup.shared ? "shared" : "mapped");
  }
  if (lookup.shared) await processSharedBio(tc, bio, block, lookup, cell);
  else {
    incAllIoEntry(pool, bio);
    remapAndIssue(tc, bio, lookup.block);
    incRemapAndIssueCell(tc, cell, lookup.block);
  }
}

async function processBio(tc: ThinC, bio: Bio): Promise<void> {
  const block = getBioBlock(tc, bio);
  // If the cell is taken, the block is already being provisioned.
  const { detained, cell } = tc.pool.prison.detain(buildKey(tc, true, block, block + 1), bio);
  if (detained) {
    traceLookup(tc, bio, block, -1, "deferred: cell held");
    return;
  }
  await processCell(tc, cell);
}

async function processBioReadOnlyCommon(
  tc: ThinC,
  bio: Bio,
  cell: DmBioPrisonCell | null,
): Promise<void> {
  const write = isWrite(bio);
  const block = getBioBlock(tc, bio);
  let lookup: tm.DmThinLookupResult;
  try {
    lookup = await tm.dmThinFindBlock(tc.td, block, true);
  } catch (e) {
    const unmapped = errnoOf(e) === "ENODATA";
    if (bio.sectors) traceLookup(tc, bio, block, -1, unmapped ? "unmapped" : "error");
    if (unmapped) {
      if (cell) cellDeferNoHolder(tc, cell);
      if (write) {
        handleUnserviceableBio(tc.pool, bio);
        return;
      }
      if (tc.originDev) {
        incAllIoEntry(tc.pool, bio);
        remapToOriginAndIssue(tc, bio);
        return;
      }
      bio.data?.fill(0);
      bio.end();
      return;
    }
    thinLog(
      tc.pool.host,
      "err",
      `__process_bio_read_only: dm_thin_find_block() failed: error = ${errNum(e)}`,
    );
    if (cell) cellDeferNoHolder(tc, cell);
    bio.end("IOERR");
    return;
  }
  if (bio.sectors) {
    traceLookup(tc, bio, block, lookup.block, lookup.shared ? "shared" : "mapped");
  }
  if (lookup.shared && write && bio.sectors) {
    handleUnserviceableBio(tc.pool, bio);
    if (cell) cellDeferNoHolder(tc, cell);
  } else {
    incAllIoEntry(tc.pool, bio);
    remapAndIssue(tc, bio, lookup.block);
    if (cell) incRemapAndIssueCell(tc, cell, lookup.block);
  }
}

async function processBioReadOnly(tc: ThinC, bio: Bio): Promise<void> {
  await processBioReadOnlyCommon(tc, bio, null);
}

async function processCellReadOnly(tc: ThinC, cell: DmBioPrisonCell): Promise<void> {
  await processBioReadOnlyCommon(tc, cell.holder!, cell);
}

async function processBioSuccess(_tc: ThinC, bio: Bio): Promise<void> {
  bio.end();
  await Promise.resolve();
}

async function processBioFail(_tc: ThinC, bio: Bio): Promise<void> {
  bio.end("IOERR");
  await Promise.resolve();
}

async function processCellSuccess(tc: ThinC, cell: DmBioPrisonCell): Promise<void> {
  cellError(tc.pool, cell, "OK");
  await Promise.resolve();
}

async function processCellFail(tc: ThinC, cell: DmBioPrisonCell): Promise<void> {
  cellError(tc.pool, cell);
  await Promise.resolve();
}

// ------------------------------------------------------------------ the thin-pool target

function getMetadataDevSizeInBlocks(bdev: BlockDevice): number {
  const sectors = Math.min(bdev.sizeSectors, tm.THIN_METADATA_MAX_SECTORS);
  return Math.floor(sectors / tm.THIN_METADATA_BLOCK_SIZE);
}

function warnIfMetadataDeviceTooBig(t: Target<unknown>, bdev: BlockDevice): void {
  if (bdev.sizeSectors > tm.THIN_METADATA_MAX_SECTORS_WARNING)
    thinLog(
      t,
      "warn",
      `Metadata device ${bdev.name} is larger than ${tm.THIN_METADATA_MAX_SECTORS} sectors: excess space will not be used.`,
    );
}

/** calc_metadata_threshold: min(1024 blocks (4 MiB), a quarter of the metadata device). */
function calcMetadataThreshold(pt: PoolC): number {
  return Math.min(1024, Math.floor(getMetadataDevSizeInBlocks(pt.metadataDev.bdev) / 4));
}

function parsePoolFeatures(args: string[], pf: PoolFeatures): void {
  if (!args.length) return;
  const n = sscanfU(args[0]!);
  if (n === null || n > 4 || args.length - 1 < n)
    ctrError("Invalid number of pool feature arguments");
  for (let i = 1; i <= n; i++) {
    const name = args[i]!.toLowerCase();
    if (name === "skip_block_zeroing") pf.zeroNewBlocks = false;
    else if (name === "ignore_discard") pf.discardEnabled = false;
    else if (name === "no_discard_passdown") pf.discardPassdown = false;
    else if (name === "read_only") pf.mode = PM.READ_ONLY;
    else if (name === "error_if_no_space") pf.errorIfNoSpace = true;
    else ctrError("Unrecognised pool feature requested");
  }
}

/** __pool_dec: the last reference destroys the pool (and closes its metadata). */
async function poolDec(pool: Pool): Promise<void> {
  if (--pool.refCount) return;
  poolTableRemove(pool);
  cancelWaker(pool);
  cancelNoSpaceTimeout(pool);
  try {
    await tm.dmPoolMetadataClose(pool.pmd);
  } catch {
    thinLog(pool.host, "warn", "__pool_destroy: dm_pool_metadata_close() failed.");
  }
}

/** __pool_find / pool_create. */
async function poolFind(
  t: Target<PoolC>,
  poolMd: BlockDevice,
  metadataDev: DmDev,
  dataDev: DmDev,
  blockSize: number,
  readOnly: boolean,
): Promise<{ pool: Pool; created: boolean }> {
  const existing = poolsByMetadataDev.get(metadataDev.bdev);
  if (existing) {
    if (existing.poolMd !== poolMd) ctrError("metadata device already in use by a pool", "EBUSY");
    if (existing.dataDev !== dataDev.bdev)
      ctrError("data device already in use by a pool", "EBUSY");
    existing.refCount++;
    return { pool: existing, created: false };
  }
  const byMd = poolsByMd.get(poolMd);
  if (byMd) {
    if (byMd.mdDev !== metadataDev.bdev || byMd.dataDev !== dataDev.bdev)
      ctrError("different pool cannot replace a pool");
    byMd.refCount++;
    return { pool: byMd, created: false };
  }
  let pmd: tm.DmPoolMetadata;
  try {
    pmd = await tm.dmPoolMetadataOpen(t as Target<unknown>, metadataDev, blockSize, !readOnly);
  } catch (e) {
    ctrError("Error creating metadata object", errnoOf(e));
  }
  const pool = new Pool(
    t as Target<unknown>,
    poolMd,
    metadataDev.bdev,
    dataDev.bdev,
    pmd,
    blockSize,
  );
  poolTableInsert(pool);
  return { pool, created: true };
}

/** bind_control_target: this target takes over the pool (at preresume). */
async function bindControlTarget(pool: Pool, t: Target<PoolC>): Promise<void> {
  const pt = t.priv;
  const oldMode = pool.pf.mode;
  const newMode = pt.adjustedPf.mode;
  pt.adjustedPf.mode = oldMode;
  pool.ti = t;
  pool.pf = { ...pt.adjustedPf };
  pool.lowWaterBlocks = pt.lowWaterBlocks;
  await setPoolMode(pool, newMode);
}

async function maybeResizeDataDev(t: Target<PoolC>): Promise<boolean> {
  const pool = t.priv.pool;
  const dataSize = Math.floor(t.len / pool.sectorsPerBlock);
  let sbDataSize: number;
  try {
    sbDataSize = await tm.dmPoolGetDataDevSize(pool.pmd);
  } catch (e) {
    thinLog(t, "err", `${pool.name}: failed to retrieve data device size`);
    throw e;
  }
  if (dataSize < sbDataSize) {
    thinLog(
      t,
      "err",
      `${pool.name}: pool target (${dataSize} blocks) too small: expected ${sbDataSize}`,
    );
    throw new DmError("EINVAL");
  }
  if (dataSize > sbDataSize) {
    if (tm.dmPoolMetadataNeedsCheck(pool.pmd)) {
      thinLog(t, "err", `${pool.name}: unable to grow the data device until repaired.`);
      return false;
    }
    if (sbDataSize)
      thinLog(
        t,
        "info",
        `${pool.name}: growing the data device from ${sbDataSize} to ${dataSize} blocks`,
      );
    try {
      await tm.dmPoolResizeDataDev(pool.pmd, dataSize);
    } catch (e) {
      await metadataOperationFailed(pool, "dm_pool_resize_data_dev", e);
      throw e;
    }
    return true;
  }
  return false;
}

async function maybeResizeMetadataDev(t: Target<PoolC>): Promise<boolean> {
  const pool = t.priv.pool;
  const size = getMetadataDevSizeInBlocks(pool.mdDev);
  let sbSize: number;
  try {
    sbSize = await tm.dmPoolGetMetadataDevSize(pool.pmd);
  } catch (e) {
    thinLog(t, "err", `${pool.name}: failed to retrieve metadata device size`);
    throw e;
  }
  if (size < sbSize) {
    thinLog(
      t,
      "err",
      `${pool.name}: metadata device (${size} blocks) too small: expected ${sbSize}`,
    );
    throw new DmError("EINVAL");
  }
  if (size > sbSize) {
    if (tm.dmPoolMetadataNeedsCheck(pool.pmd)) {
      thinLog(t, "err", `${pool.name}: unable to grow the metadata device until repaired.`);
      return false;
    }
    warnIfMetadataDeviceTooBig(t as Target<unknown>, pool.mdDev);
    thinLog(
      t,
      "info",
      `${pool.name}: growing the metadata device from ${sbSize} to ${size} blocks`,
    );
    if (pool.pf.mode === PM.OUT_OF_METADATA_SPACE) await setPoolMode(pool, PM.WRITE);
    try {
      await tm.dmPoolResizeMetadataDev(pool.pmd, size);
    } catch (e) {
      await metadataOperationFailed(pool, "dm_pool_resize_metadata_dev", e);
      throw e;
    }
    return true;
  }
  return false;
}

function checkArgCount(t: Target<unknown>, argc: number, required: number): void {
  if (argc !== required) {
    thinLog(t, "warn", `Message received with ${argc} arguments instead of ${required}.`);
    throw new DmError("EINVAL");
  }
}

/** read_dev_id: a u64 no larger than MAX_DEV_ID. */
function readDevId(t: Target<unknown> | null, arg: string): number {
  const v = kstrtoull(arg);
  if (v !== null && v <= BigInt(MAX_DEV_ID)) return Number(v);
  if (t) thinLog(t, "warn", `Message received with invalid device id: ${arg}`);
  throw new DmError("EINVAL");
}

async function poolMessageOp(t: Target<PoolC>, argv: string[]): Promise<void> {
  const pool = t.priv.pool;
  const pmd = pool.pmd;
  const tt = t as Target<unknown>;
  const cmd = argv[0]!.toLowerCase();
  const argc = argv.length;
  switch (cmd) {
    case "create_thin": {
      checkArgCount(tt, argc, 2);
      const id = readDevId(tt, argv[1]!);
      try {
        await tm.dmPoolCreateThin(pmd, id);
        t.traceEvent(EV.THIN_DEV, id, 0, 0, "create_thin");
      } catch (e) {
        thinLog(tt, "warn", `Creation of new thinly-provisioned device with id ${argv[1]} failed.`);
        throw e;
      }
      return;
    }
    case "create_snap": {
      checkArgCount(tt, argc, 3);
      const id = readDevId(tt, argv[1]!);
      const origin = readDevId(tt, argv[2]!);
      try {
        await tm.dmPoolCreateSnap(pmd, id, origin);
        t.traceEvent(EV.THIN_DEV, id, origin, 0, "create_snap");
      } catch (e) {
        thinLog(tt, "warn", `Creation of new snapshot ${argv[1]} of device ${argv[2]} failed.`);
        throw e;
      }
      return;
    }
    case "delete": {
      checkArgCount(tt, argc, 2);
      const id = readDevId(tt, argv[1]!);
      try {
        await tm.dmPoolDeleteThinDevice(pmd, id);
        t.traceEvent(EV.THIN_DEV, id, 0, 0, "delete");
      } catch (e) {
        thinLog(tt, "warn", `Deletion of thin device ${argv[1]} failed.`);
        throw e;
      }
      return;
    }
    case "set_transaction_id": {
      checkArgCount(tt, argc, 3);
      const oldId = kstrtoull(argv[1]!);
      if (oldId === null) {
        thinLog(tt, "warn", `set_transaction_id message: Unrecognised id ${argv[1]}.`);
        throw new DmError("EINVAL");
      }
      const newId = kstrtoull(argv[2]!);
      if (newId === null) {
        thinLog(tt, "warn", `set_transaction_id message: Unrecognised new id ${argv[2]}.`);
        throw new DmError("EINVAL");
      }
      try {
        await tm.dmPoolSetMetadataTransactionId(pmd, oldId, newId);
      } catch (e) {
        thinLog(tt, "warn", `Failed to change transaction id from ${argv[1]} to ${argv[2]}.`);
        throw e;
      }
      return;
    }
    case "reserve_metadata_snap": {
      checkArgCount(tt, argc, 1);
      await commit(pool);
      try {
        await tm.dmPoolReserveMetadataSnap(pmd);
      } catch (e) {
        thinLog(tt, "warn", "reserve_metadata_snap message failed.");
        throw e;
      }
      return;
    }
    case "release_metadata_snap": {
      checkArgCount(tt, argc, 1);
      try {
        await tm.dmPoolReleaseMetadataSnap(pmd);
      } catch (e) {
        thinLog(tt, "warn", "release_metadata_snap message failed.");
        throw e;
      }
      return;
    }
    default:
      thinLog(tt, "warn", `Unrecognised thin pool target message received: ${argv[0]}`);
      throw new DmError("EINVAL");
  }
}

function emitFlags(pf: PoolFeatures): string {
  const count =
    Number(!pf.zeroNewBlocks) +
    Number(!pf.discardEnabled) +
    Number(!pf.discardPassdown) +
    Number(pf.mode === PM.READ_ONLY) +
    Number(pf.errorIfNoSpace);
  let s = `${count} `;
  if (!pf.zeroNewBlocks) s += "skip_block_zeroing ";
  if (!pf.discardEnabled) s += "ignore_discard ";
  if (!pf.discardPassdown) s += "no_discard_passdown ";
  if (pf.mode === PM.READ_ONLY) s += "read_only ";
  if (pf.errorIfNoSpace) s += "error_if_no_space ";
  return s;
}

async function poolStatusInfo(t: Target<PoolC>): Promise<string> {
  const pt = t.priv;
  const pool = pt.pool;
  const pmd = pool.pmd;
  if (pool.pf.mode === PM.FAIL) return "Fail";
  // Commit to ensure statistics aren't out of date.
  if (!pt.mdSuspended) await commit(pool);
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      thinLog(t as Target<unknown>, "err", `${pool.name}: ${name} returned ${errNum(e)}`);
      throw e;
    }
  };
  let s: string;
  try {
    const transactionId = await step("dm_pool_get_metadata_transaction_id", () =>
      tm.dmPoolGetMetadataTransactionId(pmd),
    );
    const freeMeta = await step("dm_pool_get_free_metadata_block_count", () =>
      tm.dmPoolGetFreeMetadataBlockCount(pmd),
    );
    const nrMeta = await step("dm_pool_get_metadata_dev_size", () =>
      tm.dmPoolGetMetadataDevSize(pmd),
    );
    const freeData = await step("dm_pool_get_free_block_count", () =>
      tm.dmPoolGetFreeBlockCount(pmd),
    );
    const nrData = await step("dm_pool_get_data_dev_size", () => tm.dmPoolGetDataDevSize(pmd));
    const heldRoot = await step("dm_pool_get_metadata_snap", () => tm.dmPoolGetMetadataSnap(pmd));
    s = `${transactionId} ${nrMeta - freeMeta}/${nrMeta} ${nrData - freeData}/${nrData} `;
    s += heldRoot ? `${heldRoot} ` : "- ";
  } catch {
    return "Error";
  }
  const mode = pool.pf.mode;
  if (mode === PM.OUT_OF_DATA_SPACE) s += "out_of_data_space ";
  else if (isReadOnlyPoolMode(mode)) s += "ro ";
  else s += "rw ";
  if (!pool.pf.discardEnabled) s += "ignore_discard ";
  else if (pool.pf.discardPassdown) s += "discard_passdown ";
  else s += "no_discard_passdown ";
  s += pool.pf.errorIfNoSpace ? "error_if_no_space " : "queue_if_no_space ";
  s += tm.dmPoolMetadataNeedsCheck(pmd) ? "needs_check " : "- ";
  s += `${calcMetadataThreshold(pt)} `;
  return s;
}

/** thin-pool (pool_target). */
export const poolTarget = defineTarget<PoolC>({
  name: "thin-pool",
  version: [1, 22, 0],
  features: { singleton: true, alwaysWriteable: true, immutable: true, ctrDoesIo: true },
  async ctr(t, argv) {
    if (argv.length < 4) ctrError("Invalid argument count");
    // Make sure metadata and data are different devices.
    if (argv[0] === argv[1]) ctrError("Error setting metadata or data device");
    const pf = poolFeaturesInit();
    parsePoolFeatures(argv.slice(4), pf);

    let metadataDev: DmDev;
    try {
      metadataDev = t.getDevice(argv[0]!, pf.mode === PM.READ_ONLY ? "r" : "rw");
    } catch (e) {
      ctrError("Error opening metadata block device", errnoOf(e) === "EIO" ? "ENODEV" : errnoOf(e));
    }
    warnIfMetadataDeviceTooBig(t as Target<unknown>, metadataDev.bdev);
    let dataDev: DmDev;
    try {
      dataDev = t.getDevice(argv[1]!, "rw");
    } catch (e) {
      t.putDevice(metadataDev);
      ctrError("Error getting data device", errnoOf(e) === "EIO" ? "ENODEV" : errnoOf(e));
    }
    const putBoth = (): void => {
      t.putDevice(dataDev);
      t.putDevice(metadataDev);
    };
    const bs = kstrtoull(argv[2]!);
    if (
      bs === null ||
      bs > 0xffffffffffffffffn ||
      bs === 0n ||
      bs < BigInt(DATA_DEV_BLOCK_SIZE_MIN_SECTORS) ||
      bs > BigInt(DATA_DEV_BLOCK_SIZE_MAX_SECTORS) ||
      bs % BigInt(DATA_DEV_BLOCK_SIZE_MIN_SECTORS) !== 0n
    ) {
      putBoth();
      ctrError("Invalid block size");
    }
    const blockSize = Number(bs);
    const lw = kstrtoull(argv[3]!);
    if (lw === null) {
      putBoth();
      ctrError("Invalid low water mark");
    }
    // dm_table_get_md(ti->table): our own mapped device, which now holds the metadata device.
    const poolMd = [...metadataDev.bdev.holders].find((h) => h.devName === t.mdName);
    if (!poolMd) {
      putBoth();
      ctrError("Error creating metadata object", "EINVAL");
    }
    let found: { pool: Pool; created: boolean };
    try {
      found = await poolFind(t, poolMd, metadataDev, dataDev, blockSize, pf.mode === PM.READ_ONLY);
    } catch (e) {
      putBoth();
      throw e;
    }
    const pool = found.pool;
    // Top level discard support cannot change after the first load.
    if (!found.created && pf.discardEnabled !== pool.pf.discardEnabled) {
      await poolDec(pool);
      putBoth();
      ctrError("Discard support cannot be disabled once enabled");
    }
    const pt: PoolC = {
      ti: t,
      pool,
      metadataDev,
      dataDev,
      lowWaterBlocks: Number(lw),
      requestedPf: { ...pf },
      adjustedPf: { ...pf },
      mdSuspended: false,
    };
    t.numFlushBios = 1;
    if (pf.discardEnabled && pf.discardPassdown) {
      t.numDiscardBios = 1;
      // Circumvents the stacking of discard limits (keeps the pool's and thins' consistent).
      t.discardsSupported = true;
    }
    t.private = pt;
    tm.dmPoolRegisterMetadataThreshold(pool.pmd, calcMetadataThreshold(pt), () => {
      thinLog(
        pool.host,
        "warn",
        `${pool.name}: reached low water mark for metadata device: sending event.`,
      );
      pool.ti?.event();
    });
    // Flush the data device before committing the metadata (metadata_pre_commit_callback).
    tm.dmPoolRegisterPreCommitCallback(pool.pmd, async () => {
      const host = (pool.ti ?? t) as Target<PoolC>;
      await host.dmIo({ op: "WRITE", flags: REQ_PREFLUSH }, [
        { dev: host.priv.dataDev, sector: 0, count: 0 },
      ]);
    });
  },
  async dtr(t) {
    const pt = t.priv;
    if (pt.pool.ti === t) pt.pool.ti = null;
    if (pt.pool.fallback === (t as Target<unknown>) && pt.pool.refCount > 1) {
      // Timers and metadata I/O keep going through a target that is still there.
      const next = pt.pool.activeThins[0]?.ti;
      if (next) pt.pool.fallback = next as Target<unknown>;
    }
    await poolDec(pt.pool);
    t.putDevice(pt.metadataDev);
    t.putDevice(pt.dataDev);
  },
  map(t, bio) {
    // A singleton: ti->begin is 0, the sector stays.
    bio.bdev = t.priv.dataDev.bdev;
    return "REMAPPED";
  },
  async presuspend(t) {
    const pool = t.priv.pool;
    pool.suspended = true;
    await poolSuspendActiveThins(pool);
  },
  async postsuspend(t) {
    const pool = t.priv.pool;
    cancelWaker(pool);
    cancelNoSpaceTimeout(pool);
    await flushWorkqueue(pool);
    await commit(pool);
    t.priv.mdSuspended = true;
  },
  async preresume(t) {
    const pt = t.priv;
    const pool = pt.pool;
    try {
      await bindControlTarget(pool, t);
      const c1 = await maybeResizeDataDev(t);
      const c2 = await maybeResizeMetadataDev(t);
      if (c1 || c2) await commit(pool);
    } catch (e) {
      // A pool in fail mode resumes anyway, so its deferred I/O can be failed.
      if (pool.pf.mode !== PM.FAIL) throw e instanceof DmError ? e : new DmError("EINVAL");
    }
  },
  resume(t) {
    const pool = t.priv.pool;
    t.priv.mdSuspended = false;
    // Requeue the active thins' bios, then resume the thins, before clearing `suspended`.
    requeueBios(pool);
    poolResumeActiveThins(pool);
    pool.lowWaterTriggered = false;
    pool.suspended = false;
    // do_waker: wake the worker now and tick every COMMIT_PERIOD from here.
    pool.wakerOrigin = t.now;
    wakeWorker(pool);
  },
  async message(t, argv) {
    const pool = t.priv.pool;
    if (pool.pf.mode >= PM.OUT_OF_METADATA_SPACE) {
      thinLog(
        t as Target<unknown>,
        "err",
        `${pool.name}: unable to service pool target messages in READ_ONLY or FAIL mode`,
      );
      throw new DmError("EOPNOTSUPP");
    }
    await poolMessageOp(t, argv);
    await commit(pool);
  },
  status(t, type) {
    const pt = t.priv;
    if (type === "TABLE")
      return `${pt.metadataDev.name} ${pt.dataDev.name} ${pt.pool.sectorsPerBlock} ${pt.lowWaterBlocks} ${emitFlags(pt.requestedPf)}`;
    if (type === "IMA") return "";
    return poolStatusInfo(t);
  },
  iterateDevices(t, fn) {
    fn(t.priv.dataDev, 0, t.len);
  },
  ioHints(t, limits) {
    const pt = t.priv;
    const spb = pt.pool.sectorsPerBlock;
    const isFactor = (a: number, n: number): boolean => n !== 0 && a % n === 0;
    const maxSectors = (): number => limits.maxSectors;
    if (maxSectors() < spb) {
      while (!isFactor(spb, limits.maxSectors)) {
        if ((limits.maxSectors & (limits.maxSectors - 1)) === 0) limits.maxSectors--;
        limits.maxSectors = 2 ** Math.floor(Math.log2(limits.maxSectors));
      }
    }
    const ioOptSectors = Math.floor(limits.ioOpt / SECTOR_SIZE);
    if (ioOptSectors < spb || !isFactor(ioOptSectors, spb)) {
      // blk_limits_io_min / blk_limits_io_opt.
      limits.ioMin = isFactor(spb, limits.maxSectors)
        ? limits.maxSectors * SECTOR_SIZE
        : spb * SECTOR_SIZE;
      if (limits.ioMin < limits.logicalBlockSize) limits.ioMin = limits.logicalBlockSize;
      if (limits.ioMin < limits.physicalBlockSize) limits.ioMin = limits.physicalBlockSize;
      limits.ioOpt = spb * SECTOR_SIZE;
    }
    if (!pt.adjustedPf.discardEnabled) {
      limits.discardGranularity = 0;
      return;
    }
    // disable_passdown_if_not_supported.
    const dataLimits = pt.dataDev.bdev.limits;
    const reason = !dataLimits.maxDiscardSectors
      ? "discard unsupported"
      : dataLimits.maxDiscardSectors < spb
        ? "max discard sectors smaller than a block"
        : null;
    if (pt.adjustedPf.discardPassdown && reason) {
      thinLog(
        t as Target<unknown>,
        "warn",
        `Data device (${pt.dataDev.bdev.name}) ${reason}: Disabling discard passdown.`,
      );
      pt.adjustedPf.discardPassdown = false;
    }
  },
});

// ------------------------------------------------------------------ the thin target

/** thin_bio_map: the fast path for mapped, unshared, cached blocks; the rest to the worker. */
function thinBioMap(t: Target<ThinC>, bio: Bio): "REMAPPED" | "SUBMITTED" {
  const tc = t.priv;
  const pool = tc.pool;
  const block = getBioBlock(tc, bio);
  bio.perIo = {
    tc,
    sharedReadEntry: null,
    allIoEntry: null,
    overwriteMapping: null,
    cell: null,
    remaining: 1,
  } satisfies ThinEndioHook;

  if (tc.requeueMode) {
    bio.end("DM_REQUEUE");
    return "SUBMITTED";
  }
  if (pool.pf.mode === PM.FAIL) {
    bio.end("IOERR");
    return "SUBMITTED";
  }
  if (opIsFlush(bio) || bio.op === "DISCARD") {
    traceLookup(tc, bio, block, -1, bio.op === "DISCARD" ? "deferred: discard" : "deferred: flush");
    thinDeferBio(tc, bio);
    return "SUBMITTED";
  }
  // Hold the virtual cell before the lookup, or a discard could race with us.
  const { detained, cell: virtCell } = pool.prison.detain(
    buildKey(tc, true, block, block + 1),
    bio,
  );
  if (detained) {
    traceLookup(tc, bio, block, -1, "deferred: cell held");
    return "SUBMITTED";
  }

  let result: tm.DmThinLookupResult;
  try {
    result = tm.dmThinFindBlockNoIo(tc.td, block);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === "ENODATA" || errno === "EAGAIN") {
      // Unmapped: the worker provisions it; not cached: the worker looks it up with I/O.
      traceLookup(tc, bio, block, -1, errno === "ENODATA" ? "unmapped" : "deferred: would block");
      thinDeferCell(tc, virtCell);
      return "SUBMITTED";
    }
    traceLookup(tc, bio, block, -1, "error");
    bio.end("IOERR");
    cellDeferNoHolder(tc, virtCell);
    return "SUBMITTED";
  }
  if (result.shared) {
    // Quiesce the origin before taking a snapshot: the worker breaks the sharing.
    traceLookup(tc, bio, block, result.block, "shared");
    thinDeferCell(tc, virtCell);
    return "SUBMITTED";
  }
  const { detained: busy, cell: dataCell } = pool.prison.detain(
    buildKey(tc, false, result.block, result.block + 1),
    bio,
  );
  if (busy) {
    traceLookup(tc, bio, block, result.block, "deferred: data cell held");
    cellDeferNoHolder(tc, virtCell);
    return "SUBMITTED";
  }
  traceLookup(tc, bio, block, result.block, "mapped");
  incAllIoEntry(pool, bio);
  cellDeferNoHolder(tc, dataCell);
  cellDeferNoHolder(tc, virtCell);
  remap(tc, bio, result.block);
  return "REMAPPED";
}

/** thin (thin_target). */
export const thinTarget = defineTarget<ThinC>({
  name: "thin",
  version: [1, 22, 0],
  features: { ctrDoesIo: true },
  async ctr(t, argv) {
    if (argv.length !== 2 && argv.length !== 3) ctrError("Invalid argument count");
    let originDev: DmDev | null = null;
    if (argv.length === 3) {
      if (argv[0] === argv[2]) ctrError("Error setting origin device");
      try {
        originDev = t.getDevice(argv[2]!, "r");
      } catch (e) {
        ctrError("Error opening origin device", errnoOf(e) === "EIO" ? "ENODEV" : errnoOf(e));
      }
    }
    const putOrigin = (): void => {
      if (originDev) t.putDevice(originDev);
    };
    let poolDev: DmDev;
    try {
      poolDev = t.getDevice(argv[0]!);
    } catch (e) {
      putOrigin();
      ctrError("Error opening pool device", errnoOf(e) === "EIO" ? "ENODEV" : errnoOf(e));
    }
    const badCommon = (text: string, errno: Errno = "EINVAL"): never => {
      t.putDevice(poolDev);
      putOrigin();
      ctrError(text, errno);
    };
    let devId = 0;
    try {
      devId = readDevId(null, argv[1]!);
    } catch {
      badCommon("Invalid device id");
    }
    const poolMdRef = t.getMappedDevice(poolDev.name);
    if (!poolMdRef) return badCommon("Couldn't get pool mapped device");
    const pool = poolsByMd.get(poolDev.bdev);
    if (!pool) {
      poolMdRef.put();
      return badCommon("Couldn't find pool object");
    }
    pool.refCount++;
    const badPool = async (text: string, errno: Errno = "EINVAL"): Promise<never> => {
      await poolDec(pool);
      poolMdRef.put();
      return badCommon(text, errno);
    };
    if (pool.pf.mode === PM.FAIL) await badPool("Couldn't open thin device, Pool is in fail mode");
    let td: tm.DmThinDevice;
    try {
      td = await tm.dmPoolOpenThin(pool.pmd, devId);
    } catch (e) {
      return badPool("Couldn't open thin internal device", errnoOf(e));
    }
    t.maxIoLen = pool.sectorsPerBlock;
    t.numFlushBios = 1;
    t.flushSupported = true;
    // In case the pool supports discards, pass them on.
    if (pool.pf.discardEnabled) {
      t.discardsSupported = true;
      t.numDiscardBios = 1;
    }
    if (pool.suspended) {
      await tm.dmPoolCloseThin(td);
      await badPool("Unable to activate thin device while pool is suspended");
    }
    const tc: ThinC = {
      ti: t,
      poolDev,
      originDev,
      originSize: 0,
      devId,
      pool,
      td,
      requeueMode: false,
      deferredCells: [],
      deferredBioList: [],
      retryOnResumeList: [],
      copier: new DmKcopydClient(t as Target<unknown>),
    };
    pool.activeThins.push(tc);
    t.private = tc;
    poolMdRef.put();
  },
  async dtr(t) {
    const tc = t.priv;
    const pool = tc.pool;
    const i = pool.activeThins.indexOf(tc);
    if (i >= 0) pool.activeThins.splice(i, 1);
    if (pool.fallback === (t as Target<unknown>)) {
      const next = pool.ti ?? pool.activeThins[0]?.ti;
      if (next) pool.fallback = next as Target<unknown>;
    }
    tc.copier.destroy();
    await poolDec(pool);
    await tm.dmPoolCloseThin(tc.td);
    t.putDevice(tc.poolDev);
    if (tc.originDev) t.putDevice(tc.originDev);
  },
  map(t, bio) {
    bio.sector = t.offset(bio.sector);
    return thinBioMap(t, bio);
  },
  endIo(t, bio) {
    const h = bio.perIo as ThinEndioHook | undefined;
    if (!h) return "DONE";
    const pool = h.tc.pool;
    if (h.sharedReadEntry) {
      const work = pool.sharedReadDs.dec(h.sharedReadEntry);
      h.sharedReadEntry = null;
      for (const m of work) completeMappingPreparation(m);
    }
    if (h.allIoEntry) {
      const work = pool.allIoDs.dec(h.allIoEntry);
      h.allIoEntry = null;
      if (work.length) {
        pool.preparedDiscards.push(...work);
        wakeWorker(pool);
      }
    }
    if (h.cell) {
      cellDeferNoHolder(h.tc, h.cell);
      h.cell = null;
    }
    void t;
    return "DONE";
  },
  presuspend(t) {
    // thin_presuspend: noflush_work(tc, do_noflush_start).
    if (t.noflushSuspending()) {
      t.priv.requeueMode = true;
      requeueIo(t.priv);
    }
  },
  postsuspend(t) {
    // thin_postsuspend: do_noflush_stop, always (the noflush flag is cleared by now).
    t.priv.requeueMode = false;
  },
  preresume(t) {
    const tc = t.priv;
    if (tc.originDev) tc.originSize = tc.originDev.bdev.sizeSectors;
  },
  status(t, type) {
    const tc = t.priv;
    if (tc.pool.pf.mode === PM.FAIL) return "Fail";
    if (type === "TABLE")
      return `${tc.poolDev.name} ${tc.devId}${tc.originDev ? ` ${tc.originDev.name}` : ""}`;
    if (type === "IMA") return "";
    return thinStatusInfo(t);
  },
  iterateDevices(t, fn) {
    const tc = t.priv;
    const pool = tc.pool;
    if (!pool.ti) return;
    const blocks = Math.floor(pool.ti.len / pool.sectorsPerBlock);
    if (blocks) fn(tc.poolDev, 0, pool.sectorsPerBlock * blocks);
  },
  ioHints(t, limits) {
    const pool = t.priv.pool;
    if (!pool.pf.discardEnabled) return;
    limits.discardGranularity = pool.sectorsPerBlock * SECTOR_SIZE;
    limits.maxDiscardSectors = 2048 * 1024 * 16; // 16G
  },
});

async function thinStatusInfo(t: Target<ThinC>): Promise<string> {
  const tc = t.priv;
  const spb = tc.pool.sectorsPerBlock;
  let mapped: number;
  try {
    mapped = await tm.dmThinGetMappedCount(tc.td);
  } catch (e) {
    thinLog(t as Target<unknown>, "err", `dm_thin_get_mapped_count returned ${errNum(e)}`);
    return "Error";
  }
  let highest: number | null;
  try {
    highest = await tm.dmThinGetHighestMappedBlock(tc.td);
  } catch (e) {
    if (errnoOf(e) !== "ENODATA") {
      thinLog(
        t as Target<unknown>,
        "err",
        `dm_thin_get_highest_mapped_block returned ${errNum(e)}`,
      );
      return "Error";
    }
    highest = null;
  }
  return `${mapped * spb} ${highest === null ? "-" : (highest + 1) * spb - 1}`;
}
