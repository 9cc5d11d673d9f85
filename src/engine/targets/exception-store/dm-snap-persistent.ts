/**
 * The persistent exception store (`P`, `PO`; drivers/md/dm-snap-persistent.c): the snapshot's
 * exceptions live on the COW device, in Linux's format, so a COW device survives a remove and
 * re-create and one written by Linux can be read here.
 *
 * Layout, in chunks of `chunkSize` sectors, all little-endian:
 *
 *     chunk 0            header: magic "SnAp" (0x70416e53), valid, version 1, chunk size (sectors)
 *     chunk 1            metadata area 0: (old_chunk u64, new_chunk u64) pairs, `chunkSize*512/16`
 *                        of them; the first pair whose new_chunk is 0 ends the list
 *     chunks 2..e+1      the data of the exceptions of area 0 (e = exceptions per area)
 *     chunk e+2          metadata area 1, then its data chunks, and so on
 *
 * Metadata I/O is the target's own bios on virtual time (dm-io.ts; the initial read of the
 * areas through dm-bufio.ts with read-ahead, as Linux): the header write, the zeroing of the
 * next area, each area commit (WRITE with PREFLUSH and FUA).
 */

import { DmError, REQ_FUA, REQ_PREFLUSH, type StatusType } from "../../types.ts";
import {
  dmExceptionStoreSetChunkSize,
  dmExceptionStoreTypeRegister,
  getDevSize,
  type Chunk,
  type DmExceptionStore,
  type DmExceptionStoreType,
} from "./dm-exception-store.ts";

/** "SnAp". */
export const SNAP_MAGIC = 0x70416e53;
export const SNAPSHOT_DISK_VERSION = 1;
export const NUM_SNAPSHOT_HDR_CHUNKS = 1;
/** Sectors (16 KiB): the chunk size when the table gives 0 and the COW has no header. */
export const DM_CHUNK_SIZE_DEFAULT_SECTORS = 32;
const DM_PREFETCH_CHUNKS = 12;
/** sizeof(struct disk_exception). */
const DISK_EXCEPTION_SIZE = 16;

/** struct pstore. */
export interface PStore {
  valid: number;
  version: number;
  exceptionsPerArea: number;
  /** The current metadata area's bytes (one chunk). */
  area: Uint8Array;
  headerArea: Uint8Array;
  currentArea: number;
  /** The next free COW chunk (chunks at and above it are free, while not merging). */
  nextFree: Chunk;
  /** Index of the next free exception slot in the current area. */
  currentCommitted: number;
  pendingCount: number;
  callbacks: { cb: (success: boolean) => void }[];
}

const log = (store: DmExceptionStore, level: "err" | "warn", text: string): void =>
  store.snap.ti.printk(level, `device-mapper: persistent snapshot: ${text}`);

function ps(store: DmExceptionStore): PStore {
  return store.context as PStore;
}

function allocArea(store: DmExceptionStore): void {
  const p = ps(store);
  const len = store.chunkSize * 512;
  p.area = new Uint8Array(len);
  p.headerArea = new Uint8Array(len);
}

/** chunk_io: read or write one chunk of the COW device (synchronous dm_io). */
function chunkIo(
  store: DmExceptionStore,
  mem: Uint8Array,
  chunk: Chunk,
  op: "READ" | "WRITE",
  flags = 0,
): Promise<void> {
  return store.snap.ti.dmIo({ op, flags, mem }, [
    { dev: store.snap.cow, sector: store.chunkSize * chunk, count: store.chunkSize },
  ]);
}

/** area_location: the chunk holding metadata area `area`. */
export function areaLocation(p: PStore, area: number): Chunk {
  return NUM_SNAPSHOT_HDR_CHUNKS + (p.exceptionsPerArea + 1) * area;
}

/** skip_metadata: never hand out a metadata area's chunk as a data chunk. */
function skipMetadata(p: PStore): void {
  const stride = p.exceptionsPerArea + 1;
  if (p.nextFree % stride === NUM_SNAPSHOT_HDR_CHUNKS) p.nextFree++;
}

function areaIo(store: DmExceptionStore, op: "READ" | "WRITE", flags = 0): Promise<void> {
  const p = ps(store);
  return chunkIo(store, p.area, areaLocation(p, p.currentArea), op, flags);
}

function zeroDiskArea(store: DmExceptionStore, area: number): Promise<void> {
  const p = ps(store);
  return chunkIo(store, new Uint8Array(store.chunkSize * 512), areaLocation(p, area), "WRITE");
}

function readExceptionAt(area: Uint8Array, index: number): { oldChunk: Chunk; newChunk: Chunk } {
  const v = new DataView(area.buffer, area.byteOffset, area.byteLength);
  const o = index * DISK_EXCEPTION_SIZE;
  return {
    oldChunk: Number(v.getBigUint64(o, true)),
    newChunk: Number(v.getBigUint64(o + 8, true)),
  };
}

