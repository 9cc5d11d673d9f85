/**
 * dm-space-map-metadata (drivers/md/persistent-data/dm-space-map-metadata.{c,h}, Linux 6.1):
 * the space map of the metadata device itself. Its own updates allocate and free metadata
 * blocks (shadowing bitmaps, the ref count btree), so while it is inside one of its operations
 * further incs/decs are queued ("block ops", at most MAX_RECURSIVE_ALLOCATIONS) and applied
 * when the outermost operation ends. Creating it uses a bootstrap allocator that hands out
 * blocks after the superblock in order, then counts them once the structures exist.
 *
 * The free-metadata threshold is edge triggered (checked after each allocation).
 */

import { DmError } from "../types.ts";
import type { DmBlockT } from "./dm-block-manager.ts";
import { DISK_SM_ROOT_SIZE, LlDisk, smLlFindCommonFreeBlock } from "./dm-space-map-common.ts";
import type { DmSmThresholdFn, DmSpaceMap } from "./dm-space-map.ts";
import type { DmTransactionManager } from "./dm-transaction-manager.ts";

/** DM_SM_METADATA_BLOCK_SIZE: sectors (4096 bytes). */
export const DM_SM_METADATA_BLOCK_SIZE = 4096 >> 9;
/** DM_SM_METADATA_MAX_BLOCKS: 255 bitmaps of 16320 entries. */
export const DM_SM_METADATA_MAX_BLOCKS = 255 * ((1 << 14) - 64);
/** DM_SM_METADATA_MAX_SECTORS. */
export const DM_SM_METADATA_MAX_SECTORS = DM_SM_METADATA_MAX_BLOCKS * DM_SM_METADATA_BLOCK_SIZE;

const MAX_RECURSIVE_ALLOCATIONS = 1024;

interface BlockOp {
  type: "INC" | "DEC";
  b: DmBlockT;
  e: DmBlockT;
}

/** An edge triggered threshold (struct threshold). */
class Threshold {
  thresholdSet = false;
  valueSet = false;
  threshold = 0;
  currentValue = 0;
  fn: DmSmThresholdFn | null = null;

  set(value: number, fn: DmSmThresholdFn): void {
    this.thresholdSet = true;
    this.threshold = value;
    this.fn = fn;
  }

  #below(value: number): boolean {
    return this.thresholdSet && value <= this.threshold;
  }

  check(value: number): void {
    const alreadyTriggered = this.valueSet && this.#below(this.currentValue);
    if (this.#below(value) && !alreadyTriggered) this.fn?.();
    this.valueSet = true;
    this.currentValue = value;
  }
}

/** struct sm_metadata. */
export class SmMetadata implements DmSpaceMap {
  ll!: LlDisk;
  oldLl!: LlDisk;
  begin = 0;
  recursionCount = 0;
  allocatedThisTransaction = 0;
  /** The ring buffer of uncommitted block ops (struct bop_ring_buffer). */
  readonly uncommitted: BlockOp[] = [];
  readonly threshold = new Threshold();
  /** The bootstrap allocator is in use (memcpy(sm, &bootstrap_ops)). */
  bootstrap = false;

