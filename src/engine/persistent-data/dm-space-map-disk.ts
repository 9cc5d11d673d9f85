/**
 * dm-space-map-disk (drivers/md/persistent-data/dm-space-map-disk.{c,h}, Linux 6.1): the space
 * map of a thin-pool's data device, kept in metadata blocks (bitmaps indexed by a btree). A
 * block is only allocated if it is free both now and in the last committed transaction
 * (`old_ll`), so a crash can always roll back.
 */

import { DmError } from "../types.ts";
import type { DmBlockT } from "./dm-block-manager.ts";
import { DISK_SM_ROOT_SIZE, LlDisk, smLlFindCommonFreeBlock } from "./dm-space-map-common.ts";
import type { DmSpaceMap } from "./dm-space-map.ts";
import type { DmTransactionManager } from "./dm-transaction-manager.ts";

/** struct sm_disk. */
export class SmDisk implements DmSpaceMap {
  ll: LlDisk;
  oldLl: LlDisk;
  begin = 0;
  nrAllocatedThisTransaction = 0;

  private constructor(tm: DmTransactionManager) {
    this.ll = new LlDisk(tm, false);
    this.oldLl = this.ll.clone();
  }

  /** dm_sm_disk_create: a space map of `nrBlocks` free blocks. */
  static async create(tm: DmTransactionManager, nrBlocks: number): Promise<SmDisk> {
    const smd = new SmDisk(tm);
    await smd.ll.create();
    await smd.ll.extend(nrBlocks);
    await smd.commit();
    return smd;
  }

  /** dm_sm_disk_open from its root (struct disk_sm_root). */
  static async open(tm: DmTransactionManager, rootLe: Uint8Array): Promise<SmDisk> {
    const smd = new SmDisk(tm);
    await smd.ll.open(rootLe);
    await smd.commit();
    return smd;
  }

  destroy(): void {}

  async extend(extraBlocks: number): Promise<void> {
    await this.ll.extend(extraBlocks);
  }

  async getNrBlocks(): Promise<number> {
    return this.oldLl.nrBlocks;
  }

  async getNrFree(): Promise<number> {
    return this.oldLl.nrBlocks - this.oldLl.nrAllocated - this.nrAllocatedThisTransaction;
  }

  async getCount(b: DmBlockT): Promise<number> {
    return this.ll.lookup(b);
  }

  async countIsMoreThanOne(b: DmBlockT): Promise<boolean> {
    return (await this.getCount(b)) > 1;
  }

  async setCount(b: DmBlockT, count: number): Promise<void> {
    this.nrAllocatedThisTransaction += await this.ll.insert(b, count);
  }

  async incBlocks(b: DmBlockT, e: DmBlockT): Promise<void> {
    this.nrAllocatedThisTransaction += await this.ll.inc(b, e);
  }

  async decBlocks(b: DmBlockT, e: DmBlockT): Promise<void> {
    this.nrAllocatedThisTransaction += await this.ll.dec(b, e);
  }

  async newBlock(): Promise<DmBlockT> {
    // free in both the old and the current ll
    let b: DmBlockT;
    try {
      b = await smLlFindCommonFreeBlock(this.oldLl, this.ll, this.begin, this.ll.nrBlocks);
    } catch (err) {
      if (!(err instanceof DmError && err.errno === "ENOSPC")) throw err;
      // search before begin in case something has been freed
      b = await smLlFindCommonFreeBlock(this.oldLl, this.ll, 0, this.begin);
    }
    this.begin = b + 1;
    this.nrAllocatedThisTransaction += await this.ll.inc(b, b + 1);
    return b;
  }

  async commit(): Promise<void> {
    await this.ll.commit();
    this.oldLl = this.ll.clone();
    this.nrAllocatedThisTransaction = 0;
  }

  rootSize(): number {
    return DISK_SM_ROOT_SIZE;
  }

  copyRoot(len: number): Uint8Array {
    if (len < DISK_SM_ROOT_SIZE) throw new DmError("ENOSPC");
    return this.ll.rootBytes();
  }
}