function writeExceptionAt(area: Uint8Array, index: number, oldChunk: Chunk, newChunk: Chunk): void {
  const v = new DataView(area.buffer, area.byteOffset, area.byteLength);
  const o = index * DISK_EXCEPTION_SIZE;
  v.setBigUint64(o, BigInt(oldChunk), true);
  v.setBigUint64(o + 8, BigInt(newChunk), true);
}

/**
 * read_header: returns true for a new snapshot (magic 0). Rejects with DmError ENXIO ("Invalid
 * or corrupt snapshot" logged), EIO, or EINVAL for a bad on-disk chunk size.
 */
async function readHeader(store: DmExceptionStore): Promise<boolean> {
  const p = ps(store);
  let chunkSizeSupplied = true;
  if (!store.chunkSize) {
    const cs = Math.max(
      DM_CHUNK_SIZE_DEFAULT_SECTORS,
      store.snap.cow.bdev.limits.logicalBlockSize >> 9,
    );
    store.chunkSize = cs;
    store.chunkMask = cs - 1;
    store.chunkShift = Math.log2(cs);
    chunkSizeSupplied = false;
  }
  allocArea(store);
  await chunkIo(store, p.headerArea, 0, "READ");
  const v = new DataView(p.headerArea.buffer);
  const magic = v.getUint32(0, true);
  if (magic === 0) return true;
  if (magic !== SNAP_MAGIC) {
    log(store, "warn", "Invalid or corrupt snapshot");
    throw new DmError("ENXIO");
  }
  p.valid = v.getUint32(4, true);
  p.version = v.getUint32(8, true);
  const chunkSize = v.getUint32(12, true);
  if (store.chunkSize === chunkSize) return false;
  if (chunkSizeSupplied)
    log(
      store,
      "warn",
      `chunk size ${chunkSize} in device metadata overrides table chunk size of ${store.chunkSize}.`,
    );
  const err = dmExceptionStoreSetChunkSize(store, chunkSize);
  if (err) {
    log(store, "err", `invalid on-disk chunk size ${chunkSize}: ${err}.`);
    throw new DmError("EINVAL");
  }
  allocArea(store);
  return false;
}

function writeHeader(store: DmExceptionStore): Promise<void> {
  const p = ps(store);
  p.headerArea = new Uint8Array(store.chunkSize * 512);
  const v = new DataView(p.headerArea.buffer);
  v.setUint32(0, SNAP_MAGIC, true);
  v.setUint32(4, p.valid, true);
  v.setUint32(8, p.version, true);
  v.setUint32(12, store.chunkSize, true);
  return chunkIo(store, p.headerArea, 0, "WRITE");
}

/** insert_exceptions: the exceptions of one area; false when the area is not full. */
function insertExceptions(
  p: PStore,
  area: Uint8Array,
  callback: (old: Chunk, nw: Chunk) => void,
): boolean {
  for (let i = 0; i < p.exceptionsPerArea; i++) {
    const e = readExceptionAt(area, i);
    // A new_chunk of 0 would be the header: the end of the exceptions.
    if (e.newChunk === 0) {
      p.currentCommitted = i;
      return false;
    }
    if (p.nextFree <= e.newChunk) p.nextFree = e.newChunk + 1;
    callback(e.oldChunk, e.newChunk);
  }
  return true;
}

/** read_exceptions: area after area through dm-bufio (read-ahead of 12 areas), until one is not full. */
async function readExceptions(
  store: DmExceptionStore,
  callback: (old: Chunk, nw: Chunk) => void,
): Promise<void> {
  const p = ps(store);
  const client = store.snap.ti.bufio(store.snap.cow, store.chunkSize * 512);
  let prefetchArea = 0;
  try {
    let full = true;
    for (p.currentArea = 0; full; p.currentArea++) {
      if (prefetchArea < p.currentArea) prefetchArea = p.currentArea;
      do {
        const pf = areaLocation(p, prefetchArea);
        if (pf >= client.deviceSize) break;
        client.prefetch(pf, 1);
        prefetchArea++;
      } while (prefetchArea <= p.currentArea + DM_PREFETCH_CHUNKS);
      const chunk = areaLocation(p, p.currentArea);
      const b = await client.read(chunk);
      full = insertExceptions(p, b.data, callback);
      if (!full) p.area.set(b.data.subarray(0, p.area.length));
      client.release(b);
      client.forget(chunk);
    }
    p.currentArea--;
    skipMetadata(p);
  } finally {
    client.destroy();
  }
}

