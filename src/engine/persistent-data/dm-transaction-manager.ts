/**
 * dm-transaction-manager (drivers/md/persistent-data/dm-transaction-manager.{c,h}, Linux 6.1):
 * copy-on-write of metadata blocks within a transaction. A block of the last committed
 * transaction is never written: the first write to it in a transaction "shadows" it (copies it
 * to a newly allocated block and drops a reference to the original); blocks shadowed or newly
 * allocated in this transaction are written in place. Commit = write every dirty block, flush,
 * write the superblock, flush (dm_tm_pre_commit + dm_tm_commit).
 *
 * The non-blocking clone (dm_tm_create_non_blocking_clone) only reads, and only what is cached:
 * `readLockSync` throws EAGAIN (-EWOULDBLOCK) and remembers the block for prefetching.
 */

import { DmError } from "../types.ts";
import {
  type DmBlock,
  type DmBlockManager,
  type DmBlockT,
  type DmBlockValidator,
} from "./dm-block-manager.ts";
import { dmSmDecBlock, type DmSpaceMap } from "./dm-space-map.ts";
import { SmMetadata } from "./dm-space-map-metadata.ts";

const PREFETCH_SIZE = 128;
const PREFETCH_BITS = 7;

/** hash_64(b, bits) of include/linux/hash.h (GOLDEN_RATIO_64), on the low 64 bits. */
function hash64(b: number, bits: number): number {
  const v = (BigInt(b) * 0x61c8864680b583ebn) & 0xffffffffffffffffn;
  return Number(v >> BigInt(64 - bits));
}

/** struct dm_transaction_manager. */
export class DmTransactionManager {
  readonly isClone: boolean;
  readonly real: DmTransactionManager | null;
  readonly bm: DmBlockManager;
  /** The metadata space map (set right after creation, as dm_tm_create_internal does). */
  sm: DmSpaceMap;
  readonly #shadows = new Set<DmBlockT>();
  readonly #prefetches: (DmBlockT | null)[] = new Array<DmBlockT | null>(PREFETCH_SIZE).fill(null);

  constructor(bm: DmBlockManager, sm: DmSpaceMap, real: DmTransactionManager | null = null) {
    this.bm = bm;
    this.sm = sm;
    this.isClone = real !== null;
    this.real = real;
  }

  /** dm_tm_create_non_blocking_clone. */
  static nonBlockingClone(real: DmTransactionManager): DmTransactionManager {
    return new DmTransactionManager(real.bm, real.sm, real);
  }

  /** dm_tm_destroy. */
  destroy(): void {
    if (!this.isClone) this.#shadows.clear();
  }

