/**
 * The dirty region log (drivers/md/dm-log.c, Debian 6.1.192): which regions of a mirror may
 * differ between its legs. Two types, as Linux registers them: `core` keeps the bits in memory
 * (every region is out of sync again after a restart), `disk` keeps the clean bits on a log
 * device, so a mirror that was in sync stays in sync over a reload.
 *
 * Table arguments (after the log type): `core <#args> <region_size> [sync|nosync]`,
 * `disk <#args> <log_dev> <region_size> [sync|nosync]`; region_size in sectors (512 bytes), a
 * power of two from 2 up to the target's length.
 *
 * The disk log's layout (bytes, little-endian): at sector 0 the header { magic u32 0x4D695272
 * ("rRiM" on disk), version u32 2, nr_regions u64 }, zero to 1 KiB (LOG_OFFSET = 2 sectors),
 * then the clean bits (bit i set: region i clean), in unsigned longs (64 regions each), the
 * whole rounded up to the log device's logical block size. The header and bits are written in
 * one dm_io (`rw_header`), followed by a flush when a region was marked dirty.
 *
 * Errors in ctr are the kernel's DMWARN lines (`device-mapper: dirty region log: ...`); the
 * mirror then says "Error creating mirror dirty log".
 */

import { DmError, REQ_PREFLUSH, type Sector } from "./types.ts";
import type { DmDev, Target } from "./target.ts";

/** MIRROR_MAGIC, MIRROR_DISK_VERSION, LOG_OFFSET (sectors). */
export const MIRROR_MAGIC = 0x4d695272;
export const MIRROR_DISK_VERSION = 2;
const LOG_OFFSET = 2;
const BITS_PER_LONG = 64;

export type LogSync = "DEFAULTSYNC" | "NOSYNC" | "FORCESYNC";

/** struct dm_dirty_log with its type's operations (dm-dirty-log.h). */
export interface DmDirtyLog {
  readonly typeName: "core" | "disk";
  readonly regionSize: Sector;
  readonly regionCount: number;
  isClean(region: number): boolean;
  inSync(region: number): boolean;
  /** Write the clean bits out (disk): a Promise that rejects (EIO) when the log device fails. */
  flush(): Promise<void>;
  markRegion(region: number): void;
  clearRegion(region: number): void;
  /** The next region to resync, or null. */
  getResyncWork(): number | null;
  setRegionSync(region: number, inSync: boolean): void;
  getSyncCount(): number;
  /** disk: the header and bits read back and written (resume); core: the search restarts. */
  resume(): Promise<void>;
  /** disk: flush on suspend. */
  postsuspend(): Promise<void>;
  status(type: "INFO" | "TABLE"): string;
  dtr(): void;
  /** For views: the clean and sync bit of every region. */
  snapshotBits(): { clean: boolean[]; sync: boolean[]; recovering: boolean[] };
}

/** dm_dirty_log_create's failure: the DMWARN line was logged; the mirror sets ti->error. */
export class DirtyLogError extends DmError {}

function warn(t: Target, text: string): never {
  t.logLine("warn", `device-mapper: dirty region log: ${text}`);
  throw new DirtyLogError("EINVAL");
}

/** sscanf("%u%c") == 1 (with the kernel's wrap of a too-large or negative value). */
function scanU32(s: string): number | null {
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffn;
  if (m[1] === "-") v = (0x100000000n - v) & 0xffffffffn;
  return Number(v);
}

class Bitset {
  readonly bits: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bits = bytes;
  }
  test(i: number): boolean {
    return ((this.bits[i >> 3]! >> (i & 7)) & 1) === 1;
  }
  set(i: number): void {
    this.bits[i >> 3] = this.bits[i >> 3]! | (1 << (i & 7));
  }
  clear(i: number): void {
    this.bits[i >> 3] = this.bits[i >> 3]! & ~(1 << (i & 7));
  }
  weight(): number {
    let n = 0;
    for (const b of this.bits) for (let x = b; x; x &= x - 1) n++;
    return n;
  }
}