export const persistentType: DmExceptionStoreType = {
  name: "P",
  ctr(store, options) {
    const p: PStore = {
      valid: 1,
      version: SNAPSHOT_DISK_VERSION,
      exceptionsPerArea: 0,
      area: new Uint8Array(0),
      headerArea: new Uint8Array(0),
      currentArea: 0,
      nextFree: NUM_SNAPSHOT_HDR_CHUNKS + 1,
      currentCommitted: 0,
      pendingCount: 0,
      callbacks: [],
    };
    if (options) {
      if (options.charAt(0).toUpperCase() === "O") store.userspaceSupportsOverflow = true;
      else {
        log(store, "err", `Unsupported persistent store option: ${options}`);
        throw new DmError("EINVAL");
      }
    }
    store.context = p;
  },
  dtr() {},
  async readMetadata(store, callback) {
    const p = ps(store);
    const newSnapshot = await readHeader(store);
    p.exceptionsPerArea = (store.chunkSize * 512) / DISK_EXCEPTION_SIZE;
    if (newSnapshot) {
      try {
        await writeHeader(store);
      } catch (e) {
        log(store, "warn", "write_header failed");
        throw e;
      }
      p.currentArea = 0;
      p.area.fill(0);
      try {
        await zeroDiskArea(store, 0);
      } catch (e) {
        log(store, "warn", "zero_disk_area(0) failed");
        throw e;
      }
      return 0;
    }
    if (p.version !== SNAPSHOT_DISK_VERSION) {
      log(store, "warn", `unable to handle snapshot disk version ${p.version}`);
      throw new DmError("EINVAL");
    }
    // Valid metadata, but the snapshot was invalidated.
    if (!p.valid) return 1;
    await readExceptions(store, callback);
    return 0;
  },
  prepareException(store, e) {
    const p = ps(store);
    const size = getDevSize(store.snap.cow);
    if (size < (p.nextFree + 1) * store.chunkSize) return false;
    e.newChunk = p.nextFree;
    p.nextFree++;
    skipMetadata(p);
    p.pendingCount++;
    return true;
  },
  async commitException(store, e, valid, callback) {
    const p = ps(store);
    if (!valid) p.valid = 0;
    writeExceptionAt(p.area, p.currentCommitted++, e.oldChunk, e.newChunk);
    p.callbacks.push({ cb: callback });
    // Exceptions still in flight and room in this area: commit them together later.
    if (--p.pendingCount !== 0 && p.currentCommitted !== p.exceptionsPerArea) return;
    // A full area: wipe the next one first.
    if (p.currentCommitted === p.exceptionsPerArea) {
      try {
        await zeroDiskArea(store, p.currentArea + 1);
      } catch {
        p.valid = 0;
      }
    }
    if (p.valid) {
      try {
        await areaIo(store, "WRITE", REQ_PREFLUSH | REQ_FUA);
      } catch {
        p.valid = 0;
      }
    }
    if (p.currentCommitted === p.exceptionsPerArea) {
      p.currentCommitted = 0;
      p.currentArea++;
      p.area.fill(0);
    }
    const cbs = p.callbacks.splice(0);
    for (const c of cbs) c.cb(p.valid !== 0);
  },
  async prepareMerge(store, last) {
    const p = ps(store);
    if (!p.currentCommitted) {
      if (!p.currentArea) return 0;
      p.currentArea--;
      await areaIo(store, "READ");
      p.currentCommitted = p.exceptionsPerArea;
    }
    const ce = readExceptionAt(p.area, p.currentCommitted - 1);
    last.oldChunk = ce.oldChunk;
    last.newChunk = ce.newChunk;
    let n: number;
    for (n = 1; n < p.currentCommitted; n++) {
      const c = readExceptionAt(p.area, p.currentCommitted - 1 - n);
      if (c.oldChunk !== last.oldChunk - n || c.newChunk !== last.newChunk - n) break;
    }
    return n;
  },
  async commitMerge(store, nrMerged) {
    const p = ps(store);
    if (nrMerged > p.currentCommitted) throw new DmError("EINVAL", "BUG: nr_merged > committed");
    for (let i = 0; i < nrMerged; i++) writeExceptionAt(p.area, p.currentCommitted - 1 - i, 0, 0);
    await areaIo(store, "WRITE", REQ_PREFLUSH | REQ_FUA);
    p.currentCommitted -= nrMerged;
    // Only usage() reads next_free now: where it would be had all been committed in order.
    p.nextFree = areaLocation(p, p.currentArea) + p.currentCommitted + 1;
  },
  dropSnapshot(store) {
    const p = ps(store);
    p.valid = 0;
    writeHeader(store).catch(() => log(store, "warn", "write header failed"));
  },
  status(store, type: StatusType) {
    if (type !== "TABLE") return "";
    return ` ${store.userspaceSupportsOverflow ? "PO" : "P"} ${store.chunkSize}`;
  },
  usage(store) {
    const p = ps(store);
    return {
      allocated: p.nextFree * store.chunkSize,
      total: getDevSize(store.snap.cow),
      // The header, then current_area + 1 metadata areas.
      metadata: (p.currentArea + 1 + NUM_SNAPSHOT_HDR_CHUNKS) * store.chunkSize,
    };
  },
};

dmExceptionStoreTypeRegister(persistentType);
