/**
 * dm-thin-metadata (drivers/md/dm-thin-metadata.{c,h}, Debian 6.1.192): the on-disk metadata of
 * a thin-pool, kept with the persistent-data library (src/engine/persistent-data/) in Linux's
 * exact layout, so the metadata device holds the bytes Linux writes.
 *
 * Layout (blocks of THIN_METADATA_BLOCK_SIZE sectors = 4096 bytes): block 0 is the superblock
 * (struct thin_disk_superblock: csum, flags, blocknr, uuid, magic 27022010, version 2, time,
 * trans_id, held_root, data and metadata space map roots (128 bytes each), data_mapping_root,
 * device_details_root, data_block_size, metadata_block_size, metadata_nr_blocks, feature flags).
 * The mapping tree has two levels: thin device id -> (virtual block -> data block << 24 | time);
 * the details tree maps thin device id -> struct disk_device_details (mapped_blocks,
 * transaction_id, creation_time, snapshotted_time).
 *
 * Every call that may do I/O returns a Promise (Linux blocks there); its I/O is the pool
 * target's own bios to the metadata device through its dm-bufio client, on virtual time.
 * Errors: a rejected promise / thrown `DmError` whose errno is Linux's return code
 * (-ENODATA "not mapped", -EEXIST, -EBUSY, -ENOSPC, -EINVAL after a failed abort (fail_io), -EIO,
 * -EILSEQ on a bad checksum, -EAGAIN for -EWOULDBLOCK). Log lines use Linux's texts and
 * prefixes ("device-mapper: thin metadata: ...", "device-mapper: block manager: ...").
 *
 * Concurrency: Linux's pmd->root_lock (an rw_semaphore) is kept: writers are serialised, readers
 * share; an operation waits (asynchronously) for the lock as Linux sleeps on it.
 */

import {
  DmBlockManager,
  type DmBlock as DmBlockLock,
  type DmBlockValidator,
  dmBmChecksum,
  le64,
  setLe64,
} from "./persistent-data/dm-block-manager.ts";
import {
  dmBtreeDel,
  dmBtreeEmpty,
  dmBtreeFindHighestKey,
  dmBtreeInsert,
  dmBtreeInsertNotify,
  dmBtreeLookup,
  dmBtreeLookupNext,
  dmBtreeLookupNoIo,
  type DmBtreeInfo,
} from "./persistent-data/dm-btree.ts";
import { dmBtreeRemove, dmBtreeRemoveLeaves } from "./persistent-data/dm-btree-remove.ts";
import { SmDisk } from "./persistent-data/dm-space-map-disk.ts";
import type { DmSpaceMap } from "./persistent-data/dm-space-map.ts";
import { DM_SM_METADATA_MAX_SECTORS } from "./persistent-data/dm-space-map-metadata.ts";
import {
  dmTmCreateWithSm,
  dmTmOpenWithSm,
  DmTransactionManager,
} from "./persistent-data/dm-transaction-manager.ts";
import type { DmDev, Target } from "./target.ts";
import { DmError, ERRNO, type Sector } from "./types.ts";

/** THIN_METADATA_BLOCK_SIZE: metadata block size in sectors of 512 bytes (4096 bytes). */
export const THIN_METADATA_BLOCK_SIZE = 8;

/**
 * THIN_METADATA_MAX_SECTORS = DM_SM_METADATA_MAX_SECTORS: 255 index entries of (4096 - 16) * 4
 * blocks each, in sectors: a larger metadata device is used up to this size.
 */
export const THIN_METADATA_MAX_SECTORS = DM_SM_METADATA_MAX_SECTORS;

/** THIN_METADATA_MAX_SECTORS_WARNING: a metadata device larger than 16 GiB draws a warning. */
export const THIN_METADATA_MAX_SECTORS_WARNING = 16 * ((1024 * 1024 * 1024) / 512);

/** THIN_METADATA_NEEDS_CHECK_FLAG: superblock flag bit set by dmPoolMetadataSetNeedsCheck. */
export const THIN_METADATA_NEEDS_CHECK_FLAG = 1 << 0;

/** THIN_FEATURE_*_SUPP: no optional features are supported (any incompat flag refuses). */
export const THIN_FEATURE_COMPAT_SUPP = 0;
export const THIN_FEATURE_COMPAT_RO_SUPP = 0;
export const THIN_FEATURE_INCOMPAT_SUPP = 0;

/** dm_thin_id: a thin device identifier (dm-thin accepts 0 .. 2^24 - 1). */
export type DmThinId = number;

/** dm_block_t: a block number (metadata blocks of 4096 bytes, or data blocks). */
export type DmBlock = number;

/** struct dm_thin_lookup_result. */
export interface DmThinLookupResult {
  /** The data block (in data blocks of the pool's data_block_size). */
  block: DmBlock;
  /** The block was mapped before the device's last snapshot: it may be shared. */
  shared: boolean;
}

/** dm_thin_find_mapped_range's answer: thin [thinBegin, thinEnd) maps to pool poolBegin... */
export interface DmThinMappedRange {
  thinBegin: DmBlock;
  thinEnd: DmBlock;
  poolBegin: DmBlock;
  maybeShared: boolean;
}

/** dm_sm_threshold_fn: called (once per crossing) when free metadata falls to the threshold. */
export type DmSmThresholdFn = () => void;

/** dm_pool_pre_commit_fn: run before each commit; a rejection fails the commit (errno kept). */
export type DmPoolPreCommitFn = () => Promise<void> | void;

const THIN_SUPERBLOCK_MAGIC = 27022010;
const THIN_SUPERBLOCK_LOCATION = 0;
const THIN_VERSION = 2;
const SECTOR_TO_BLOCK_SHIFT = 3;
const SPACE_MAP_ROOT_SIZE = 128;
const SUPERBLOCK_CSUM_XOR = 160774;

/** Byte offsets of struct thin_disk_superblock (packed, little-endian). */
const SB = {
  csum: 0,
  flags: 4,
  blocknr: 8,
  uuid: 16,
  magic: 32,
  version: 40,
  time: 44,
  transId: 48,
  heldRoot: 56,
  dataSpaceMapRoot: 64,
  metadataSpaceMapRoot: 192,
  dataMappingRoot: 320,
  deviceDetailsRoot: 328,
  dataBlockSize: 336,
  metadataBlockSize: 340,
  metadataNrBlocks: 344,
  compatFlags: 352,
  compatRoFlags: 356,
  incompatFlags: 360,
} as const;

/** sizeof(struct disk_device_details). */
const DEVICE_DETAILS_SIZE = 24;

function log(pmd: { t: Target<unknown> }, level: "err" | "warn", text: string): void {
  pmd.t.printk(level, `device-mapper: thin metadata: ${text}`);
}