/** struct log_c: the core log, and the disk log's in-memory half. */
class CoreLog implements DmDirtyLog {
  readonly typeName: "core" | "disk" = "core";
  readonly t: Target;
  readonly regionSize: Sector;
  readonly regionCount: number;
  readonly sync: LogSync;
  readonly bitsetSize: number;
  clean: Bitset;
  readonly syncBits: Bitset;
  readonly recovering: Bitset;
  syncCount: number;
  syncSearch = 0;
  touchedDirtied = false;
  touchedCleaned = false;
  flushFailed = false;

  constructor(t: Target, args: readonly string[], cleanBytes?: (bitsetSize: number) => Uint8Array) {
    this.t = t;
    if (args.length < 1 || args.length > 2)
      warn(t, "wrong number of arguments to dirty region log");
    let sync: LogSync = "DEFAULTSYNC";
    if (args.length > 1) {
      if (args[1] === "sync") sync = "FORCESYNC";
      else if (args[1] === "nosync") sync = "NOSYNC";
      else warn(t, `unrecognised sync argument to dirty region log: ${args[1]}`);
    }
    const regionSize = scanU32(args[0]!);
    if (
      regionSize === null ||
      regionSize < 2 ||
      regionSize > t.len ||
      (regionSize & (regionSize - 1)) !== 0
    )
      warn(t, `invalid region size ${args[0]}`);
    const regionCount = Math.ceil(t.len / regionSize);
    if (regionCount > 0xffffffff) warn(t, `region count exceeds limit of ${0xffffffff}`);
    this.regionSize = regionSize;
    this.regionCount = regionCount;
    this.sync = sync;
    let bitsetSize = (Math.ceil(regionCount / BITS_PER_LONG) * BITS_PER_LONG) >> 3;
    if (!bitsetSize) bitsetSize = 1 << (BITS_PER_LONG - 3);
    this.bitsetSize = bitsetSize;
    const clean = cleanBytes ? cleanBytes(bitsetSize) : new Uint8Array(bitsetSize);
    clean.fill(0xff);
    this.clean = new Bitset(clean);
    this.syncBits = new Bitset(new Uint8Array(bitsetSize).fill(sync === "NOSYNC" ? 0xff : 0));
    this.syncCount = sync === "NOSYNC" ? regionCount : 0;
    this.recovering = new Bitset(new Uint8Array(bitsetSize));
  }

  isClean(region: number): boolean {
    return this.clean.test(region);
  }
  inSync(region: number): boolean {
    return this.syncBits.test(region);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
  markRegion(region: number): void {
    this.clean.clear(region);
    this.touchedDirtied = true;
  }
  clearRegion(region: number): void {
    if (!this.flushFailed) this.clearRegionBit(region);
  }
  /** log_set_bit on the clean bits. */
  clearRegionBit(region: number): void {
    this.clean.set(region);
    this.touchedCleaned = true;
  }
  getResyncWork(): number | null {
    if (this.syncSearch >= this.regionCount) return null;
    let region: number;
    do {
      region = this.syncSearch;
      while (region < this.regionCount && this.syncBits.test(region)) region++;
      this.syncSearch = region + 1;
      if (region >= this.regionCount) return null;
    } while (this.recovering.test(region));
    this.recovering.set(region);
    this.touchedCleaned = true;
    return region;
  }
  setRegionSync(region: number, inSync: boolean): void {
    this.recovering.clear(region);
    this.touchedDirtied = true;
    if (inSync) {
      this.syncBits.set(region);
      this.touchedCleaned = true;
      this.syncCount++;
    } else if (this.syncBits.test(region)) {
      this.syncCount--;
      this.syncBits.clear(region);
    }
  }
  getSyncCount(): number {
    return this.syncCount;
  }
  resume(): Promise<void> {
    this.syncSearch = 0;
    return Promise.resolve();
  }
  postsuspend(): Promise<void> {
    return Promise.resolve();
  }
  #syncWord(): string {
    return this.sync === "DEFAULTSYNC" ? "" : this.sync === "NOSYNC" ? "nosync " : "sync ";
  }
  status(type: "INFO" | "TABLE"): string {
    if (type === "INFO") return "1 core";
    return `core ${this.sync === "DEFAULTSYNC" ? 1 : 2} ${this.regionSize} ${this.#syncWord()}`;
  }
  statusTableSync(): string {
    return this.#syncWord();
  }
  dtr(): void {}
  snapshotBits(): { clean: boolean[]; sync: boolean[]; recovering: boolean[] } {
    const n = this.regionCount;
    const range = Array.from({ length: n }, (_, i) => i);
    return {
      clean: range.map((i) => this.clean.test(i)),
      sync: range.map((i) => this.syncBits.test(i)),
      recovering: range.map((i) => this.recovering.test(i)),
    };
  }
}