  #log(text: string): void {
    this.ll.tm.bm.t.printk("err", `device-mapper: space map metadata: ${text}`);
  }

  /** dm_sm_metadata_create: a space map over `nrBlocks`, the superblock at `superblock`. */
  async create(tm: DmTransactionManager, nrBlocks: number, superblock: DmBlockT): Promise<void> {
    this.begin = superblock + 1;
    this.recursionCount = 0;
    this.allocatedThisTransaction = 0;
    this.uncommitted.length = 0;
    this.bootstrap = true;
    this.ll = new LlDisk(tm, true);
    this.oldLl = this.ll.clone();
    try {
      await this.ll.create();
      await this.ll.extend(Math.min(nrBlocks, DM_SM_METADATA_MAX_BLOCKS));
    } finally {
      this.bootstrap = false;
    }
    // count the blocks the new structures were built from
    this.#addBop("INC", superblock, this.begin);
    try {
      await this.#applyBops();
    } catch (err) {
      this.#log("dm_sm_metadata_create: apply_bops failed");
      throw err;
    }
    await this.commit();
  }

  /** dm_sm_metadata_open from its root (struct disk_sm_root). */
  async open(tm: DmTransactionManager, rootLe: Uint8Array): Promise<void> {
    this.ll = new LlDisk(tm, true);
    await this.ll.open(rootLe);
    this.begin = 0;
    this.recursionCount = 0;
    this.allocatedThisTransaction = 0;
    this.uncommitted.length = 0;
    this.oldLl = this.ll.clone();
  }

  #addBop(type: "INC" | "DEC", b: DmBlockT, e: DmBlockT): void {
    if (this.uncommitted.length >= MAX_RECURSIVE_ALLOCATIONS) {
      this.#log("too many recursive allocations");
      throw new DmError("ENOMEM");
    }
    this.uncommitted.push({ type, b, e });
  }

  async #applyBops(): Promise<void> {
    while (this.uncommitted.length) {
      const bop = this.uncommitted[0]!;
      if (bop.type === "INC") await this.ll.inc(bop.b, bop.e);
      else await this.ll.dec(bop.b, bop.e);
      this.uncommitted.shift();
    }
  }

  /** in() ... out(): run `fn` as the outermost (or a nested) operation. */
  async #recursive<T>(fn: () => Promise<T>): Promise<T> {
    this.recursionCount++;
    let result: T;
    let err: unknown = null;
    try {
      result = await fn();
    } catch (e) {
      err = e;
    }
    // out()
    try {
      if (this.recursionCount === 1) await this.#applyBops();
    } catch (e) {
      if (err === null) err = e;
    } finally {
      this.recursionCount--;
    }
    if (err !== null) throw err;
    return result!;
  }

  destroy(): void {}

  /** sm_metadata_extend: new blocks are allocated in the new area (bootstrap mode). */
  async extend(extraBlocks: number): Promise<void> {
    if (this.bootstrap) {
      this.#log("bootstrap doesn't support extend");
      throw new DmError("EINVAL");
    }
    let oldLen = this.ll.nrBlocks;
    this.begin = oldLen;
    this.bootstrap = true;
    try {
      await this.ll.extend(extraBlocks);
      // inc then commit until the commit allocates nothing new
      do {
        this.#addBop("INC", oldLen, this.begin);
        oldLen = this.begin;
        try {
          await this.#applyBops();
        } catch (err) {
          this.#log("sm_metadata_extend: apply_bops failed");
          throw err;
        }
        await this.ll.commit();
      } while (oldLen !== this.begin);
    } finally {
      this.bootstrap = false;
    }
  }

  async getNrBlocks(): Promise<number> {
    return this.ll.nrBlocks;
  }

  async getNrFree(): Promise<number> {
    if (this.bootstrap) return this.ll.nrBlocks - this.begin;
    return this.oldLl.nrBlocks - this.oldLl.nrAllocated - this.allocatedThisTransaction;
  }

  #adjustment(b: DmBlockT): number {
    let adjustment = 0;
    for (const op of this.uncommitted) {
      if (b < op.b || b >= op.e) continue;
      adjustment += op.type === "INC" ? 1 : -1;
    }
    return adjustment;
  }

  async getCount(b: DmBlockT): Promise<number> {
    if (this.bootstrap) return b < this.begin ? 1 : 0;
    const adjustment = this.#adjustment(b);
    return (await this.ll.lookup(b)) + adjustment;
  }

  async countIsMoreThanOne(b: DmBlockT): Promise<boolean> {
    if (this.bootstrap) return false;
    const adjustment = this.#adjustment(b);
    if (adjustment > 1) return true;
    const rc = await this.ll.lookupBitmap(b);
    // err on the side of caution for counts in the overflow tree
    if (rc === 3) return true;
    return rc + adjustment > 1;
  }

  async setCount(b: DmBlockT, count: number): Promise<void> {
    if (this.bootstrap) {
      this.#log("bootstrap doesn't support set_count");
      throw new DmError("EINVAL");
    }
    if (this.recursionCount) {
      this.#log("cannot recurse set_count()");
      throw new DmError("EINVAL");
    }
    await this.#recursive(() => this.ll.insert(b, count));
  }

  async incBlocks(b: DmBlockT, e: DmBlockT): Promise<void> {
    if (this.bootstrap || this.recursionCount) {
      this.#addBop("INC", b, e);
      return;
    }
    await this.#recursive(() => this.ll.inc(b, e));
  }

  async decBlocks(b: DmBlockT, e: DmBlockT): Promise<void> {
    if (this.bootstrap || this.recursionCount) {
      this.#addBop("DEC", b, e);
      return;
    }
    await this.#recursive(() => this.ll.dec(b, e));
  }

  async #newBlock(): Promise<DmBlockT> {
    let b: DmBlockT;
    try {
      b = await smLlFindCommonFreeBlock(this.oldLl, this.ll, this.begin, this.ll.nrBlocks);
    } catch (err) {
      if (!(err instanceof DmError && err.errno === "ENOSPC")) throw err;
      b = await smLlFindCommonFreeBlock(this.oldLl, this.ll, 0, this.begin);
    }
    this.begin = b + 1;
    if (this.recursionCount) this.#addBop("INC", b, b + 1);
    else await this.#recursive(() => this.ll.inc(b, b + 1));
    this.allocatedThisTransaction++;
    return b;
  }

  async newBlock(): Promise<DmBlockT> {
    if (this.bootstrap) {
      // the entire device is unused
      if (this.begin === this.ll.nrBlocks) throw new DmError("ENOSPC");
      return this.begin++;
    }
    let b: DmBlockT;
    try {
      b = await this.#newBlock();
    } catch (err) {
      this.#log("unable to allocate new metadata block");
      throw err;
    }
    this.threshold.check(await this.getNrFree());
    return b;
  }

  async commit(): Promise<void> {
    if (this.bootstrap) return;
    await this.ll.commit();
    this.oldLl = this.ll.clone();
    this.allocatedThisTransaction = 0;
  }

  rootSize(): number {
    if (this.bootstrap) {
      this.#log("bootstrap doesn't support root_size");
      throw new DmError("EINVAL");
    }
    return DISK_SM_ROOT_SIZE;
  }

  copyRoot(len: number): Uint8Array {
    if (this.bootstrap) {
      this.#log("bootstrap doesn't support copy_root");
      throw new DmError("EINVAL");
    }
    if (len < DISK_SM_ROOT_SIZE) throw new DmError("ENOSPC");
    return this.ll.rootBytes();
  }

  registerThresholdCallback(threshold: number, fn: DmSmThresholdFn): void {
    this.threshold.set(threshold, fn);
  }
}
