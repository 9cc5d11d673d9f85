/**
 * Block devices: a namespace with Linux numbering, and the brd RAM disk.
 *
 * Numbering as Linux has it: RAM disks are major 1, minor N (`ram0` is 1:0); device-mapper
 * devices are major 254 and take the lowest free minor (`dm-0` is 254:0).
 */

import type { Bio, BioTarget } from "./bio.ts";
import { SparseDisk, type DiskStoreHandle, type Storage } from "./storage.ts";
import {
  dev,
  defaultLimits,
  REQ_FUA,
  REQ_PREFLUSH,
  type QueueLimits,
  type Sector,
} from "./types.ts";
import type { VolatileWriteCache } from "./writecache.ts";

export const RAMDISK_MAJOR = 1;
export const DM_MAJOR = 254;

/** What a block device does with a bio addressed to it (submit_bio for that disk). */
export interface BioSink {
  submitBio(bio: Bio): void;
}

export abstract class BlockDevice implements BioTarget {
  readonly major: number;
  readonly minor: number;
  readonly dev: number;
  /** The kernel's disk name: "ram0", "dm-0". */
  name: string;
  readOnly = false;
  /** Opens by processes and by holders (tables that use this device). */
  openCount = 0;
  /** Tables of mapped devices that hold this device (bd_holder_dir). */
  readonly holders = new Set<BlockDevice>();
  limits: QueueLimits = defaultLimits();
  /** disk->diskseq: which disk this is since boot (sysfs' diskseq, uevent's DISKSEQ). */
  diskseq = 0;
  /** QUEUE_FLAG_NONROT: not a spinning disk (queue/rotational shows 0). */
  nonrot = false;
  /** QUEUE_FLAG_WC: a volatile write cache flushes are sent for (queue/write_cache). */
  writeCache = false;
  /** QUEUE_FLAG_FUA: REQ_FUA reaches the device as such (queue/fua). */
  fua = false;
  /**
   * Bumped for every write, discard or write-zeroes bio submitted to this device: pages a
   * buffered reader kept are valid only while it is unchanged (see shell/blockio.ts).
   */
  /** Read-ahead in 512-byte sectors (BLKRAGET / BLKRASET; 128 KiB by default). */
  readAhead = 256;
  writeGeneration = 0;
  /**
   * The write side of the device's page cache (its bdev inode's address_space): blocks a
   * buffered write dirtied and nothing has written back yet, by byte offset. They reach the
   * device at the last close, sync, BLKFLSBUF, fsync, or before O_DIRECT I/O to their range
   * (see shell/blockio.ts `syncBlockdev`).
   */
  readonly dirty = new Map<number, Uint8Array>();

  constructor(major: number, minor: number, name: string) {
    this.major = major;
    this.minor = minor;
    this.dev = dev(major, minor);
    this.name = name;
  }

  /** "major:minor". */
  get devName(): string {
    return `${this.major}:${this.minor}`;
  }

  abstract get sizeSectors(): Sector;

  /** Handle a bio addressed to this device; the core has already checked it is in range. */
  abstract handleBio(bio: Bio): void;
}

/** brd: a RAM disk backed by sparse shared storage. */
export class RamDisk extends BlockDevice {
  readonly disk: SparseDisk;
  readonly #sectors: Sector;
  /** Virtual nanoseconds each bio takes (0: completes inline, the fast path). */
  latency = 0;
  #schedule: (delay: number, fn: () => void) => void;

  constructor(
    minor: number,
    sizeSectors: Sector,
    storage: Storage,
    schedule: (delay: number, fn: () => void) => void,
    handle?: DiskStoreHandle,
  ) {
    super(RAMDISK_MAJOR, minor, `ram${minor}`);
    this.#sectors = sizeSectors;
    this.disk = new SparseDisk(storage, sizeSectors * 512, handle);
    this.#schedule = schedule;
    // brd_alloc: blk_queue_physical_block_size(PAGE_SIZE), QUEUE_FLAG_NONROT.
    this.limits = { ...defaultLimits(), physicalBlockSize: 4096, ioMin: 4096 };
    this.nonrot = true;
  }

  get sizeSectors(): Sector {
    return this.#sectors;
  }

  /**
   * The volatile write cache (writecache.ts), dm-playground's own disk option (`diskcache`):
   * null, the default and brd's way, writes straight to the disk's memory.
   */
  cache: VolatileWriteCache | null = null;
  /**
   * The cache's per-chunk count of sectors not yet durable, shared with the page (writecache.ts);
   * made when the cache is first turned on, kept (zeroed) while it is off.
   */
  cacheDirty: SharedArrayBuffer | undefined = undefined;

  handleBio(bio: Bio): void {
    if (this.cache) {
      this.#handleCached(bio, this.cache);
      return;
    }
    const off = bio.sector * 512;
    switch (bio.op) {
      case "READ":
        if (bio.data) this.disk.read(off, bio.data);
        break;
      case "WRITE":
        if (bio.data) this.disk.write(off, bio.data);
        break;
      case "DISCARD":
      case "WRITE_ZEROES":
        this.disk.zero(off, bio.sectors * 512);
        break;
      case "FLUSH":
        break;
    }
    if (this.latency === 0) bio.end("OK");
    else this.#schedule(this.latency, () => bio.end("OK"));
  }

  /** A bio through the write cache: PREFLUSH first, then the op (FUA writes through). */
  #handleCached(bio: Bio, cache: VolatileWriteCache): void {
    if (bio.flags & REQ_PREFLUSH || bio.op === "FLUSH") cache.flush();
    switch (bio.op) {
      case "READ":
        if (bio.data) cache.read(bio.sector, bio.data);
        break;
      case "WRITE":
        if (bio.data && bio.sectors > 0)
          cache.write(bio.sector, bio.data, (bio.flags & REQ_FUA) !== 0);
        break;
      case "DISCARD":
      case "WRITE_ZEROES":
        cache.zero(bio.sector, bio.sectors);
        break;
      case "FLUSH":
        break;
    }
    if (this.latency === 0) bio.end("OK");
    else this.#schedule(this.latency, () => bio.end("OK"));
  }
}

/**
 * set_init_blocksize (block/bdev.c): the block size of the device's page cache when it is
 * opened, in bytes. The largest power of two from the logical block size up to 4096 (PAGE_SIZE)
 * that divides the device's size. Buffered writes reach the device one bio per such block
 * (block_write_full_page submits one buffer_head at a time).
 */
export function initBlockSize(bdev: BlockDevice): number {
  const size = bdev.sizeSectors * 512;
  let bsize = bdev.limits.logicalBlockSize;
  while (bsize < 4096) {
    if (size % (bsize * 2) !== 0) break;
    bsize *= 2;
  }
  return bsize;
}
