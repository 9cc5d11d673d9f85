/**
 * dm-space-map (drivers/md/persistent-data/dm-space-map.h, Linux 6.1): the interface of a
 * space map, which counts the references to each block of a device and must be fixed on disk
 * as part of a transaction. Implemented by the disk space map (data blocks, dm-space-map-disk.ts)
 * and the metadata space map (dm-space-map-metadata.ts). Every method may do I/O.
 */

import type { DmBlockT } from "./dm-block-manager.ts";

/** dm_sm_threshold_fn. */
export type DmSmThresholdFn = () => void;

/** struct dm_space_map. Errors reject with DmError (errno as Linux returns it). */
export interface DmSpaceMap {
  destroy(): void;
  /** You must commit before allocating the newly added space. */
  extend(extraBlocks: number): Promise<void>;
  getNrBlocks(): Promise<number>;
  /** Blocks available for allocation now (freed blocks come back after the next commit). */
  getNrFree(): Promise<number>;
  getCount(b: DmBlockT): Promise<number>;
  countIsMoreThanOne(b: DmBlockT): Promise<boolean>;
  setCount(b: DmBlockT, count: number): Promise<void>;
  commit(): Promise<void>;
  /** One more reference to each block of [b, e). */
  incBlocks(b: DmBlockT, e: DmBlockT): Promise<void>;
  /** One reference less to each block of [b, e). */
  decBlocks(b: DmBlockT, e: DmBlockT): Promise<void>;
  /** A free block, its count set to 1. ENOSPC when none. */
  newBlock(): Promise<DmBlockT>;
  rootSize(): number;
  /** The root (struct disk_sm_root, little-endian), `len` bytes. */
  copyRoot(len: number): Uint8Array;
  registerThresholdCallback?(threshold: number, fn: DmSmThresholdFn): void;
}

export const dmSmIncBlock = (sm: DmSpaceMap, b: DmBlockT): Promise<void> => sm.incBlocks(b, b + 1);
export const dmSmDecBlock = (sm: DmSpaceMap, b: DmBlockT): Promise<void> => sm.decBlocks(b, b + 1);