  #notClone(): void {
    if (this.isClone) throw new DmError("EAGAIN");
  }

  isShadow(b: DmBlockT): boolean {
    return this.#shadows.has(b);
  }

  /** dm_tm_pre_commit: commit the metadata space map, then write every dirty block + flush. */
  async preCommit(): Promise<void> {
    this.#notClone();
    await this.sm.commit();
    await this.bm.flush();
  }

  /** dm_tm_commit: unlock (dirty) the superblock `root` and flush it out. */
  async commit(root: DmBlock): Promise<void> {
    this.#notClone();
    this.#shadows.clear();
    this.bm.unlock(root);
    await this.bm.flush();
  }

  /** dm_tm_new_block: a new block (count 1), zeroed and write locked; counts as a shadow. */
  async newBlock(v: DmBlockValidator): Promise<DmBlock> {
    this.#notClone();
    const nb = await this.sm.newBlock();
    let blk: DmBlock;
    try {
      blk = await this.bm.writeLockZero(nb, v);
    } catch (err) {
      await dmSmDecBlock(this.sm, nb);
      throw err;
    }
    this.#shadows.add(nb);
    return blk;
  }

  async #shadowBlock(orig: DmBlockT, v: DmBlockValidator): Promise<DmBlock> {
    const n = await this.sm.newBlock();
    await dmSmDecBlock(this.sm, orig);
    const origBlock = await this.bm.readLock(orig, v);
    let result: DmBlock;
    try {
      result = await this.bm.writeLockZero(n, v);
    } catch (err) {
      this.bm.unlock(origBlock);
      throw err;
    }
    result.data.set(origBlock.data);
    this.bm.unlock(origBlock);
    return result;
  }

  /**
   * dm_tm_shadow_block: a writable copy of `orig` for this transaction. `incChildren`: the
   * original was shared (count > 1), so the caller must take references to what it points to.
   */
  async shadowBlock(
    orig: DmBlockT,
    v: DmBlockValidator,
  ): Promise<{ block: DmBlock; incChildren: boolean }> {
    this.#notClone();
    const incChildren = await this.sm.countIsMoreThanOne(orig);
    if (this.isShadow(orig) && !incChildren)
      return { block: await this.bm.writeLock(orig, v), incChildren };
    const block = await this.#shadowBlock(orig, v);
    this.#shadows.add(block.location);
    return { block, incChildren };
  }

  /** dm_tm_read_lock. On the clone: as readLockSync. */
  async readLock(b: DmBlockT, v: DmBlockValidator | null): Promise<DmBlock> {
    if (this.isClone) return this.readLockSync(b, v);
    return this.bm.readLock(b, v);
  }

  /**
   * dm_tm_read_lock of the non-blocking clone: the block if cached, else EAGAIN (-EWOULDBLOCK)
   * and the block is remembered for dm_tm_issue_prefetches.
   */
  readLockSync(b: DmBlockT, v: DmBlockValidator | null): DmBlock {
    const real = this.real ?? this;
    try {
      return real.bm.readTryLock(b, v);
    } catch (err) {
      if (err instanceof DmError && err.errno === "EAGAIN") real.#prefetchAdd(b);
      throw err;
    }
  }

  #prefetchAdd(b: DmBlockT): void {
    const h = hash64(b, PREFETCH_BITS);
    if (this.#prefetches[h] === null) this.#prefetches[h] = b;
  }

  /** dm_tm_issue_prefetches. */
  issuePrefetches(): void {
    for (let i = 0; i < PREFETCH_SIZE; i++) {
      const b = this.#prefetches[i];
      if (b !== null && b !== undefined) {
        this.bm.prefetch(b);
        this.#prefetches[i] = null;
      }
    }
  }

  /** dm_tm_unlock. */
  unlock(b: DmBlock): void {
    this.bm.unlock(b);
  }

  /** dm_tm_inc (BUG on the clone). */
  async inc(b: DmBlockT): Promise<void> {
    this.#notClone();
    await this.sm.incBlocks(b, b + 1);
  }

  async incRange(b: DmBlockT, e: DmBlockT): Promise<void> {
    this.#notClone();
    await this.sm.incBlocks(b, e);
  }

  async dec(b: DmBlockT): Promise<void> {
    this.#notClone();
    await this.sm.decBlocks(b, b + 1);
  }

  async decRange(b: DmBlockT, e: DmBlockT): Promise<void> {
    this.#notClone();
    await this.sm.decBlocks(b, e);
  }

  /** dm_tm_ref. */
  async ref(b: DmBlockT): Promise<number> {
    this.#notClone();
    return this.sm.getCount(b);
  }

  /** dm_tm_block_is_shared. */
  async blockIsShared(b: DmBlockT): Promise<boolean> {
    this.#notClone();
    return this.sm.countIsMoreThanOne(b);
  }
}

/**
 * dm_tm_with_runs: call `fn` on each run of consecutive block numbers among `count` le64
 * values starting at byte `off` of `view`.
 */
export async function dmTmWithRuns(
  view: DataView,
  off: number,
  count: number,
  fn: (b: DmBlockT, e: DmBlockT) => Promise<void>,
): Promise<void> {
  let begin = 0;
  let end = 0;
  let inRun = false;
  for (let i = 0; i < count; i++) {
    const o = off + i * 8;
    const b = view.getUint32(o, true) + view.getUint32(o + 4, true) * 0x100000000;
    if (inRun) {
      if (b === end) end++;
      else {
        await fn(begin, end);
        begin = b;
        end = b + 1;
      }
    } else {
      inRun = true;
      begin = b;
      end = b + 1;
    }
  }
  if (inRun) await fn(begin, end);
}

/**
 * dm_tm_create_with_sm: a transaction manager over `bm` with a new metadata space map covering
 * the device, the superblock at `sbLocation`. Logs "couldn't create metadata space map".
 */
export async function dmTmCreateWithSm(
  bm: DmBlockManager,
  sbLocation: DmBlockT,
): Promise<{ tm: DmTransactionManager; sm: SmMetadata }> {
  const sm = new SmMetadata();
  const tm = new DmTransactionManager(bm, sm);
  try {
    await sm.create(tm, bm.nrBlocks, sbLocation);
  } catch (err) {
    bm.t.printk("err", "device-mapper: transaction manager: couldn't create metadata space map");
    tm.destroy();
    throw err;
  }
  return { tm, sm };
}

/** dm_tm_open_with_sm: reopen from the metadata space map root (struct disk_sm_root). */
export async function dmTmOpenWithSm(
  bm: DmBlockManager,
  _sbLocation: DmBlockT,
  smRoot: Uint8Array,
): Promise<{ tm: DmTransactionManager; sm: SmMetadata }> {
  const sm = new SmMetadata();
  const tm = new DmTransactionManager(bm, sm);
  try {
    await sm.open(tm, smRoot);
  } catch (err) {
    bm.t.printk("err", "device-mapper: transaction manager: couldn't open metadata space map");
    tm.destroy();
    throw err;
  }
  return { tm, sm };
}
