/**
 * The closed vocabularies of the block layer and device-mapper, as Linux names them.
 * Every one is a string union (readable in events, logs and tests) with a numeric code
 * for the event ring, where records are fixed-size numbers.
 */

/** 512-byte sectors, the unit of every offset and length in dm tables and bios. */
export type Sector = number;
export const SECTOR_SHIFT = 9;
export const SECTOR_SIZE = 512;

export const BIO_OPS = ["READ", "WRITE", "FLUSH", "DISCARD", "WRITE_ZEROES"] as const;
/** REQ_OP_*: what a bio asks for. */
export type BioOp = (typeof BIO_OPS)[number];

/** REQ_* flags a bio may carry. */
export const REQ_FUA = 1;
export const REQ_PREFLUSH = 2;
export type BioFlags = number;

export const BLK_STATUSES = [
  "OK",
  "NOTSUPP",
  "TIMEOUT",
  "NOSPC",
  "TRANSPORT",
  "TARGET",
  "NEXUS",
  "MEDIUM",
  "PROTECTION",
  "RESOURCE",
  "IOERR",
  "DM_REQUEUE",
  "AGAIN",
] as const;
/** blk_status_t: how a bio ended. */
export type BlkStatus = (typeof BLK_STATUSES)[number];

export const MAP_STATES = ["SUBMITTED", "REMAPPED", "REQUEUE", "DELAY_REQUEUE", "KILL"] as const;
/** DM_MAPIO_*: what a target's map decided. */
export type MapState = (typeof MAP_STATES)[number];

export const END_IO_RESULTS = ["DONE", "INCOMPLETE", "REQUEUE"] as const;
/** DM_ENDIO_*: what a target's end_io decided. */
export type EndIoResult = (typeof END_IO_RESULTS)[number];

export type StatusType = "INFO" | "TABLE" | "IMA";

/** Errno values the dm ioctl interface and targets return, with their strerror text. */
export const ERRNO = {
  EPERM: [1, "Operation not permitted"],
  ENOENT: [2, "No such file or directory"],
  EIO: [5, "Input/output error"],
  ENXIO: [6, "No such device or address"],
  E2BIG: [7, "Argument list too long"],
  ENOEXEC: [8, "Exec format error"],
  EAGAIN: [11, "Resource temporarily unavailable"],
  ENOMEM: [12, "Cannot allocate memory"],
  EACCES: [13, "Permission denied"],
  EFAULT: [14, "Bad address"],
  ENOTBLK: [15, "Block device required"],
  EBUSY: [16, "Device or resource busy"],
  EEXIST: [17, "File exists"],
  ENODEV: [19, "No such device"],
  ENOTDIR: [20, "Not a directory"],
  EINVAL: [22, "Invalid argument"],
  EFBIG: [27, "File too large"],
  ENOSPC: [28, "No space left on device"],
  EROFS: [30, "Read-only file system"],
  ERANGE: [34, "Numerical result out of range"],
  ENODATA: [61, "No data available"],
  EILSEQ: [84, "Invalid or incomplete multibyte or wide character"],
  EOPNOTSUPP: [95, "Operation not supported"],
  EOVERFLOW: [75, "Value too large for defined data type"],
  ENOTSUPP: [524, "Unknown error 524"],
} as const satisfies Record<string, readonly [number, string]>;
export type Errno = keyof typeof ERRNO;

export function strerror(e: Errno): string {
  return ERRNO[e][1];
}

/** An error carrying an errno, as a kernel function returns -EINVAL. */
export class DmError extends Error {
  constructor(
    readonly errno: Errno,
    message: string = strerror(errno),
  ) {
    super(message);
    this.name = "DmError";
  }
}

export const dev = (major: number, minor: number): number => major * 0x100000 + minor;
export const devMajor = (d: number): number => Math.floor(d / 0x100000);
export const devMinor = (d: number): number => d % 0x100000;

/**
 * Block-device queue limits a target can adjust in io_hints (struct queue_limits, 6.1). Sizes
 * and offsets in bytes, `max*Sectors` in sectors of 512 bytes, as the kernel keeps them; sysfs'
 * queue/ directory prints them (block/blk-sysfs.c).
 */
export interface QueueLimits {
  logicalBlockSize: number;
  physicalBlockSize: number;
  ioMin: number;
  ioOpt: number;
  /** Soft limit on a request's size, sectors (max_sectors_kb = maxSectors / 2). */
  maxSectors: number;
  /** Hard limit the driver set, sectors (max_hw_sectors_kb). */
  maxHwSectors: number;
  /** Limit the device itself imposes, sectors (0: none; stacking drivers start at UINT_MAX). */
  maxDevSectors: number;
  maxSegments: number;
  maxDiscardSegments: number;
  maxIntegritySegments: number;
  /** Bytes. */
  maxSegmentSize: number;
  virtBoundaryMask: number;
  /** A data buffer's address must be a multiple of dmaAlignment + 1 bytes. */
  dmaAlignment: number;
  /** Bytes a discard should be a multiple of (0 with no discard support). */
  discardGranularity: number;
  /** Bytes from the device's start to its first aligned discard granule. */
  discardAlignment: number;
  discardMisaligned: boolean;
  /** Largest discard the block layer sends (discard_max_bytes / 512), sectors; 0: no discard. */
  maxDiscardSectors: number;
  /** Largest discard the device takes (discard_max_hw_bytes / 512), sectors. */
  maxHwDiscardSectors: number;
  /** Largest REQ_OP_WRITE_ZEROES, sectors (0: none). */
  maxWriteZeroesSectors: number;
  maxSecureEraseSectors: number;
  /** Bytes from the device's start to its first naturally aligned block (alignment_offset). */
  alignmentOffset: number;
  /** Set when stacking found limits that do not line up (queue_limits.misaligned). */
  misaligned: boolean;
  /** Sectors no bio may cross a multiple of (chunk_sectors; 0: none). */
  chunkSectors: number;
}

/** BLK_SAFE_MAX_SECTORS: what blk_set_default_limits gives a queue's max_sectors. */
export const BLK_SAFE_MAX_SECTORS = 255;
/** BLK_DEF_MAX_SECTORS (6.1): the cap blk_queue_max_hw_sectors puts on max_sectors. */
export const BLK_DEF_MAX_SECTORS = 2560;
export const UINT_MAX = 0xffffffff;

/** blk_set_default_limits (block/blk-settings.c, 6.1). */
export function defaultLimits(): QueueLimits {
  return {
    logicalBlockSize: 512,
    physicalBlockSize: 512,
    ioMin: 512,
    ioOpt: 0,
    maxSectors: BLK_SAFE_MAX_SECTORS,
    maxHwSectors: BLK_SAFE_MAX_SECTORS,
    maxDevSectors: 0,
    maxSegments: 128,
    maxDiscardSegments: 1,
    maxIntegritySegments: 0,
    maxSegmentSize: 65536,
    virtBoundaryMask: 0,
    dmaAlignment: 511,
    discardGranularity: 0,
    discardAlignment: 0,
    discardMisaligned: false,
    maxDiscardSectors: 0,
    maxHwDiscardSectors: 0,
    maxWriteZeroesSectors: 0,
    maxSecureEraseSectors: 0,
    alignmentOffset: 0,
    misaligned: false,
    chunkSectors: 0,
  };
}
