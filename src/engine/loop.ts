/**
 * The loop block driver (drivers/block/loop.c): /dev/loopN (major 7) reads and writes a regular
 * file (shmem.ts), from `offset` bytes into it and for at most `sizelimit` bytes, as the
 * tutorials' `losetup -f --show disk.img` gives. `LoopControl` is /dev/loop-control and the
 * LOOP_* ioctls losetup uses: LOOP_CTL_GET_FREE, LOOP_CONFIGURE, LOOP_CLR_FD, LOOP_GET_STATUS64.
 *
 *     e.loop.load();                                   // modprobe loop: loop0..loop7
 *     const lo = e.loop.getFree();                     // losetup -f
 *     e.loop.configure(lo, file, { offset: 0 });       // losetup /dev/loop0 disk.img
 *     e.loop.clear(lo);                                // losetup -d /dev/loop0
 *
 * Errors are DmErrors with the ioctl's errno: EBUSY (configure a bound device), ENXIO (clear or
 * query an unbound one), EINVAL (offset or sizelimit not a multiple of 512... as 6.1 checks).
 */

import type { Bio } from "./bio.ts";
import { BlockDevice } from "./blockdev.ts";
import type { ShmemFile } from "./shmem.ts";
import { blkQueueMaxDiscardSectors, blkQueueMaxHwSectors } from "./blk-settings.ts";
import { BLK_DEF_MAX_SECTORS, DmError, SECTOR_SIZE, UINT_MAX, type Sector } from "./types.ts";

export const LOOP_MAJOR = 7;
/** CONFIG_BLK_DEV_LOOP_MIN_COUNT on Debian: devices `modprobe loop` creates. */
export const LOOP_MIN_COUNT = 8;
/** Minors this project hands out at most (Linux: 1 << MINORBITS). */
const MAX_LOOP = 1 << 20;

export interface LoopConfig {
  /** Bytes into the file where the device starts (lo_offset). */
  offset?: number;
  /** Bytes of the file the device may use, 0: to the end (lo_sizelimit). */
  sizelimit?: number;
  /** LO_FLAGS_READ_ONLY. */
  readOnly?: boolean;
  /** LO_FLAGS_AUTOCLEAR: detach when the last opener closes. */
  autoclear?: boolean;
  /** lo_inode: the file's inode number, as LOOP_GET_STATUS64 reports it. */
  inode?: number;
}

/** One loop device (struct loop_device). */
export class LoopDevice extends BlockDevice {
  /** lo_backing_file: null while unbound (Lo_unbound). */
  file: ShmemFile | null = null;
  /** lo_file_name: the path given at setup, as sysfs' loop/backing_file shows it. */
  fileName = "";
  offset = 0;
  sizelimit = 0;
  autoclear = false;
  /** lo_inode of the bound file. */
  inode = 0;
  /** The capacity set at configure (or LOOP_SET_CAPACITY), in sectors. */
  #sectors: Sector = 0;
  /** Virtual nanoseconds each bio takes (the engine's RAM disk latency: 0 headless). */
  latency = 0;
  readonly #schedule: (delay: number, fn: () => void) => void;

  constructor(minor: number, schedule: (delay: number, fn: () => void) => void) {
    super(LOOP_MAJOR, minor, `loop${minor}`);
    this.#schedule = schedule;
    // loop's queue: 512-byte logical and physical blocks (LOG-SEC 512), as losetup -l shows;
    // loop_add: blk_queue_max_hw_sectors(BLK_DEF_MAX_SECTORS).
    this.limits = { ...this.limits, physicalBlockSize: 512, ioMin: 512 };
    blkQueueMaxHwSectors(this.limits, BLK_DEF_MAX_SECTORS);
  }

  /**
   * What loop_configure sets on the queue for a file on tmpfs: a write cache unless read-only,
   * not rotational (tmpfs has no s_bdev), discards by punching holes (loop_config_discard:
   * granularity f_bsize 4096, UINT_MAX >> 9 sectors, write-zeroes the same).
   */
  configureQueue(): void {
    this.writeCache = !this.readOnly;
    this.nonrot = true;
    this.limits.discardGranularity = 4096;
    blkQueueMaxDiscardSectors(this.limits, UINT_MAX >>> 9);
    this.limits.maxWriteZeroesSectors = UINT_MAX >>> 9;
  }