/** sb_validator. */
const sbValidator: DmBlockValidator = {
  name: "superblock",
  prepareForWrite(b, blockSize) {
    setLe64(b.view, SB.blocknr, b.location);
    b.view.setUint32(SB.csum, dmBmChecksum(b.data, 4, blockSize, SUPERBLOCK_CSUM_XOR), true);
  },
  check(b, blockSize, err) {
    const e = (text: string): void => err(`device-mapper: thin metadata: sb_check failed: ${text}`);
    if (le64(b.view, SB.blocknr) !== b.location) {
      e(`blocknr ${le64(b.view, SB.blocknr)}: wanted ${b.location}`);
      return "ENOTBLK";
    }
    if (le64(b.view, SB.magic) !== THIN_SUPERBLOCK_MAGIC) {
      e(`magic ${b.view.getBigUint64(SB.magic, true)}: wanted ${THIN_SUPERBLOCK_MAGIC}`);
      return "EILSEQ";
    }
    const csum = dmBmChecksum(b.data, 4, blockSize, SUPERBLOCK_CSUM_XOR);
    if (csum !== b.view.getUint32(SB.csum, true)) {
      e(`csum ${csum}: wanted ${b.view.getUint32(SB.csum, true)}`);
      return "EILSEQ";
    }
    return null;
  },
};

/** pack_block_time: (b << 24) | t, as 8 little-endian bytes. */
function packBlockTime(b: DmBlock, t: number): Uint8Array {
  const v = new Uint8Array(8);
  const dv = new DataView(v.buffer);
  // lo 32 bits: (b & 0xff) << 24 | t; hi 32 bits: b >> 8
  dv.setUint32(0, (((b % 256) << 24) | (t & 0xffffff)) >>> 0, true);
  dv.setUint32(4, Math.floor(b / 256) >>> 0, true);
  return v;
}

/** unpack_block_time. */
function unpackBlockTime(dv: DataView, off: number): { b: DmBlock; t: number } {
  const lo = dv.getUint32(off, true);
  const hi = dv.getUint32(off + 4, true);
  return { b: hi * 256 + (lo >>> 24), t: lo & 0xffffff };
}

/** with_runs over packed block/time values. */
async function withRuns(
  sm: DmSpaceMap,
  dv: DataView,
  off: number,
  count: number,
  fn: (sm: DmSpaceMap, b: DmBlock, e: DmBlock) => Promise<void>,
): Promise<void> {
  let begin = 0;
  let end = 0;
  let inRun = false;
  for (let i = 0; i < count; i++) {
    const { b } = unpackBlockTime(dv, off + 8 * i);
    if (inRun) {
      if (b === end) end++;
      else {
        await fn(sm, begin, end);
        begin = b;
        end = b + 1;
      }
    } else {
      inRun = true;
      begin = b;
      end = b + 1;
    }
  }
  if (inRun) await fn(sm, begin, end);
}

const u64le = (v: Uint8Array): number => le64(new DataView(v.buffer, v.byteOffset, 8), 0);
const u64Bytes = (n: number): Uint8Array => {
  const v = new Uint8Array(8);
  setLe64(new DataView(v.buffer), 0, n);
  return v;
};

/** An rw_semaphore: writers exclusive, readers shared, waiters served in order. */
class RwSemaphore {
  #readers = 0;
  #writer = false;
  readonly #queue: Array<{ write: boolean; go: () => void }> = [];

  get writeLocked(): boolean {
    return this.#writer;
  }