/** The disk log: the clean bits live after the header on the log device. */
class DiskLog extends CoreLog {
  override readonly typeName = "disk" as const;
  readonly dev: DmDev;
  /** The header and the clean bits, as written (buf_size bytes). */
  readonly buffer: Uint8Array;
  readonly headerSectors: number;
  logDevFailed = false;
  logDevFlushFailed = false;
  headerNrRegions = 0;
  /** log->flush_callback_fn (mirror_flush): an empty flush of every leg. */
  flushCallback: (() => Promise<void>) | null = null;

  constructor(t: Target, dev: DmDev, args: readonly string[]) {
    let buffer = new Uint8Array(0);
    let headerSectors = 0;
    super(t, args, (bitsetSize) => {
      const lbs = dev.bdev.limits.logicalBlockSize;
      const bufSize = Math.ceil(((LOG_OFFSET << 9) + bitsetSize) / lbs) * lbs;
      if (bufSize > dev.bdev.sizeSectors * 512)
        warn(t, `log device ${dev.name} too small: need ${bufSize} bytes`);
      buffer = new Uint8Array(bufSize);
      headerSectors = bufSize >> 9;
      return buffer.subarray(LOG_OFFSET << 9, (LOG_OFFSET << 9) + bitsetSize);
    });
    this.dev = dev;
    this.buffer = buffer;
    this.headerSectors = headerSectors;
  }