  get bound(): boolean {
    return this.file !== null;
  }

  /** sysfs' loop/backing_file: the file's path (d_path), " (deleted)" once it is unlinked. */
  get backingFile(): string {
    return this.file?.unlinked ? `${this.fileName} (deleted)` : this.fileName;
  }

  /**
   * The device's size in sectors: fixed when the file was bound, as in Linux (a file that grows
   * later changes nothing until `losetup -c`, LOOP_SET_CAPACITY); 0 unbound.
   */
  get sizeSectors(): Sector {
    return this.file ? this.#sectors : 0;
  }

  /** get_size: (file size - offset), capped at sizelimit, in whole sectors. */
  setCapacity(): void {
    const f = this.file;
    let bytes = f ? f.size - this.offset : 0;
    if (bytes < 0) bytes = 0;
    if (this.sizelimit > 0 && this.sizelimit < bytes) bytes = this.sizelimit;
    this.#sectors = Math.floor(bytes / SECTOR_SIZE);
  }

  /** loop_queue_rq + do_req_filebacked: the bio's bytes go to or come from the file. */
  handleBio(bio: Bio): void {
    const f = this.file;
    if (!f) {
      bio.end("IOERR");
      return;
    }
    const pos = this.offset + bio.sector * SECTOR_SIZE;
    switch (bio.op) {
      case "READ":
        // Past the end of the file reads zeros (lo_read_simple zero-fills a short read).
        if (bio.data) f.read(pos, bio.data);
        break;
      case "WRITE":
        if (bio.data) f.write(pos, bio.data);
        break;
      case "DISCARD":
      case "WRITE_ZEROES":
        // lo_fallocate: FALLOC_FL_PUNCH_HOLE (tmpfs supports it).
        f.zero(pos, Math.min(bio.sectors * SECTOR_SIZE, Math.max(0, f.size - pos)));
        break;
      case "FLUSH":
        break;
    }
    if (this.latency === 0) bio.end("OK");
    else this.#schedule(this.latency, () => bio.end("OK"));
  }
}

/** What LoopControl needs from the engine. */
export interface LoopHost {
  readonly devices: Map<number, BlockDevice>;
  readonly ramDiskLatency: number;
  /** inc_diskseq: a new disk or a media change takes the next disk sequence number. */
  nextDiskseq(): number;
  schedule(delay: number, fn: () => void): void;
  log(level: "info" | "warn" | "err", text: string): void;
  /** A loop device got a file (a disk of `sizeSectors` appears) or lost it (it goes). */
  diskEvent(d: LoopDevice, present: boolean): void;
}

/** The loop module and /dev/loop-control. */
export class LoopControl {
  readonly #host: LoopHost;
  readonly #devices = new Map<number, LoopDevice>();
  loaded = false;

  constructor(host: LoopHost) {
    this.#host = host;
  }

