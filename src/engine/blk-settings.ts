/**
 * Queue limits as the block layer stacks them (Linux block/blk-settings.c, 6.1.192): what a
 * stacked device (dm) inherits from the devices under it, and the "alignment inconsistency"
 * that dm warns about when they do not line up.
 *
 * Units: every size and offset here is in bytes, as in `struct queue_limits`; `start` arguments
 * are in sectors of 512 bytes.
 */

import {
  BLK_DEF_MAX_SECTORS,
  defaultLimits,
  UINT_MAX,
  type QueueLimits,
  type Sector,
} from "./types.ts";

const USHRT_MAX = 0xffff;
const PAGE_SECTORS = 4096 / 512;

/** blk_set_default_limits, the part dm-playground models. */
export function blkSetDefaultLimits(): QueueLimits {
  return defaultLimits();
}

/** blk_set_stacking_limits: the neutral start a stacking driver combines its devices into. */
export function blkSetStackingLimits(): QueueLimits {
  return {
    ...blkSetDefaultLimits(),
    // Inherit limits from component devices.
    maxSegments: USHRT_MAX,
    maxDiscardSegments: USHRT_MAX,
    maxHwSectors: UINT_MAX,
    maxSegmentSize: UINT_MAX,
    maxSectors: UINT_MAX,
    maxDevSectors: UINT_MAX,
    maxWriteZeroesSectors: UINT_MAX,
  };
}

/**
 * blk_queue_max_hw_sectors: a driver's hard limit, in sectors; max_sectors follows it, capped at
 * BLK_DEF_MAX_SECTORS (loop sets BLK_DEF_MAX_SECTORS: 1280 KiB in max_sectors_kb).
 */
export function blkQueueMaxHwSectors(lim: QueueLimits, maxHwSectors: number): void {
  const lbs = lim.logicalBlockSize / 512;
  let hw = Math.max(maxHwSectors, PAGE_SECTORS);
  hw -= hw % lbs;
  lim.maxHwSectors = hw;
  let max = Math.min(minNotZero(hw, lim.maxDevSectors), BLK_DEF_MAX_SECTORS);
  max -= max % lbs;
  lim.maxSectors = max;
}

/** blk_queue_max_discard_sectors: the device's discard limit, in sectors (0: no discard). */
export function blkQueueMaxDiscardSectors(lim: QueueLimits, sectors: number): void {
  lim.maxHwDiscardSectors = sectors;
  lim.maxDiscardSectors = sectors;
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
  t.maxHwSectors = minNotZero(t.maxHwSectors, b.maxHwSectors);
  t.maxDevSectors = minNotZero(t.maxDevSectors, b.maxDevSectors);
  t.maxWriteZeroesSectors = Math.min(t.maxWriteZeroesSectors, b.maxWriteZeroesSectors);
  t.virtBoundaryMask = minNotZero(t.virtBoundaryMask, b.virtBoundaryMask);
  t.maxSegments = minNotZero(t.maxSegments, b.maxSegments);
  t.maxDiscardSegments = minNotZero(t.maxDiscardSegments, b.maxDiscardSegments);
  t.maxIntegritySegments = minNotZero(t.maxIntegritySegments, b.maxIntegritySegments);
  t.maxSegmentSize = minNotZero(t.maxSegmentSize, b.maxSegmentSize);
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
  t.dmaAlignment = Math.max(t.dmaAlignment, b.dmaAlignment);
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

  t.maxSectors = blkRoundDownSectors(t.maxSectors, t.logicalBlockSize);
  t.maxHwSectors = blkRoundDownSectors(t.maxHwSectors, t.logicalBlockSize);
  t.maxDevSectors = blkRoundDownSectors(t.maxDevSectors, t.logicalBlockSize);

  // Discard alignment and granularity.
  if (b.discardGranularity) {
    const dalign = queueLimitDiscardAlignment(b, start);
    if (t.discardGranularity !== 0 && t.discardAlignment !== dalign) {
      const top = t.discardGranularity + t.discardAlignment;
      const bottom = b.discardGranularity + dalign;
      // Verify that top and bottom intervals line up.
      if (Math.max(top, bottom) % Math.min(top, bottom) !== 0) t.discardMisaligned = true;
    }
    t.maxDiscardSectors = minNotZero(t.maxDiscardSectors, b.maxDiscardSectors);
    t.maxHwDiscardSectors = minNotZero(t.maxHwDiscardSectors, b.maxHwDiscardSectors);
    t.discardGranularity = Math.max(t.discardGranularity, b.discardGranularity);
    t.discardAlignment = lcmNotZero(t.discardAlignment, dalign) % t.discardGranularity;
  }
  t.maxSecureEraseSectors = minNotZero(t.maxSecureEraseSectors, b.maxSecureEraseSectors);
  return ok;
}

/** blk_round_down_sectors: whole logical blocks, never below a page. */
function blkRoundDownSectors(sectors: number, lbs: number): number {
  const n = sectors - (sectors % (lbs / 512));
  return n < PAGE_SECTORS ? PAGE_SECTORS : n;
}

/**
 * queue_limit_discard_alignment: how far from `lim`'s discard granule a device area starting at
 * `sector` lies, in bytes (0 when the device does not discard).
 */
function queueLimitDiscardAlignment(lim: QueueLimits, sector: Sector | bigint): number {
  if (!lim.maxDiscardSectors) return 0;
  const alignment = Math.floor(lim.discardAlignment / 512);
  const granularity = Math.floor(lim.discardGranularity / 512);
  if (!granularity) return 0;
  const offset = Number(BigInt(sector) % BigInt(granularity));
  return ((granularity + alignment - offset) % granularity) * 512;
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