  #grant(): void {
    while (this.#queue.length) {
      const w = this.#queue[0]!;
      if (w.write) {
        if (this.#writer || this.#readers) return;
        this.#writer = true;
      } else {
        if (this.#writer) return;
        this.#readers++;
      }
      this.#queue.shift();
      w.go();
    }
  }

  async down(write: boolean): Promise<void> {
    if (!this.#queue.length && !this.#writer && (!write || !this.#readers)) {
      if (write) this.#writer = true;
      else this.#readers++;
      return;
    }
    await new Promise<void>((go) => {
      this.#queue.push({ write, go });
      this.#grant();
    });
  }

  /** down_read_trylock. */
  tryDownRead(): boolean {
    if (this.#writer || this.#queue.length) return false;
    this.#readers++;
    return true;
  }

  up(write: boolean): void {
    if (write) this.#writer = false;
    else this.#readers--;
    this.#grant();
  }
}

/** struct dm_pool_metadata: the open metadata of one pool. Opaque to its users. */
export class DmPoolMetadata {
  /** The pool target whose bios carry the metadata I/O. */
  readonly t: Target<unknown>;
  /** The metadata device. */
  readonly dev: DmDev;
  /** sector_t data_block_size: the pool's data block size, in sectors. */
  dataBlockSize: Sector;

  bm!: DmBlockManager;
  metadataSm: DmSpaceMap | null = null;
  dataSm: DmSpaceMap | null = null;
  tm: DmTransactionManager | null = null;
  nbTm: DmTransactionManager | null = null;
  /** Two-level btree: thin id -> (virtual block -> block/time). */
  info!: DmBtreeInfo;
  /** The same through the non-blocking clone. */
  nbInfo!: DmBtreeInfo;
  /** The top level only (thin id -> mapping tree root), for whole devices. */
  tlInfo!: DmBtreeInfo;
  /** The bottom level only (a device's mapping tree). */
  blInfo!: DmBtreeInfo;
  /** thin id -> struct disk_device_details. */
  detailsInfo!: DmBtreeInfo;

  readonly rootLock = new RwSemaphore();
  time = 0;
  root: DmBlock = 0;
  detailsRoot: DmBlock = 0;
  heldRoot: DmBlock = 0;
  /** Open (and changed) thin devices, most recently added first (list_add). */
  thinDevices: DmThinDevice[] = [];
  transId = 0n;
  flags = 0;
  preCommitFn: DmPoolPreCommitFn | null = null;
  /** Metadata blocks kept back for commit overhead (not reported as free). */
  metadataReserve = 0;
  /** A failed abort: everything but close fails with EINVAL. */
  failIo = false;
  /** Set by any operation that implies the pool is in service; commits do nothing before. */
  inService = false;
  readonly dataSpaceMapRoot = new Uint8Array(SPACE_MAP_ROOT_SIZE);
  readonly metadataSpaceMapRoot = new Uint8Array(SPACE_MAP_ROOT_SIZE);

  constructor(t: Target<unknown>, dev: DmDev, dataBlockSize: Sector) {
    this.t = t;
    this.dev = dev;
    this.dataBlockSize = dataBlockSize;
  }
}

/** struct dm_thin_device: one open thin device of a pool. Opaque to its users. */
export class DmThinDevice {
  readonly pmd: DmPoolMetadata;
  readonly id: DmThinId;
  openCount = 1;
  changed = false;
  abortedWithChanges = false;
  mappedBlocks = 0;
  /** The pool's transaction id when the device was created. */
  transactionId = 0n;
  creationTime = 0;
  snapshottedTime = 0;

  constructor(pmd: DmPoolMetadata, id: DmThinId) {
    this.pmd = pmd;
    this.id = id;
  }
}

// ---- locking -------------------------------------------------------------------------------

/** pmd_write_lock_in_core ... pmd_write_unlock around `fn`. */
async function withWriteLockInCore<T>(pmd: DmPoolMetadata, fn: () => Promise<T> | T): Promise<T> {
  await pmd.rootLock.down(true);
  try {
    return await fn();
  } finally {
    pmd.rootLock.up(true);
  }
}

/** pmd_write_lock: also puts the pool in service. */
async function withWriteLock<T>(pmd: DmPoolMetadata, fn: () => Promise<T> | T): Promise<T> {
  return withWriteLockInCore(pmd, () => {
    pmd.inService = true;
    return fn();
  });
}

async function withReadLock<T>(pmd: DmPoolMetadata, fn: () => Promise<T> | T): Promise<T> {
  await pmd.rootLock.down(false);
  try {
    return await fn();
  } finally {
    pmd.rootLock.up(false);
  }
}

function checkFailIo(pmd: DmPoolMetadata): void {
  if (pmd.failIo) throw new DmError("EINVAL");
}

const tmOf = (pmd: DmPoolMetadata): DmTransactionManager => pmd.tm!;
const dataSmOf = (pmd: DmPoolMetadata): DmSpaceMap => pmd.dataSm!;
const metadataSmOf = (pmd: DmPoolMetadata): DmSpaceMap => pmd.metadataSm!;

// ---- superblock and persistent-data objects ------------------------------------------------

const superblockLockZero = (pmd: DmPoolMetadata): Promise<DmBlockLock> =>
  pmd.bm.writeLockZero(THIN_SUPERBLOCK_LOCATION, sbValidator);
const superblockLock = (pmd: DmPoolMetadata): Promise<DmBlockLock> =>
  pmd.bm.writeLock(THIN_SUPERBLOCK_LOCATION, sbValidator);

/** sb read lock with sb_check's DMERR lines. */
async function superblockReadLock(pmd: DmPoolMetadata): Promise<DmBlockLock> {
  return pmd.bm.readLock(THIN_SUPERBLOCK_LOCATION, sbValidator);
}

async function superblockAllZeroes(bm: DmBlockManager): Promise<boolean> {
  // no validator: it may be all zeroes
  const b = await bm.readLock(THIN_SUPERBLOCK_LOCATION, null);
  const zero = b.data.every((x) => x === 0);
  bm.unlock(b);
  return zero;
}

function setupBtreeDetails(pmd: DmPoolMetadata): void {
  const tm = tmOf(pmd);
  const dataSm = dataSmOf(pmd);
  const dataBlockInc = (dv: DataView, off: number, count: number): Promise<void> =>
    withRuns(dataSm, dv, off, count, (sm, b, e) => sm.incBlocks(b, e));
  const dataBlockDec = (dv: DataView, off: number, count: number): Promise<void> =>
    withRuns(dataSm, dv, off, count, (sm, b, e) => sm.decBlocks(b, e));
  const dataBlockEqual = (a: Uint8Array, b: Uint8Array): boolean =>
    unpackBlockTime(new DataView(a.buffer, a.byteOffset, 8), 0).b ===
    unpackBlockTime(new DataView(b.buffer, b.byteOffset, 8), 0).b;
  const dataType = { size: 8, inc: dataBlockInc, dec: dataBlockDec, equal: dataBlockEqual };

  pmd.info = { tm, levels: 2, valueType: dataType };
  pmd.nbInfo = { tm: pmd.nbTm!, levels: 2, valueType: dataType };
  pmd.blInfo = { tm, levels: 1, valueType: dataType };
  const blInfo = pmd.blInfo;
  pmd.tlInfo = {
    tm,
    levels: 1,
    valueType: {
      size: 8,
      inc: async (dv, off, count) => {
        for (let i = 0; i < count; i++) await tm.inc(le64(dv, off + 8 * i));
      },
      dec: async (dv, off, count) => {
        for (let i = 0; i < count; i++) {
          try {
            await dmBtreeDel(blInfo, le64(dv, off + 8 * i));
          } catch {
            log(pmd, "err", "btree delete failed");
          }
        }
      },
      equal: (a, b) => a.every((x, i) => x === b[i]),
    },
  };
  pmd.detailsInfo = { tm, levels: 1, valueType: { size: DEVICE_DETAILS_SIZE } };
}

function saveSmRoots(pmd: DmPoolMetadata): void {
  const m = metadataSmOf(pmd);
  pmd.metadataSpaceMapRoot.set(m.copyRoot(m.rootSize()));
  const d = dataSmOf(pmd);
  pmd.dataSpaceMapRoot.set(d.copyRoot(d.rootSize()));
}

function copySmRoots(pmd: DmPoolMetadata, sb: DmBlockLock): void {
  sb.data.set(pmd.metadataSpaceMapRoot, SB.metadataSpaceMapRoot);
  sb.data.set(pmd.dataSpaceMapRoot, SB.dataSpaceMapRoot);
}

async function writeInitialSuperblock(pmd: DmPoolMetadata): Promise<void> {
  let bdevSize = pmd.dev.bdev.sizeSectors;
  if (bdevSize > THIN_METADATA_MAX_SECTORS) bdevSize = THIN_METADATA_MAX_SECTORS;
  await dataSmOf(pmd).commit();
  await tmOf(pmd).preCommit();
  saveSmRoots(pmd);
  const sb = await superblockLockZero(pmd);
  const v = sb.view;
  v.setUint32(SB.flags, 0, true);
  sb.data.fill(0, SB.uuid, SB.uuid + 16);
  setLe64(v, SB.magic, THIN_SUPERBLOCK_MAGIC);
  v.setUint32(SB.version, THIN_VERSION, true);
  v.setUint32(SB.time, 0, true);
  setLe64(v, SB.transId, 0);
  setLe64(v, SB.heldRoot, 0);
  copySmRoots(pmd, sb);
  setLe64(v, SB.dataMappingRoot, pmd.root);
  setLe64(v, SB.deviceDetailsRoot, pmd.detailsRoot);
  v.setUint32(SB.metadataBlockSize, THIN_METADATA_BLOCK_SIZE, true);
  setLe64(v, SB.metadataNrBlocks, Math.floor(bdevSize / 2 ** SECTOR_TO_BLOCK_SHIFT));
  v.setUint32(SB.dataBlockSize, pmd.dataBlockSize, true);
  await tmOf(pmd).commit(sb);
}

function destroyPersistentDataObjects(pmd: DmPoolMetadata, destroyBm: boolean): void {
  pmd.dataSm?.destroy();
  pmd.dataSm = null;
  pmd.metadataSm?.destroy();
  pmd.metadataSm = null;
  pmd.nbTm?.destroy();
  pmd.nbTm = null;
  pmd.tm?.destroy();
  pmd.tm = null;
  if (destroyBm) pmd.bm.destroy();
}

async function formatMetadata(pmd: DmPoolMetadata): Promise<void> {
  try {
    const { tm, sm } = await dmTmCreateWithSm(pmd.bm, THIN_SUPERBLOCK_LOCATION);
    pmd.tm = tm;
    pmd.metadataSm = sm;
  } catch (err) {
    log(pmd, "err", "tm_create_with_sm failed");
    throw err;
  }
  try {
    try {
      pmd.dataSm = await SmDisk.create(tmOf(pmd), 0);
    } catch (err) {
      log(pmd, "err", "sm_disk_create failed");
      throw err;
    }
    pmd.nbTm = DmTransactionManager.nonBlockingClone(tmOf(pmd));
    setupBtreeDetails(pmd);
    pmd.root = await dmBtreeEmpty(pmd.info);
    try {
      pmd.detailsRoot = await dmBtreeEmpty(pmd.detailsInfo);
    } catch (err) {
      log(pmd, "err", "couldn't create devices root");
      throw err;
    }
    await writeInitialSuperblock(pmd);
  } catch (err) {
    destroyPersistentDataObjects(pmd, false);
    throw err;
  }
}

function checkIncompatFeatures(pmd: DmPoolMetadata, sb: DmBlockLock): void {
  let features = sb.view.getUint32(SB.incompatFlags, true) & ~THIN_FEATURE_INCOMPAT_SUPP;
  if (features) {
    log(
      pmd,
      "err",
      `could not access metadata due to unsupported optional features (${features.toString(16)}).`,
    );
    throw new DmError("EINVAL");
  }
  // read-only metadata skips the RDWR checks
  if (pmd.dev.mode === "r") return;
  features = sb.view.getUint32(SB.compatRoFlags, true) & ~THIN_FEATURE_COMPAT_RO_SUPP;
  if (features) {
    log(
      pmd,
      "err",
      `could not access metadata RDWR due to unsupported optional features (${features.toString(16)}).`,
    );
    throw new DmError("EINVAL");
  }
}

async function openMetadata(pmd: DmPoolMetadata): Promise<void> {
  let sb: DmBlockLock;
  try {
    sb = await superblockReadLock(pmd);
  } catch (err) {
    log(pmd, "err", "couldn't read superblock");
    throw err;
  }
  try {
    const dbs = sb.view.getUint32(SB.dataBlockSize, true);
    if (dbs !== pmd.dataBlockSize) {
      log(
        pmd,
        "err",
        `changing the data block size (from ${dbs} to ${pmd.dataBlockSize}) is not supported`,
      );
      throw new DmError("EINVAL");
    }
    checkIncompatFeatures(pmd, sb);
    try {
      const { tm, sm } = await dmTmOpenWithSm(
        pmd.bm,
        THIN_SUPERBLOCK_LOCATION,
        sb.data.slice(SB.metadataSpaceMapRoot, SB.metadataSpaceMapRoot + SPACE_MAP_ROOT_SIZE),
      );
      pmd.tm = tm;
      pmd.metadataSm = sm;
    } catch (err) {
      log(pmd, "err", "tm_open_with_sm failed");
      throw err;
    }
    try {
      try {
        pmd.dataSm = await SmDisk.open(
          tmOf(pmd),
          sb.data.slice(SB.dataSpaceMapRoot, SB.dataSpaceMapRoot + SPACE_MAP_ROOT_SIZE),
        );
      } catch (err) {
        log(pmd, "err", "sm_disk_open failed");
        throw err;
      }
      pmd.nbTm = DmTransactionManager.nonBlockingClone(tmOf(pmd));
      pmd.root = le64(sb.view, SB.dataMappingRoot);
      pmd.detailsRoot = le64(sb.view, SB.deviceDetailsRoot);
      pmd.heldRoot = le64(sb.view, SB.heldRoot);
      setupBtreeDetails(pmd);
    } catch (err) {
      destroyPersistentDataObjects(pmd, false);
      throw err;
    }
  } finally {
    pmd.bm.unlock(sb);
  }
}

async function openOrFormatMetadata(pmd: DmPoolMetadata, formatDevice: boolean): Promise<void> {
  const unformatted = await superblockAllZeroes(pmd.bm);
  if (unformatted) {
    if (formatDevice) return formatMetadata(pmd);
    throw new DmError("EPERM");
  }
  return openMetadata(pmd);
}

async function createPersistentDataObjects(
  pmd: DmPoolMetadata,
  formatDevice: boolean,
): Promise<void> {
  pmd.bm = new DmBlockManager(pmd.t, pmd.dev, THIN_METADATA_BLOCK_SIZE << 9);
  try {
    await openOrFormatMetadata(pmd, formatDevice);
  } catch (err) {
    pmd.bm.destroy();
    throw err;
  }
}

async function beginTransaction(pmd: DmPoolMetadata): Promise<void> {
  // the superblock is re-read every time
  const sb = await superblockReadLock(pmd);
  const v = sb.view;
  pmd.time = v.getUint32(SB.time, true);
  pmd.root = le64(v, SB.dataMappingRoot);
  pmd.detailsRoot = le64(v, SB.deviceDetailsRoot);
  pmd.heldRoot = le64(v, SB.heldRoot);
  pmd.transId = v.getBigUint64(SB.transId, true);
  pmd.flags = v.getUint32(SB.flags, true);
  pmd.dataBlockSize = v.getUint32(SB.dataBlockSize, true);
  pmd.bm.unlock(sb);
}

function detailsBytes(td: DmThinDevice): Uint8Array {
  const v = new Uint8Array(DEVICE_DETAILS_SIZE);
  const dv = new DataView(v.buffer);
  setLe64(dv, 0, td.mappedBlocks);
  dv.setBigUint64(8, td.transactionId, true);
  dv.setUint32(16, td.creationTime >>> 0, true);
  dv.setUint32(20, td.snapshottedTime >>> 0, true);
  return v;
}

async function writeChangedDetails(pmd: DmPoolMetadata): Promise<void> {
  for (const td of [...pmd.thinDevices]) {
    if (!td.changed) continue;
    pmd.detailsRoot = await dmBtreeInsert(
      pmd.detailsInfo,
      pmd.detailsRoot,
      [td.id],
      detailsBytes(td),
    );
    if (td.openCount) td.changed = false;
    else pmd.thinDevices.splice(pmd.thinDevices.indexOf(td), 1);
  }
}

async function commitTransaction(pmd: DmPoolMetadata): Promise<void> {
  if (!pmd.inService) return;
  if (pmd.preCommitFn) {
    try {
      await pmd.preCommitFn();
    } catch (err) {
      log(pmd, "err", "pre-commit callback failed");
      throw err;
    }
  }
  await writeChangedDetails(pmd);
  await dataSmOf(pmd).commit();
  await tmOf(pmd).preCommit();
  saveSmRoots(pmd);
  const sb = await superblockLock(pmd);
  const v = sb.view;
  v.setUint32(SB.time, pmd.time >>> 0, true);
  setLe64(v, SB.dataMappingRoot, pmd.root);
  setLe64(v, SB.deviceDetailsRoot, pmd.detailsRoot);
  setLe64(v, SB.heldRoot, pmd.heldRoot);
  v.setBigUint64(SB.transId, pmd.transId, true);
  v.setUint32(SB.flags, pmd.flags >>> 0, true);
  copySmRoots(pmd, sb);
  await tmOf(pmd).commit(sb);
}

async function setMetadataReserve(pmd: DmPoolMetadata): Promise<void> {
  const maxBlocks = 4096; // 16M
  try {
    const total = await metadataSmOf(pmd).getNrBlocks();
    pmd.metadataReserve = Math.min(maxBlocks, Math.floor(total / 10));
  } catch {
    log(pmd, "err", "could not get size of metadata device");
    pmd.metadataReserve = maxBlocks;
  }
}

/** The kernel's negative errno of an error (-EIO for anything not a DmError). */
function errnoOf(err: unknown): number {
  return -(err instanceof DmError ? ERRNO[err.errno][0] : 5);
}

/**
 * dm_pool_metadata_open: reopen the metadata on `dev`, or format it when its superblock block
 * is all zeroes and `formatDevice` is set (an all-zero superblock without it: EPERM). Creates a
 * dm-bufio client of 4096-byte blocks on `t`. `dataBlockSize` in sectors must equal the one
 * recorded (else EINVAL, "changing the data block size (from %u to %llu) is not supported").
 * Rejects with the errno of the failing step (EILSEQ bad checksum/magic, ENOTBLK wrong
 * blocknr, EIO); the kernel's DMERR lines are logged.
 */
export async function dmPoolMetadataOpen(
  t: Target<unknown>,
  dev: DmDev,
  dataBlockSize: Sector,
  formatDevice: boolean,
): Promise<DmPoolMetadata> {
  const pmd = new DmPoolMetadata(t, dev, dataBlockSize);
  await createPersistentDataObjects(pmd, formatDevice);
  try {
    await beginTransaction(pmd);
  } catch (err) {
    try {
      await dmPoolMetadataClose(pmd);
    } catch {
      log(pmd, "warn", "dm_pool_metadata_open: dm_pool_metadata_close() failed.");
    }
    throw err;
  }
  await setMetadataReserve(pmd);
  return pmd;
}

/**
 * dm_pool_metadata_close: commit (unless read-only or failed) and drop everything. Rejects with
 * EBUSY ("attempt to close pmd when %u device(s) are still open") while thin devices are open.
 */
export async function dmPoolMetadataClose(pmd: DmPoolMetadata): Promise<void> {
  let openDevices = 0;
  await withReadLock(pmd, () => {
    for (const td of [...pmd.thinDevices]) {
      if (td.openCount) openDevices++;
      else pmd.thinDevices.splice(pmd.thinDevices.indexOf(td), 1);
    }
  });
  if (openDevices) {
    log(pmd, "err", `attempt to close pmd when ${openDevices} device(s) are still open`);
    throw new DmError("EBUSY");
  }
  await withWriteLockInCore(pmd, async () => {
    if (!pmd.failIo && !pmd.bm.isReadOnly()) {
      try {
        await commitTransaction(pmd);
      } catch (err) {
        log(
          pmd,
          "warn",
          `dm_pool_metadata_close: __commit_transaction() failed, error = ${errnoOf(err)}`,
        );
      }
    }
  });
  destroyPersistentDataObjects(pmd, true);
}

// ---- thin devices --------------------------------------------------------------------------

async function openDevice(
  pmd: DmPoolMetadata,
  dev: DmThinId,
  create: boolean,
): Promise<DmThinDevice> {
  // already open: return it
  for (const td2 of pmd.thinDevices)
    if (td2.id === dev) {
      if (create) throw new DmError("EEXIST");
      td2.openCount++;
      return td2;
    }
  const td = new DmThinDevice(pmd, dev);
  let details: Uint8Array | null = null;
  try {
    details = await dmBtreeLookup(pmd.detailsInfo, pmd.detailsRoot, [dev]);
  } catch (err) {
    if (!(err instanceof DmError && err.errno === "ENODATA") || !create) throw err;
  }
  if (details) {
    const dv = new DataView(details.buffer, details.byteOffset, DEVICE_DETAILS_SIZE);
    td.mappedBlocks = le64(dv, 0);
    td.transactionId = dv.getBigUint64(8, true);
    td.creationTime = dv.getUint32(16, true);
    td.snapshottedTime = dv.getUint32(20, true);
  } else {
    td.changed = true;
    td.mappedBlocks = 0;
    td.transactionId = pmd.transId;
    td.creationTime = pmd.time;
    td.snapshottedTime = pmd.time;
  }
  pmd.thinDevices.unshift(td);
  return td;
}

function closeDevice(td: DmThinDevice): void {
  --td.openCount;
}

async function detailsExist(pmd: DmPoolMetadata, dev: DmThinId): Promise<boolean> {
  try {
    await dmBtreeLookup(pmd.detailsInfo, pmd.detailsRoot, [dev]);
    return true;
  } catch (err) {
    if (err instanceof DmError && err.errno === "ENODATA") return false;
    throw err;
  }
}

async function createThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  if (await detailsExist(pmd, dev)) throw new DmError("EEXIST");
  const devRoot = await dmBtreeEmpty(pmd.blInfo);
  try {
    pmd.root = await dmBtreeInsert(pmd.tlInfo, pmd.root, [dev], u64Bytes(devRoot));
  } catch (err) {
    await dmBtreeDel(pmd.blInfo, devRoot).catch(() => undefined);
    throw err;
  }
  let td: DmThinDevice;
  try {
    td = await openDevice(pmd, dev, true);
  } catch (err) {
    pmd.root = await dmBtreeRemove(pmd.tlInfo, pmd.root, [dev]).catch(() => pmd.root);
    await dmBtreeDel(pmd.blInfo, devRoot).catch(() => undefined);
    throw err;
  }
  closeDevice(td);
}

/** dm_pool_create_thin: a new, empty thin device `dev`. EEXIST if it exists. */
export async function dmPoolCreateThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await createThin(pmd, dev);
  });
}