  /** Loop devices by minor order. */
  list(): LoopDevice[] {
    this.#autoclear();
    return [...this.#devices.values()].sort((a, b) => a.minor - b.minor);
  }

  get(minor: number): LoopDevice | undefined {
    return this.#devices.get(minor);
  }

  /** max_loop when the module was loaded with it (loop_probe then makes no device past it). */
  #maxLoop: number | null = null;

  /** modprobe loop [max_loop=N]: N devices (LOOP_MIN_COUNT by default). Again: nothing. */
  load(count?: number): void {
    if (this.loaded) return;
    this.loaded = true;
    this.#maxLoop = count ?? null;
    count ??= LOOP_MIN_COUNT;
    for (let i = 0; i < count; i++) this.add(i);
    this.#host.log("info", "loop: module loaded");
  }

  /** rmmod loop: EBUSY while a device is bound or open. */
  unload(): void {
    if ([...this.#devices.values()].some((d) => d.bound || d.openCount > 0))
      throw new DmError("EBUSY");
    for (const d of this.#devices.values()) this.#host.devices.delete(d.dev);
    this.#devices.clear();
    this.loaded = false;
  }

  /**
   * loop_probe (blk_request_module for 7:N, part_shift 0): opening a loop device number that
   * does not exist makes it, unless max_loop was given and N is not below it.
   */
  probe(minor: number): LoopDevice | undefined {
    if (!this.loaded || minor >= MAX_LOOP) return undefined;
    if (this.#maxLoop && minor >= this.#maxLoop) return undefined;
    return this.#devices.get(minor) ?? this.add(minor);
  }

  /** LOOP_CTL_ADD: a new device with this minor (EEXIST if there is one). */
  add(minor: number): LoopDevice {
    if (this.#devices.has(minor)) throw new DmError("EEXIST");
    if (minor < 0 || minor >= MAX_LOOP) throw new DmError("EINVAL");
    const d = new LoopDevice(minor, (delay, fn) => this.#host.schedule(delay, fn));
    d.latency = this.#host.ramDiskLatency;
    d.diskseq = this.#host.nextDiskseq();
    this.#devices.set(minor, d);
    this.#host.devices.set(d.dev, d);
    return d;
  }

  /** LOOP_CTL_GET_FREE: the first unbound device, or a new one after the highest minor. */
  getFree(): LoopDevice {
    if (!this.loaded) throw new DmError("ENODEV");
    for (const d of this.list()) if (!d.bound) return d;
    let minor = 0;
    while (this.#devices.has(minor)) minor++;
    return this.add(minor);
  }

  /**
   * LOOP_CONFIGURE: bind `file`. EBUSY when already bound; EINVAL for an offset or sizelimit
   * that is negative or not a whole number of bytes.
   */
  configure(d: LoopDevice, file: ShmemFile, path: string, cfg: LoopConfig = {}): void {
    if (d.bound) throw new DmError("EBUSY");
    const offset = cfg.offset ?? 0;
    const sizelimit = cfg.sizelimit ?? 0;
    if (!Number.isSafeInteger(offset) || offset < 0) throw new DmError("EINVAL");
    if (!Number.isSafeInteger(sizelimit) || sizelimit < 0) throw new DmError("EINVAL");
    file.open();
    d.file = file;
    d.fileName = path;
    d.offset = offset;
    d.sizelimit = sizelimit;
    d.readOnly = cfg.readOnly ?? false;
    d.autoclear = cfg.autoclear ?? false;
    d.inode = cfg.inode ?? 0;
    d.configureQueue();
    // disk_force_media_change.
    d.diskseq = this.#host.nextDiskseq();
    d.setCapacity();
    this.#host.diskEvent(d, true);
  }

  /** LOOP_SET_CAPACITY (losetup -c): the size follows the file again. ENXIO unbound. */
  setCapacity(d: LoopDevice): void {
    if (!d.bound) throw new DmError("ENXIO");
    d.setCapacity();
    this.#host.diskEvent(d, true);
  }

  /**
   * LOOP_CLR_FD: detach. ENXIO when unbound. A device someone still holds (a dm table) is only
   * marked autoclear, and detached when they let go (6.1: "losetup -d" of a busy device
   * succeeds lazily).
   */
  clear(d: LoopDevice): void {
    if (!d.bound) throw new DmError("ENXIO");
    if (d.openCount > 0) {
      d.autoclear = true;
      return;
    }
    this.#detach(d);
  }

  #detach(d: LoopDevice): void {
    this.#host.diskEvent(d, false);
    d.file?.close();
    d.file = null;
    d.fileName = "";
    d.offset = 0;
    d.sizelimit = 0;
    d.autoclear = false;
    d.readOnly = false;
    // __loop_clr_fd: the write cache goes; the discard limits and rotational flag stay; the
    // media changed.
    d.writeCache = false;
    d.diskseq = this.#host.nextDiskseq();
  }

  /** lo_release: an autoclear device nobody holds any more is detached. */
  #autoclear(): void {
    for (const d of this.#devices.values())
      if (d.bound && d.autoclear && d.openCount === 0) this.#detach(d);
  }

  /** Let go of autoclear devices now (called after a table released its devices). */
  release(): void {
    this.#autoclear();
  }
}

/** The device a path's loop number names, if it is a loop device. */
export function isLoopDevice(b: BlockDevice | undefined | null): b is LoopDevice {
  return b instanceof LoopDevice;
}
