/**
 * Queue limits as the block layer stacks them (Linux block/blk-settings.c, 6.1.192): what a
 * stacked device (dm) inherits from the devices under it, and the "alignment inconsistency"
 * that dm warns about when they do not line up.
 *
 * Units: every size and offset here is in bytes, as in `struct queue_limits`; `start` arguments
 * are in sectors of 512 bytes.
 */

import { defaultLimits, type QueueLimits, type Sector } from "./types.ts";

/** blk_set_default_limits, the part dm-playground models. */
export function blkSetDefaultLimits(): QueueLimits {
  return defaultLimits();
}

/** blk_set_stacking_limits: the neutral start a stacking driver combines its devices into. */
export function blkSetStackingLimits(): QueueLimits {
  return { ...blkSetDefaultLimits(), maxSectors: 0xffffffff };
}

/**
 * queue_limit_alignment_offset: how far from `lim`'s natural alignment a device area starting at
 * `sector` lies, in bytes, modulo max(physical_block_size, io_min).
 */
export function queueLimitAlignmentOffset(lim: QueueLimits, sector: Sector | bigint): number {
  const granularity = Math.max(lim.physicalBlockSize, lim.ioMin);
  const alignment = Number(BigInt(sector) % BigInt(granularity / 512)) * 512;
  return (granularity + lim.alignmentOffset - alignment) % granularity;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** lcm_not_zero: the least common multiple, or whichever of the two is not zero. */
export function lcmNotZero(a: number, b: number): number {
  if (a && b) return (a / gcd(a, b)) * b;
  return a || b;
}

/**
 * blk_stack_limits: adjust the top device's limits `t` for a bottom device `b` whose data
 * starts `start` sectors into it. Returns false where the kernel returns -1: the two do not
 * line up (t.misaligned is then set), and the caller (dm) warns.
 */
export function blkStackLimits(t: QueueLimits, b: QueueLimits, start: Sector | bigint): boolean {
  let ok = true;
  t.maxSectors = minNotZero(t.maxSectors, b.maxSectors);
  t.misaligned ||= b.misaligned;

  const alignment = queueLimitAlignmentOffset(b, start);
  // Bottom device has different alignment: check that it is compatible with the top's.
  if (t.alignmentOffset !== alignment) {
    const top = Math.max(t.physicalBlockSize, t.ioMin) + t.alignmentOffset;
    const bottom = Math.max(b.physicalBlockSize, b.ioMin) + alignment;
    if (Math.max(top, bottom) % Math.min(top, bottom) !== 0) {
      t.misaligned = true;
      ok = false;
    }
  }

  t.logicalBlockSize = Math.max(t.logicalBlockSize, b.logicalBlockSize);
  t.physicalBlockSize = Math.max(t.physicalBlockSize, b.physicalBlockSize);
  t.ioMin = Math.max(t.ioMin, b.ioMin);
  t.ioOpt = lcmNotZero(t.ioOpt, b.ioOpt);
  // Set non-power-of-2 compatible chunk_sectors boundary.
  if (b.chunkSectors) t.chunkSectors = gcd(t.chunkSectors, b.chunkSectors);

  // Physical block size a multiple of the logical block size?
  if (t.physicalBlockSize % t.logicalBlockSize !== 0) {
    t.physicalBlockSize = t.logicalBlockSize;
    t.misaligned = true;
    ok = false;
  }
  // Minimum I/O a multiple of the physical block size?
  if (t.ioMin % t.physicalBlockSize !== 0) {
    t.ioMin = t.physicalBlockSize;
    t.misaligned = true;
    ok = false;
  }
  // Optimal I/O a multiple of the physical block size?
  if (t.ioOpt % t.physicalBlockSize !== 0) {
    t.ioOpt = 0;
    t.misaligned = true;
    ok = false;
  }

  // chunk_sectors a multiple of the physical block size?
  if (t.chunkSectors % (t.physicalBlockSize / 512) !== 0) {
    t.chunkSectors = 0;
    t.misaligned = true;
    ok = false;
  }

  // Find lowest common alignment_offset.
  t.alignmentOffset =
    lcmNotZero(t.alignmentOffset, alignment) % Math.max(t.physicalBlockSize, t.ioMin);
  // Verify that the new alignment_offset is on a logical block boundary.
  if (t.alignmentOffset % t.logicalBlockSize !== 0) {
    t.misaligned = true;
    ok = false;
  }

  t.maxSectors -= t.maxSectors % (t.logicalBlockSize / 512);
  if (b.discardGranularity) {
    t.discardGranularity = Math.max(t.discardGranularity, b.discardGranularity);
  }
  return ok;
}

function minNotZero(a: number, b: number): number {
  if (a === 0) return b;
  if (b === 0) return a;
  return Math.min(a, b);
}

/** blk_limits_io_min: the preferred minimum I/O, never below a logical or physical block. */
export function blkLimitsIoMin(limits: QueueLimits, min: number): void {
  limits.ioMin = Math.max(min, limits.logicalBlockSize, limits.physicalBlockSize);
}

/** blk_limits_io_opt: the optimal I/O size, in bytes (0: none). */
export function blkLimitsIoOpt(limits: QueueLimits, opt: number): void {
  limits.ioOpt = opt;
}

/**
 * bdev_alignment_offset: what `blockdev --getalignoff` prints, in bytes; -1 when the stacked
 * limits are misaligned.
 */
export function bdevAlignmentOffset(limits: QueueLimits): number {
  return limits.misaligned ? -1 : limits.alignmentOffset;
}