async function setSnapshotDetails(
  pmd: DmPoolMetadata,
  snap: DmThinDevice,
  origin: DmThinId,
  time: number,
): Promise<void> {
  const td = await openDevice(pmd, origin, false);
  td.changed = true;
  td.snapshottedTime = time;
  snap.mappedBlocks = td.mappedBlocks;
  snap.snapshottedTime = time;
  closeDevice(td);
}

async function createSnap(pmd: DmPoolMetadata, dev: DmThinId, origin: DmThinId): Promise<void> {
  if (await detailsExist(pmd, dev)) throw new DmError("EEXIST");
  // the origin's mapping tree
  const value = await dmBtreeLookup(pmd.tlInfo, pmd.root, [origin]);
  const originRoot = u64le(value);
  // clone the origin: an inc will do
  await tmOf(pmd).inc(originRoot);
  try {
    pmd.root = await dmBtreeInsert(pmd.tlInfo, pmd.root, [dev], u64Bytes(originRoot));
  } catch (err) {
    await tmOf(pmd).dec(originRoot);
    throw err;
  }
  pmd.time++;
  try {
    const td = await openDevice(pmd, dev, true);
    try {
      await setSnapshotDetails(pmd, td, origin, pmd.time);
    } finally {
      closeDevice(td);
    }
  } catch (err) {
    pmd.root = await dmBtreeRemove(pmd.tlInfo, pmd.root, [dev]).catch(() => pmd.root);
    pmd.detailsRoot = await dmBtreeRemove(pmd.detailsInfo, pmd.detailsRoot, [dev]).catch(
      () => pmd.detailsRoot,
    );
    throw err;
  }
}

