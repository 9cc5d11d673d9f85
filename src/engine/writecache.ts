/**
 * A volatile write cache for a RAM disk: dm-playground's own disk option (`diskcache ram0 on`),
 * the model of a drive with its write cache enabled. Linux's brd has none: it writes into RAM
 * that a reboot loses anyway. With the cache on:
 *
 * - a WRITE completes once its sectors are in the cache (the latest data per sector: a drive's
 *   cache coalesces overwrites); reads see the cache over the medium;
 * - a WRITE with REQ_FUA goes to the medium (and replaces what the cache held for its sectors);
 * - a flush (an empty REQ_PREFLUSH bio, or the PREFLUSH of a write, done before its data) writes
 *   every cached sector to the medium;
 * - DISCARD and WRITE_ZEROES go to the medium at once (they drop the cached sectors they cover);
 * - a power cut (`powerCut`) loses what the cache holds. With `reorder`, the drive is taken to
 *   have written back part of it, in any order, before the power went: each cached write (all
 *   its sectors still cached) independently reached the medium or not, drawn from a seeded
 *   stream; with `tear` too, each sector independently (a torn write). What is on the medium
 *   after a cut is therefore exactly what was made durable (flushed, FUA, discarded), plus with
 *   `reorder` some of the cached sectors' latest data, never older cached data.
 *
 * The page sees which chunks hold cached (not yet durable) sectors through `dirty`, a
 * SharedArrayBuffer of Int32: [0] 1 while the cache is on, [1] cached sectors in all, [2 + c]
 * cached sectors in 64 KiB chunk c.
 */

import type { RamDisk } from "./blockdev.ts";
import { EV, type EventLog } from "./events.ts";
import { CHUNK_SIZE, type SparseDisk } from "./storage.ts";
import type { Prng } from "./clock.ts";
import { SECTOR_SIZE, type Sector } from "./types.ts";

const SECTORS_PER_CHUNK = CHUNK_SIZE / SECTOR_SIZE;

interface Cached {
  data: Uint8Array;
  /** The write that put it there (all its sectors survive or not together without `tear`). */
  write: number;
}

export interface PowerCutOptions {
  /** Part of the cache may have reached the medium, in any order (seeded). */
  reorder?: boolean;
  /** With reorder: sectors of one write survive independently (torn writes). */
  tear?: boolean;
}

export interface PowerCutLoss {
  /** Cached sectors whose data was lost. */
  lost: number;
  /** Cached sectors the drive had written back before the power went (reorder). */
  kept: number;
}

export class VolatileWriteCache {
  readonly #disk: SparseDisk;
  readonly #sectors = new Map<Sector, Cached>();
  #writes = 0;
  /** Shared with the page (see the file comment). */
  readonly dirty: Int32Array;

  constructor(disk: SparseDisk, dirty?: SharedArrayBuffer) {
    this.#disk = disk;
    const chunks = Math.ceil(disk.sizeBytes / CHUNK_SIZE);
    this.dirty = new Int32Array(dirty ?? new SharedArrayBuffer((chunks + 2) * 4));
    Atomics.store(this.dirty, 0, 1);
  }

  /** Sectors the cache holds that the medium does not have yet. */
  get cachedSectors(): number {
    return this.#sectors.size;
  }

  /** The cached sectors, in order (tests, `diskcache` listing). */
  cachedList(): Sector[] {
    return [...this.#sectors.keys()].sort((a, b) => a - b);
  }

  #count(sector: Sector, delta: number): void {
    Atomics.add(this.dirty, 1, delta);
    Atomics.add(this.dirty, 2 + Math.floor(sector / SECTORS_PER_CHUNK), delta);
  }

