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

import type { DmDev, Target } from "./target.ts";
import { DmError, type Sector } from "./types.ts";

/** THIN_METADATA_BLOCK_SIZE: metadata block size in sectors of 512 bytes (4096 bytes). */
export const THIN_METADATA_BLOCK_SIZE = 8;

/**
 * THIN_METADATA_MAX_SECTORS = DM_SM_METADATA_MAX_SECTORS: 255 index entries of (4096 - 16) * 4
 * blocks each, in sectors: a larger metadata device is used up to this size.
 */
export const THIN_METADATA_MAX_SECTORS = 255 * ((1 << 14) - 64) * THIN_METADATA_BLOCK_SIZE;

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

/** struct dm_pool_metadata: the open metadata of one pool. Opaque to its users. */
export class DmPoolMetadata {
  /** The pool target whose bios carry the metadata I/O. */
  readonly t: Target<unknown>;
  /** The metadata device. */
  readonly dev: DmDev;
  /** sector_t data_block_size: the pool's data block size, in sectors. */
  dataBlockSize: Sector;

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

function notYet(): never {
  throw new DmError("EINVAL", "not yet");
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
  await Promise.resolve();
  void t;
  void dev;
  void dataBlockSize;
  void formatDevice;
  return notYet();
}

/**
 * dm_pool_metadata_close: commit (unless read-only or failed) and drop everything. Rejects with
 * EBUSY ("attempt to close pmd when %u device(s) are still open") while thin devices are open.
 */
export async function dmPoolMetadataClose(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
}

/** dm_pool_create_thin: a new, empty thin device `dev`. EEXIST if it exists. */
export async function dmPoolCreateThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await Promise.resolve();
  void pmd;
  void dev;
  notYet();
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
  await Promise.resolve();
  void pmd;
  void dev;
  void origin;
  notYet();
}

/** dm_pool_delete_thin_device: ENODATA if absent, EBUSY if open. Frees its blocks. */
export async function dmPoolDeleteThinDevice(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await Promise.resolve();
  void pmd;
  void dev;
  notYet();
}

/**
 * dm_pool_commit_metadata: run the pre-commit callback, write changed device details, commit
 * the space maps, write every shadowed block, flush, write the superblock (FUA path as
 * dm_tm_commit: write superblock, flush), then begin the next transaction. Nothing is written
 * when the pool was never put in service (no change since open).
 */
export async function dmPoolCommitMetadata(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
}

/**
 * dm_pool_abort_metadata: drop every uncommitted change, reopen at the last committed
 * transaction; open thin devices stay open (`dmThinAbortedChanges` tells whether they had
 * changes). If the reopen fails, every later call but close fails with EINVAL (fail_io).
 */
export async function dmPoolAbortMetadata(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
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
  await Promise.resolve();
  void pmd;
  void currentId;
  void newId;
  notYet();
}

/** dm_pool_get_metadata_transaction_id (u64). */
export async function dmPoolGetMetadataTransactionId(pmd: DmPoolMetadata): Promise<bigint> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/**
 * dm_pool_reserve_metadata_snap: commit, then copy the superblock (minus space map roots) to a
 * new block held in superblock.held_root. EBUSY if one is held ("Pool metadata snapshot
 * already exists: release this before taking another." logged as a warning).
 */
export async function dmPoolReserveMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
}

/** dm_pool_release_metadata_snap: EINVAL if none ("No pool metadata snapshot found: ..."). */
export async function dmPoolReleaseMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
}

/** dm_pool_get_metadata_snap: the held root block (0: none). */
export async function dmPoolGetMetadataSnap(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/**
 * dm_pool_open_thin_device: open thin `dev` (again: open count + 1). ENODATA if it does not
 * exist. Close it with dmPoolCloseThin.
 */
export async function dmPoolOpenThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<DmThinDevice> {
  await Promise.resolve();
  void pmd;
  void dev;
  return notYet();
}

/** dm_pool_close_thin_device. */
export async function dmPoolCloseThin(td: DmThinDevice): Promise<void> {
  await Promise.resolve();
  void td;
  notYet();
}

/** dm_thin_dev_id. */
export function dmThinDevId(td: DmThinDevice): DmThinId {
  return td.id;
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
  await Promise.resolve();
  void td;
  void block;
  void canIssueIo;
  return notYet();
}

/**
 * dm_thin_find_block(td, block, 0, ...) as thin_bio_map calls it, synchronously: throws DmError
 * EAGAIN (-EWOULDBLOCK) when a btree node is not in the block manager's cache or the root lock
 * is held by a writer (Linux would sleep in down_read), ENODATA when unmapped, EINVAL after
 * a failed abort.
 */
export function dmThinFindBlockNoIo(td: DmThinDevice, block: DmBlock): DmThinLookupResult {
  void td;
  void block;
  return notYet();
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
  await Promise.resolve();
  void td;
  void begin;
  void end;
  return notYet();
}

/** dm_pool_alloc_data_block: a free data block (count set to 1). ENOSPC when none is left. */
export async function dmPoolAllocDataBlock(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/** dm_thin_insert_block: map `block` of `td` to `dataBlock` (stamped with the pool's time). */
export async function dmThinInsertBlock(
  td: DmThinDevice,
  block: DmBlock,
  dataBlock: DmBlock,
): Promise<void> {
  await Promise.resolve();
  void td;
  void block;
  void dataBlock;
  notYet();
}

/** Unmap one block: dm_thin_remove_range(td, block, block + 1) (6.1 has no remove_block). */
export async function dmThinRemoveBlock(td: DmThinDevice, block: DmBlock): Promise<void> {
  await dmThinRemoveRange(td, block, block + 1);
}

/** dm_thin_remove_range: unmap [begin, end) of `td`, dropping the data blocks' counts. */
export async function dmThinRemoveRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<void> {
  await Promise.resolve();
  void td;
  void begin;
  void end;
  notYet();
}

/** dm_pool_block_is_shared: the data block's reference count is above 1. */
export async function dmPoolBlockIsShared(pmd: DmPoolMetadata, b: DmBlock): Promise<boolean> {
  await Promise.resolve();
  void pmd;
  void b;
  return notYet();
}

/** dm_pool_inc_data_range: one more reference to each data block in [b, e). */
export async function dmPoolIncDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await Promise.resolve();
  void pmd;
  void b;
  void e;
  notYet();
}

/** dm_pool_dec_data_range: one reference less to each data block in [b, e). */
export async function dmPoolDecDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await Promise.resolve();
  void pmd;
  void b;
  void e;
  notYet();
}