/**
 * dm_pool_create_snap: thin device `dev` as a snapshot of `origin` (shares its mapping tree;
 * bumps the pool's time). EEXIST if `dev` exists, ENODATA if `origin` does not. The origin
 * must be quiesced (suspended or not active): the caller's duty, as in Linux.
 */
export async function dmPoolCreateSnap(
  pmd: DmPoolMetadata,
  dev: DmThinId,
  origin: DmThinId,
): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await createSnap(pmd, dev, origin);
  });
}

async function deleteDevice(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  const td = await openDevice(pmd, dev, false);
  if (td.openCount > 1) {
    closeDevice(td);
    throw new DmError("EBUSY");
  }
  pmd.thinDevices.splice(pmd.thinDevices.indexOf(td), 1);
  pmd.detailsRoot = await dmBtreeRemove(pmd.detailsInfo, pmd.detailsRoot, [dev]);
  pmd.root = await dmBtreeRemove(pmd.tlInfo, pmd.root, [dev]);
}

/** dm_pool_delete_thin_device: ENODATA if absent, EBUSY if open. Frees its blocks. */
export async function dmPoolDeleteThinDevice(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await deleteDevice(pmd, dev);
  });
}

/**
 * dm_pool_commit_metadata: run the pre-commit callback, write changed device details, commit
 * the space maps, write every shadowed block, flush, write the superblock and flush
 * (dm_tm_commit), then begin the next transaction. Nothing is written when the pool was never
 * put in service (no change since open).
 */