  #fail(): void {
    if (this.logDevFailed) return;
    this.logDevFailed = true;
    this.t.event();
  }

  async #rw(op: "READ" | "WRITE"): Promise<void> {
    await this.t.dmIo({ op, mem: this.buffer }, [
      { dev: this.dev, sector: 0, count: this.headerSectors },
    ]);
  }

  async #flushHeader(): Promise<void> {
    await this.t.dmIo({ op: "WRITE", flags: REQ_PREFLUSH }, [
      { dev: this.dev, sector: 0, count: 0 },
    ]);
  }

  #headerToDisk(): void {
    const v = new DataView(this.buffer.buffer, this.buffer.byteOffset, 16);
    v.setUint32(0, MIRROR_MAGIC, true);
    v.setUint32(4, MIRROR_DISK_VERSION, true);
    v.setBigUint64(8, BigInt(this.headerNrRegions), true);
  }

  /** disk_resume: read the header and bits, fix up the regions past the old count, write back. */
  override async resume(): Promise<void> {
    let ok = true;
    try {
      await this.#rw("READ");
      const v = new DataView(this.buffer.buffer, this.buffer.byteOffset, 16);
      let magic = v.getUint32(0, true);
      let version = v.getUint32(4, true);
      let nr = Number(v.getBigUint64(8, true));
      if (this.sync !== "DEFAULTSYNC" || magic !== MIRROR_MAGIC) {
        magic = MIRROR_MAGIC;
        version = MIRROR_DISK_VERSION;
        nr = 0;
      }
      if (version === 1) version = 2;
      if (version !== MIRROR_DISK_VERSION) {
        this.t.logLine("warn", "device-mapper: dirty region log: incompatible disk log version");
        throw new DmError("EINVAL");
      }
      this.headerNrRegions = nr;
    } catch {
      ok = false;
    }
    if (!ok) {
      this.t.logLine(
        "warn",
        `device-mapper: dirty region log: ${this.dev.name}: Failed to read header on dirty region log device`,
      );
      this.#fail();
      this.headerNrRegions = 0;
    }
    for (let i = this.headerNrRegions; i < this.regionCount; i++) {
      if (this.sync === "NOSYNC") this.clearRegionBit(i);
      else this.markRegion(i);
    }
    for (let i = this.regionCount; i % BITS_PER_LONG; i++) this.markRegion(i);
    this.syncBits.bits.set(this.clean.bits);
    this.syncCount = this.clean.weight();
    this.syncSearch = 0;
    this.headerNrRegions = this.regionCount;
    this.#headerToDisk();
    try {
      await this.#rw("WRITE");
      try {
        await this.#flushHeader();
      } catch (err) {
        this.logDevFlushFailed = true;
        throw err;
      }
    } catch {
      this.t.logLine(
        "warn",
        `device-mapper: dirty region log: ${this.dev.name}: Failed to write header on dirty region log device`,
      );
      this.#fail();
      throw new DmError("EIO");
    }
  }

  /**
   * disk_flush: write the bits when they changed; flush when a region was dirtied. Before
   * bits that say "clean" go out, the legs are flushed (the mirror's flush callback,
   * mirror_flush); if that fails, every region is marked dirty instead (flush_failed).
   */
  override async flush(): Promise<void> {
    if (!this.touchedCleaned && !this.touchedDirtied) return;
    if (this.touchedCleaned && this.flushCallback) {
      let failed = false;
      try {
        await this.flushCallback();
      } catch {
        failed = true;
      }
      if (failed) {
        this.flushFailed = true;
        for (let i = 0; i < this.regionCount; i++) this.markRegion(i);
      }
    }
    try {
      await this.#rw("WRITE");
    } catch (err) {
      this.#fail();
      throw err;
    }
    if (this.touchedDirtied) {
      try {
        await this.#flushHeader();
      } catch (err) {
        this.logDevFlushFailed = true;
        this.#fail();
        throw err;
      }
      this.touchedDirtied = false;
    }
    this.touchedCleaned = false;
  }

  override postsuspend(): Promise<void> {
    return this.flush();
  }

  override status(type: "INFO" | "TABLE"): string {
    if (type === "INFO")
      return `3 disk ${this.dev.name} ${this.logDevFlushFailed ? "F" : this.logDevFailed ? "D" : "A"}`;
    return `disk ${this.sync === "DEFAULTSYNC" ? 2 : 3} ${this.dev.name} ${this.regionSize} ${this.statusTableSync()}`;
  }

  override dtr(): void {
    this.t.putDevice(this.dev);
  }
}

/**
 * dm_dirty_log_create: the log of type `typeName` with its arguments. Throws DirtyLogError
 * (EINVAL) after the kernel's DMWARN line; an unknown type says `Module for logging type "x"
 * not found.`.
 */
export function dmDirtyLogCreate(
  t: Target,
  typeName: string,
  args: readonly string[],
  flushCallback: () => Promise<void>,
): DmDirtyLog {
  if (typeName === "core") return new CoreLog(t, args);
  if (typeName === "disk") {
    if (args.length < 2 || args.length > 3)
      warn(t, "wrong number of arguments to disk dirty region log");
    const dev = t.getDevice(args[0]!);
    try {
      const log = new DiskLog(t, dev, args.slice(1));
      log.flushCallback = flushCallback;
      return log;
    } catch (err) {
      t.putDevice(dev);
      throw err;
    }
  }
  warn(t, `Module for logging type "${typeName}" not found.`);
}
