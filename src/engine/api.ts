/**
 * The public target API: exactly what a user target module gets from
 * `import { ... } from "dm-playground"`, and nothing else. Built-in targets use the same
 * functions and types (src/engine/target.ts, bio.ts, types.ts); this file only chooses what is
 * public. A module can import nothing but this (module.ts refuses any other specifier).
 *
 *     import { defineTarget, ctrError, parseU64, type DmDev } from "dm-playground";
 *
 * Values: defineTarget, ctrError, parseU64, parseU64Exact, parseU32, kstrtouint, DmError,
 * TargetCtrError, the closed vocabularies (MAP_STATES, END_IO_RESULTS, BLK_STATUSES, BIO_OPS), the
 * request flags (REQ_FUA, REQ_PREFLUSH), SECTOR_SIZE / SECTOR_SHIFT, the virtual-time units
 * (NS_PER_US, NS_PER_MS, NS_PER_SEC) and strerror.
 * Types: TargetType (struct target_type / Rust TargetOperations), Target (struct dm_target), Bio,
 * DmDev (struct dm_dev), MapState, EndIoResult, BlkStatus, BioOp, Sector, StatusType,
 * QueueLimits, Errno, TargetFeatures.
 */

export {
  defineTarget,
  ctrError,
  parseU64,
  parseU64Exact,
  parseU32,
  kstrtouint,
  TargetCtrError,
  type Target,
  type TargetType,
  type TargetFeatures,
  type DmDev,
} from "./target.ts";
export type { Bio } from "./bio.ts";
// Metadata I/O (docs/targets.md, "Metadata I/O"): t.dmIo / t.dmIoAsync / t.bufio /
// t.getMappedDevice are methods of Target; these are their errors and shapes.
export { DmIoError, type DmIoRegion, type DmIoRequest, type DmIoOp } from "./dm-io.ts";
export type { DmBufioClient, DmBuffer, DmBufioOptions } from "./dm-bufio.ts";
export type { MappedDeviceRef } from "./target.ts";
export {
  DmError,
  strerror,
  MAP_STATES,
  END_IO_RESULTS,
  BLK_STATUSES,
  BIO_OPS,
  REQ_FUA,
  REQ_PREFLUSH,
  SECTOR_SIZE,
  SECTOR_SHIFT,
  type MapState,
  type EndIoResult,
  type BlkStatus,
  type BioOp,
  type Sector,
  type StatusType,
  type QueueLimits,
  type Errno,
} from "./types.ts";
export { NS_PER_US, NS_PER_MS, NS_PER_SEC } from "./clock.ts";

/** The specifier user modules import the API by. */
export const API_SPECIFIER = "dm-playground";