export async function dmPoolCommitMetadata(pmd: DmPoolMetadata): Promise<void> {
  // commit must not be what puts the pool in service
  await withWriteLockInCore(pmd, async () => {
    checkFailIo(pmd);
    await commitTransaction(pmd);
    await beginTransaction(pmd);
  });
}

/**
 * dm_pool_abort_metadata: drop every uncommitted change, reopen at the last committed
 * transaction; open thin devices stay open (`dmThinAbortedChanges` tells whether they had
 * changes). If the reopen fails, every later call but close fails with EINVAL (fail_io).
 */
export async function dmPoolAbortMetadata(pmd: DmPoolMetadata): Promise<void> {
  checkFailIo(pmd);
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    for (const td of pmd.thinDevices) td.abortedWithChanges = td.changed;
    destroyPersistentDataObjects(pmd, false);
    pmd.bm.reset();
    try {
      await openOrFormatMetadata(pmd, false);
    } catch (err) {
      pmd.failIo = true;
      throw err;
    }
  });
}

/**
 * dm_pool_set_metadata_transaction_id: EINVAL ("mismatched transaction id" logged) unless the
 * current id is `currentId`. Ids are u64.
 */
export async function dmPoolSetMetadataTransactionId(
  pmd: DmPoolMetadata,
  currentId: bigint,
  newId: bigint,
): Promise<void> {
  await withWriteLock(pmd, () => {
    checkFailIo(pmd);
    if (pmd.transId !== currentId) {
      log(pmd, "err", "mismatched transaction id");
      throw new DmError("EINVAL");
    }
    pmd.transId = newId;
  });
}

/** dm_pool_get_metadata_transaction_id (u64). */
export async function dmPoolGetMetadataTransactionId(pmd: DmPoolMetadata): Promise<bigint> {
  return withReadLock(pmd, () => {
    checkFailIo(pmd);
    return pmd.transId;
  });
}

async function reserveMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  if (pmd.heldRoot) {
    log(pmd, "warn", "Pool metadata snapshot already exists: release this before taking another.");
    throw new DmError("EBUSY");
  }
  // commit so the roots incremented below are up to date
  try {
    await commitTransaction(pmd);
  } catch (err) {
    log(
      pmd,
      "warn",
      `__reserve_metadata_snap: __commit_transaction() failed, error = ${errnoOf(err)}`,
    );
    throw err;
  }
  // copy the superblock
  const msm = metadataSmOf(pmd);
  await msm.incBlocks(THIN_SUPERBLOCK_LOCATION, THIN_SUPERBLOCK_LOCATION + 1);
  let copy: DmBlockLock;
  try {
    copy = (await tmOf(pmd).shadowBlock(THIN_SUPERBLOCK_LOCATION, sbValidator)).block;
  } catch (err) {
    await msm.decBlocks(THIN_SUPERBLOCK_LOCATION, THIN_SUPERBLOCK_LOCATION + 1);
    throw err;
  }
  const heldRoot = copy.location;
  // wipe the space maps: not published
  copy.data.fill(0, SB.dataSpaceMapRoot, SB.dataSpaceMapRoot + SPACE_MAP_ROOT_SIZE);
  copy.data.fill(0, SB.metadataSpaceMapRoot, SB.metadataSpaceMapRoot + SPACE_MAP_ROOT_SIZE);
  // the structures to preserve
  await tmOf(pmd).inc(le64(copy.view, SB.dataMappingRoot));
  await tmOf(pmd).inc(le64(copy.view, SB.deviceDetailsRoot));
  tmOf(pmd).unlock(copy);
  pmd.heldRoot = heldRoot;
}

/**
 * dm_pool_reserve_metadata_snap: commit, then copy the superblock (minus space map roots) to a
 * new block held in superblock.held_root. EBUSY if one is held ("Pool metadata snapshot
 * already exists: release this before taking another." logged as a warning).
 */
export async function dmPoolReserveMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await reserveMetadataSnap(pmd);
  });
}

async function releaseMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  const heldRoot = pmd.heldRoot;
  if (!heldRoot) {
    log(pmd, "warn", "No pool metadata snapshot found: nothing to release.");
    throw new DmError("EINVAL");
  }
  const copy = await tmOf(pmd).readLock(heldRoot, sbValidator);
  pmd.heldRoot = 0;
  const mappingRoot = le64(copy.view, SB.dataMappingRoot);
  const detailsRoot = le64(copy.view, SB.deviceDetailsRoot);
  // Linux ignores what these return
  await dmBtreeDel(pmd.info, mappingRoot).catch(() => undefined);
  await dmBtreeDel(pmd.detailsInfo, detailsRoot).catch(() => undefined);
  tmOf(pmd).unlock(copy);
  await metadataSmOf(pmd).decBlocks(heldRoot, heldRoot + 1);
}

/** dm_pool_release_metadata_snap: EINVAL if none ("No pool metadata snapshot found: ..."). */
export async function dmPoolReleaseMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await releaseMetadataSnap(pmd);
  });
}

/** dm_pool_get_metadata_snap: the held root block (0: none). */
export async function dmPoolGetMetadataSnap(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withReadLock(pmd, () => {
    checkFailIo(pmd);
    return pmd.heldRoot;
  });
}

/**
 * dm_pool_open_thin_device: open thin `dev` (again: open count + 1). ENODATA if it does not
 * exist. Close it with dmPoolCloseThin.
 */
export async function dmPoolOpenThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<DmThinDevice> {
  return withWriteLockInCore(pmd, () => {
    checkFailIo(pmd);
    return openDevice(pmd, dev, false);
  });
}