  /** A WRITE of `data` at `sector`: cached, or (FUA) to the medium. */
  write(sector: Sector, data: Uint8Array, fua: boolean): void {
    const n = data.length / SECTOR_SIZE;
    if (fua) {
      this.#drop(sector, n);
      this.#disk.write(sector * SECTOR_SIZE, data);
      return;
    }
    const id = ++this.#writes;
    for (let i = 0; i < n; i++) {
      const s = sector + i;
      const copy = data.slice(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE);
      if (!this.#sectors.has(s)) this.#count(s, 1);
      this.#sectors.set(s, { data: copy, write: id });
    }
  }

  /** A READ: the medium, with the cache's newer sectors over it. */
  read(sector: Sector, dst: Uint8Array): void {
    this.#disk.read(sector * SECTOR_SIZE, dst);
    if (this.#sectors.size === 0) return;
    const n = dst.length / SECTOR_SIZE;
    for (let i = 0; i < n; i++) {
      const c = this.#sectors.get(sector + i);
      if (c) dst.set(c.data, i * SECTOR_SIZE);
    }
  }

  /** DISCARD / WRITE_ZEROES: on the medium now; the cached sectors they cover are dropped. */
  zero(sector: Sector, sectors: number): void {
    this.#drop(sector, sectors);
    this.#disk.zero(sector * SECTOR_SIZE, sectors * SECTOR_SIZE);
  }

  /** A flush: every cached sector to the medium, in sector order. */
  flush(): void {
    for (const s of this.cachedList()) {
      const c = this.#sectors.get(s)!;
      this.#disk.write(s * SECTOR_SIZE, c.data);
    }
    this.#clear();
  }

  /** The power goes: the cache is lost, except what `opts` lets the drive have written back. */
  powerCut(rng: Prng, opts: PowerCutOptions = {}): PowerCutLoss {
    let kept = 0;
    let lost = 0;
    if (opts.reorder) {
      const fate = new Map<number, boolean>();
      for (const s of this.cachedList()) {
        const c = this.#sectors.get(s)!;
        let survives: boolean;
        if (opts.tear) survives = rng.next() < 0.5;
        else {
          let f = fate.get(c.write);
          if (f === undefined) {
            f = rng.next() < 0.5;
            fate.set(c.write, f);
          }
          survives = f;
        }
        if (survives) {
          this.#disk.write(s * SECTOR_SIZE, c.data);
          kept++;
        } else lost++;
      }
    } else lost = this.#sectors.size;
    this.#clear();
    return { lost, kept };
  }

  #drop(sector: Sector, n: number): void {
    if (this.#sectors.size === 0) return;
    for (let i = 0; i < n; i++) if (this.#sectors.delete(sector + i)) this.#count(sector + i, -1);
  }

  #clear(): void {
    this.#sectors.clear();
    const on = Atomics.load(this.dirty, 0);
    this.dirty.fill(0);
    Atomics.store(this.dirty, 0, on);
  }
}

/** What setWriteCache needs from the engine. */
export interface WriteCacheHost {
  readonly now: number;
  readonly events: EventLog;
}

/**
 * `diskcache DISK on|off`: give a RAM disk a volatile write cache, or take it away (writing back
 * what it holds first, as a drive does when its cache is disabled). A `disk_config` event says so.
 */
export function setWriteCache(e: WriteCacheHost, d: RamDisk, on: boolean): void {
  if (on === (d.cache !== null)) return;
  if (on) {
    d.cache = new VolatileWriteCache(d.disk, d.cacheDirty);
    d.cacheDirty = d.cache.dirty.buffer as SharedArrayBuffer;
  } else {
    d.cache?.flush();
    if (d.cache) Atomics.store(d.cache.dirty, 0, 0);
    d.cache = null;
  }
  // A drive's volatile cache: QUEUE_FLAG_WC and QUEUE_FLAG_FUA (queue/write_cache "write back",
  // queue/fua 1). A dm device loaded on it afterwards stacks them (dm_table_set_restrictions).
  d.writeCache = on;
  d.fua = on;
  e.events.emit(
    EV.DISK_CONFIG,
    e.now,
    0,
    d.dev,
    0,
    0,
    0,
    e.events.intern(`diskcache ${d.name} ${on ? "on" : "off"}`),
  );
}