/** dm_thin_changed_this_transaction. */
export function dmThinChangedThisTransaction(td: DmThinDevice): boolean {
  return td.changed;
}

/** Alias of dmThinChangedThisTransaction (CONTRACTS.md G's name). */
export const dmThinChanged = dmThinChangedThisTransaction;

/** dm_pool_changed_this_transaction: some open-or-listed thin device changed. */
export function dmPoolChangedThisTransaction(pmd: DmPoolMetadata): boolean {
  void pmd;
  return notYet();
}

/** dm_thin_aborted_changes: the device had uncommitted changes when the pool aborted. */
export function dmThinAbortedChanges(td: DmThinDevice): boolean {
  return td.abortedWithChanges;
}

/** dm_thin_get_highest_mapped_block: ENODATA when nothing is mapped. */
export async function dmThinGetHighestMappedBlock(td: DmThinDevice): Promise<DmBlock> {
  await Promise.resolve();
  void td;
  return notYet();
}

/** dm_thin_get_mapped_count: blocks mapped by `td` (its details' mapped_blocks). */
export async function dmThinGetMappedCount(td: DmThinDevice): Promise<DmBlock> {
  await Promise.resolve();
  void td;
  return notYet();
}

/** dm_pool_get_free_block_count: free data blocks. */
export async function dmPoolGetFreeBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/**
 * dm_pool_get_free_metadata_block_count: free metadata blocks minus the reserve
 * (min(4096, nr_blocks / 10)), not below 0.
 */
export async function dmPoolGetFreeMetadataBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/** dm_pool_get_metadata_dev_size: metadata blocks (of 4096 bytes) the space map covers. */
export async function dmPoolGetMetadataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/** dm_pool_get_data_dev_size: data blocks the data space map covers. */
export async function dmPoolGetDataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  await Promise.resolve();
  void pmd;
  return notYet();
}

/**
 * dm_pool_resize_data_dev: grow the data space map to `newCount` blocks. EINVAL ("cannot
 * reduce size of space map" logged) when smaller.
 */
export async function dmPoolResizeDataDev(pmd: DmPoolMetadata, newCount: DmBlock): Promise<void> {
  await Promise.resolve();
  void pmd;
  void newCount;
  notYet();
}

/** dm_pool_resize_metadata_dev: grow the metadata space map (EINVAL when smaller). */
export async function dmPoolResizeMetadataDev(
  pmd: DmPoolMetadata,
  newCount: DmBlock,
): Promise<void> {
  await Promise.resolve();
  void pmd;
  void newCount;
  notYet();
}

/** dm_pool_metadata_read_only: the block manager refuses write locks (EPERM) from now on. */
export function dmPoolMetadataSetReadOnly(pmd: DmPoolMetadata): void {
  void pmd;
  notYet();
}

/** dm_pool_metadata_read_write. */
export function dmPoolMetadataSetReadWrite(pmd: DmPoolMetadata): void {
  void pmd;
  notYet();
}

/**
 * dm_pool_register_metadata_threshold: `fn` runs when free metadata blocks fall to
 * `threshold` (dm_sm_register_threshold_callback; checked when a block is allocated).
 */
export function dmPoolRegisterMetadataThreshold(
  pmd: DmPoolMetadata,
  threshold: DmBlock,
  fn: DmSmThresholdFn,
): void {
  void pmd;
  void threshold;
  void fn;
  notYet();
}

/** dm_pool_register_pre_commit_callback. */
export function dmPoolRegisterPreCommitCallback(pmd: DmPoolMetadata, fn: DmPoolPreCommitFn): void {
  void pmd;
  void fn;
  notYet();
}

/** dm_pool_metadata_set_needs_check: set the flag and write it into the superblock now. */
export async function dmPoolMetadataSetNeedsCheck(pmd: DmPoolMetadata): Promise<void> {
  await Promise.resolve();
  void pmd;
  notYet();
}

/** dm_pool_metadata_needs_check: the superblock's THIN_METADATA_NEEDS_CHECK_FLAG. */
export function dmPoolMetadataNeedsCheck(pmd: DmPoolMetadata): boolean {
  void pmd;
  return notYet();
}

/** dm_pool_issue_prefetches: start reading blocks the transaction manager saw missing. */
export function dmPoolIssuePrefetches(pmd: DmPoolMetadata): void {
  void pmd;
  notYet();
}