/** dm_pool_close_thin_device. */
export async function dmPoolCloseThin(td: DmThinDevice): Promise<void> {
  await withWriteLockInCore(td.pmd, () => closeDevice(td));
}

/** dm_thin_dev_id. */
export function dmThinDevId(td: DmThinDevice): DmThinId {
  return td.id;
}

function unpackLookupResult(td: DmThinDevice, value: Uint8Array): DmThinLookupResult {
  const { b, t } = unpackBlockTime(new DataView(value.buffer, value.byteOffset, 8), 0);
  // __snapshotted_since
  return { block: b, shared: td.snapshottedTime > t };
}

/**
 * dm_thin_find_block: the data block `block` of `td` maps to. Rejects ENODATA when unmapped.
 * With `canIssueIo` false it uses the non-blocking clone: EAGAIN (-EWOULDBLOCK) when a btree
 * node is not cached. From a synchronous map() use `dmThinFindBlockNoIo`.
 */
export async function dmThinFindBlock(
  td: DmThinDevice,
  block: DmBlock,
  canIssueIo: boolean,
): Promise<DmThinLookupResult> {
  const pmd = td.pmd;
  return withReadLock(pmd, async () => {
    checkFailIo(pmd);
    const v = canIssueIo
      ? await dmBtreeLookup(pmd.info, pmd.root, [td.id, block])
      : dmBtreeLookupNoIo(pmd.nbInfo, pmd.root, [td.id, block]);
    return unpackLookupResult(td, v);
  });
}

/**
 * dm_thin_find_block(td, block, 0, ...) as thin_bio_map calls it, synchronously: throws DmError
 * EAGAIN (-EWOULDBLOCK) when a btree node is not in the block manager's cache or the root lock
 * is held by a writer (Linux would sleep in down_read), ENODATA when unmapped, EINVAL after
 * a failed abort.
 */
export function dmThinFindBlockNoIo(td: DmThinDevice, block: DmBlock): DmThinLookupResult {
  const pmd = td.pmd;
  if (!pmd.rootLock.tryDownRead()) throw new DmError("EAGAIN");
  try {
    checkFailIo(pmd);
    return unpackLookupResult(td, dmBtreeLookupNoIo(pmd.nbInfo, pmd.root, [td.id, block]));
  } finally {
    pmd.rootLock.up(false);
  }
}

async function findBlockIo(td: DmThinDevice, block: DmBlock): Promise<DmThinLookupResult | null> {
  try {
    return unpackLookupResult(td, await dmBtreeLookup(td.pmd.info, td.pmd.root, [td.id, block]));
  } catch (err) {
    if (err instanceof DmError && err.errno === "ENODATA") return null;
    throw err;
  }
}

async function findMappedRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<DmThinMappedRange> {
  const pmd = td.pmd;
  if (end < begin) throw new DmError("ENODATA");
  // __find_next_mapped_block
  const next = await dmBtreeLookupNext(pmd.info, pmd.root, [td.id, begin]);
  begin = next.rkey;
  const lookup = unpackLookupResult(td, next.value);
  if (begin >= end) throw new DmError("ENODATA");
  const thinBegin = begin;
  const poolBegin = lookup.block;
  const maybeShared = lookup.shared;
  begin++;
  let poolEnd = poolBegin + 1;
  while (begin !== end) {
    const l = await findBlockIo(td, begin);
    if (!l) break;
    if (l.block !== poolEnd || l.shared !== maybeShared) break;
    poolEnd++;
    begin++;
  }
  return { thinBegin, thinEnd: begin, poolBegin, maybeShared };
}

/**
 * dm_thin_find_mapped_range: the first run of contiguously mapped blocks in [begin, end)
 * (contiguous on the pool too, same shared flag). ENODATA when nothing is mapped there.
 */
export async function dmThinFindMappedRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<DmThinMappedRange> {
  return withReadLock(td.pmd, () => {
    checkFailIo(td.pmd);
    return findMappedRange(td, begin, end);
  });
}

/** dm_pool_alloc_data_block: a free data block (count set to 1). ENOSPC when none is left. */
export async function dmPoolAllocDataBlock(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withWriteLock(pmd, () => {
    checkFailIo(pmd);
    return dataSmOf(pmd).newBlock();
  });
}

/** dm_thin_insert_block: map `block` of `td` to `dataBlock` (stamped with the pool's time). */
export async function dmThinInsertBlock(
  td: DmThinDevice,
  block: DmBlock,
  dataBlock: DmBlock,
): Promise<void> {
  const pmd = td.pmd;
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    const r = await dmBtreeInsertNotify(
      pmd.info,
      pmd.root,
      [td.id, block],
      packBlockTime(dataBlock, pmd.time),
    );
    pmd.root = r.root;
    td.changed = true;
    if (r.inserted) td.mappedBlocks++;
  });
}

/** Unmap one block: dm_thin_remove_range(td, block, block + 1) (6.1 has no remove_block). */
export async function dmThinRemoveBlock(td: DmThinDevice, block: DmBlock): Promise<void> {
  await dmThinRemoveRange(td, block, block + 1);
}

async function removeRange(td: DmThinDevice, begin: DmBlock, end: DmBlock): Promise<void> {
  const pmd = td.pmd;
  const keys = [td.id];
  // the mapping tree
  const value = await dmBtreeLookup(pmd.tlInfo, pmd.root, keys);
  let mappingRoot = u64le(value);
  // take it out of the top level, with a reference so it is not deleted
  await tmOf(pmd).inc(mappingRoot);
  pmd.root = await dmBtreeRemove(pmd.tlInfo, pmd.root, keys);
  // remove_leaves stops at the first unmapped entry: loop over the mapped ranges
  let totalCount = 0;
  while (begin < end) {
    let next: { rkey: number; value: Uint8Array };
    try {
      next = await dmBtreeLookupNext(pmd.blInfo, mappingRoot, [begin]);
    } catch (err) {
      if (err instanceof DmError && err.errno === "ENODATA") break;
      throw err;
    }
    begin = next.rkey;
    if (begin >= end) break;
    const first = [begin];
    const r = await dmBtreeRemoveLeaves(pmd.blInfo, mappingRoot, first, end);
    mappingRoot = r.root;
    totalCount += r.nrRemoved;
    // (Linux passes &begin itself as the key, so remove_one moves it past each removed key)
    begin = first[0]!;
  }
  td.mappedBlocks -= totalCount;
  td.changed = true;
  // reinsert the mapping tree
  pmd.root = await dmBtreeInsert(pmd.tlInfo, pmd.root, keys, u64Bytes(mappingRoot));
}

/** dm_thin_remove_range: unmap [begin, end) of `td`, dropping the data blocks' counts. */
export async function dmThinRemoveRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<void> {
  await withWriteLock(td.pmd, async () => {
    checkFailIo(td.pmd);
    await removeRange(td, begin, end);
  });
}

/** dm_pool_block_is_shared: the data block's reference count is above 1. */
export async function dmPoolBlockIsShared(pmd: DmPoolMetadata, b: DmBlock): Promise<boolean> {
  return withReadLock(pmd, async () => {
    checkFailIo(pmd);
    return (await dataSmOf(pmd).getCount(b)) > 1;
  });
}

/** dm_pool_inc_data_range: one more reference to each data block in [b, e). */
export async function dmPoolIncDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await withWriteLock(pmd, () => {
    checkFailIo(pmd);
    return dataSmOf(pmd).incBlocks(b, e);
  });
}

/** dm_pool_dec_data_range: one reference less to each data block in [b, e). */
export async function dmPoolDecDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await withWriteLock(pmd, () => {
    checkFailIo(pmd);
    return dataSmOf(pmd).decBlocks(b, e);
  });
}

/** dm_thin_changed_this_transaction. */
export function dmThinChangedThisTransaction(td: DmThinDevice): boolean {
  return td.changed;
}

/** Alias of dmThinChangedThisTransaction (CONTRACTS.md G's name). */
export const dmThinChanged = dmThinChangedThisTransaction;

/** dm_pool_changed_this_transaction: some listed thin device changed. */
export function dmPoolChangedThisTransaction(pmd: DmPoolMetadata): boolean {
  return pmd.thinDevices.some((td) => td.changed);
}

/** dm_thin_aborted_changes: the device had uncommitted changes when the pool aborted. */
export function dmThinAbortedChanges(td: DmThinDevice): boolean {
  return td.abortedWithChanges;
}

/**
 * dm_thin_get_highest_mapped_block: the highest mapped virtual block, or null when nothing is
 * mapped (Linux returns 0 then, and thin_status prints "-").
 */
export async function dmThinGetHighestMappedBlock(td: DmThinDevice): Promise<DmBlock | null> {
  const pmd = td.pmd;
  return withReadLock(pmd, async () => {
    checkFailIo(pmd);
    const v = await dmBtreeLookup(pmd.tlInfo, pmd.root, [td.id]);
    const keys = await dmBtreeFindHighestKey(pmd.blInfo, u64le(v));
    return keys.length ? keys[0]! : null;
  });
}

/** dm_thin_get_mapped_count: blocks mapped by `td` (its details' mapped_blocks). */
export async function dmThinGetMappedCount(td: DmThinDevice): Promise<DmBlock> {
  return withReadLock(td.pmd, () => {
    checkFailIo(td.pmd);
    return td.mappedBlocks;
  });
}

/** dm_pool_get_free_block_count: free data blocks. */
export async function dmPoolGetFreeBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withReadLock(pmd, () => {
    checkFailIo(pmd);
    return dataSmOf(pmd).getNrFree();
  });
}

/**
 * dm_pool_get_free_metadata_block_count: free metadata blocks minus the reserve
 * (min(4096, nr_blocks / 10)), not below 0.
 */
export async function dmPoolGetFreeMetadataBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withReadLock(pmd, async () => {
    checkFailIo(pmd);
    const r = await metadataSmOf(pmd).getNrFree();
    return r < pmd.metadataReserve ? 0 : r - pmd.metadataReserve;
  });
}

/** dm_pool_get_metadata_dev_size: metadata blocks (of 4096 bytes) the space map covers. */
export async function dmPoolGetMetadataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withReadLock(pmd, () => {
    checkFailIo(pmd);
    return metadataSmOf(pmd).getNrBlocks();
  });
}

/** dm_pool_get_data_dev_size: data blocks the data space map covers. */
export async function dmPoolGetDataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  return withReadLock(pmd, () => {
    checkFailIo(pmd);
    return dataSmOf(pmd).getNrBlocks();
  });
}

async function resizeSpaceMap(
  pmd: DmPoolMetadata,
  sm: DmSpaceMap,
  newCount: DmBlock,
): Promise<void> {
  const oldCount = await sm.getNrBlocks();
  if (newCount === oldCount) return;
  if (newCount < oldCount) {
    log(pmd, "err", "cannot reduce size of space map");
    throw new DmError("EINVAL");
  }
  await sm.extend(newCount - oldCount);
}

/**
 * dm_pool_resize_data_dev: grow the data space map to `newCount` blocks. EINVAL ("cannot
 * reduce size of space map" logged) when smaller.
 */
export async function dmPoolResizeDataDev(pmd: DmPoolMetadata, newCount: DmBlock): Promise<void> {
  await withWriteLock(pmd, () => {
    checkFailIo(pmd);
    return resizeSpaceMap(pmd, dataSmOf(pmd), newCount);
  });
}

/** dm_pool_resize_metadata_dev: grow the metadata space map (EINVAL when smaller). */
export async function dmPoolResizeMetadataDev(
  pmd: DmPoolMetadata,
  newCount: DmBlock,
): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    await resizeSpaceMap(pmd, metadataSmOf(pmd), newCount);
    await setMetadataReserve(pmd);
  });
}

/** dm_pool_metadata_read_only: the block manager refuses write locks (EPERM) from now on. */
export function dmPoolMetadataSetReadOnly(pmd: DmPoolMetadata): void {
  pmd.bm.setReadOnly();
}

/** dm_pool_metadata_read_write. */
export function dmPoolMetadataSetReadWrite(pmd: DmPoolMetadata): void {
  pmd.bm.setReadWrite();
}

/**
 * dm_pool_register_metadata_threshold: `fn` runs when free metadata blocks fall to
 * `threshold` (edge triggered, checked when a metadata block is allocated). EINVAL after a
 * failed abort.
 */
export function dmPoolRegisterMetadataThreshold(
  pmd: DmPoolMetadata,
  threshold: DmBlock,
  fn: DmSmThresholdFn,
): void {
  checkFailIo(pmd);
  const sm = metadataSmOf(pmd);
  if (!sm.registerThresholdCallback) throw new DmError("EINVAL");
  sm.registerThresholdCallback(threshold, fn);
}

/** dm_pool_register_pre_commit_callback. */
export function dmPoolRegisterPreCommitCallback(pmd: DmPoolMetadata, fn: DmPoolPreCommitFn): void {
  pmd.preCommitFn = fn;
}

/** dm_pool_metadata_set_needs_check: set the flag and write it into the superblock now. */
export async function dmPoolMetadataSetNeedsCheck(pmd: DmPoolMetadata): Promise<void> {
  await withWriteLock(pmd, async () => {
    checkFailIo(pmd);
    pmd.flags |= THIN_METADATA_NEEDS_CHECK_FLAG;
    let sb: DmBlockLock;
    try {
      sb = await superblockLock(pmd);
    } catch (err) {
      log(pmd, "err", "couldn't lock superblock");
      throw err;
    }
    sb.view.setUint32(SB.flags, pmd.flags >>> 0, true);
    pmd.bm.unlock(sb);
  });
}

/** dm_pool_metadata_needs_check: the superblock's THIN_METADATA_NEEDS_CHECK_FLAG. */
export function dmPoolMetadataNeedsCheck(pmd: DmPoolMetadata): boolean {
  return (pmd.flags & THIN_METADATA_NEEDS_CHECK_FLAG) !== 0;
}

/** dm_pool_issue_prefetches: start reading blocks the non-blocking lookups missed. */
export function dmPoolIssuePrefetches(pmd: DmPoolMetadata): void {
  if (!pmd.failIo) pmd.tm?.issuePrefetches();
}
