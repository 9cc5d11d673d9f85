/**
 * The exception store abstraction of snapshots (drivers/md/dm-exception-store.c and .h): where a
 * snapshot keeps the chunks it copied (the COW device) and the table of exceptions (origin chunk
 * → COW chunk). Two store types, as in Linux: persistent (`P`, dm-snap-persistent.ts: exceptions
 * on the COW device, surviving a remove and re-create) and transient (`N`,
 * dm-snap-transient.ts: exceptions in memory only).
 *
 * Units: chunks are `chunkSize` sectors of 512 bytes; a chunk number times `chunkSize` is a
 * sector of the COW (new chunk) or origin (old chunk) device.
 */

import { kstrtouint, type DmDev, type Target } from "../../target.ts";
import { DmError, type StatusType } from "../../types.ts";

/** chunk_t: a chunk number (sectors >> chunk_shift). */
export type Chunk = number;

/**
 * struct dm_exception: `oldChunk` of the origin is at `newChunk` of the COW device, and so are
 * the `consecutive` chunks after it (Linux keeps that count in new_chunk's top 8 bits; here it is
 * a field of its own, `dm_consecutive_chunk_count`).
 */
export interface DmException {
  oldChunk: Chunk;
  newChunk: Chunk;
  consecutive: number;
}

/** DM_CHUNK_CONSECUTIVE_BITS: at most 255 chunks follow an exception's first chunk. */
export const DM_CHUNK_CONSECUTIVE_MAX = 255;

/** What a store sees of its snapshot (dm_snap_origin / dm_snap_cow, and the target for I/O). */
export interface SnapRef {
  readonly ti: Target<unknown>;
  readonly origin: DmDev;
  readonly cow: DmDev;
}

/**
 * struct dm_exception_store_type. The operations that may block in Linux (they issue
 * synchronous dm_io) return promises here; `commitException` calls `callback(success)` when the
 * exception is on disk (possibly later, together with other exceptions, as Linux batches them).
 */
export interface DmExceptionStoreType {
  readonly name: string;
  /** Throws DmError (errno) on failure; `options` is what follows the type letter ("O"), or null. */
  ctr(store: DmExceptionStore, options: string | null): void;
  dtr(store: DmExceptionStore): void;
  /**
   * Read the exceptions from the COW device, reporting each through `callback`. Resolves 0, or 1
   * when the store is valid but marked invalid; rejects with DmError (EIO, ENXIO, EINVAL...).
   */
  readMetadata(store: DmExceptionStore, callback: (old: Chunk, nw: Chunk) => void): Promise<0 | 1>;
  /** Find a COW chunk for `e` (sets e.newChunk). False when the COW device is full. */
  prepareException(store: DmExceptionStore, e: DmException): boolean;
  /** Record `e`; `callback(success)` once it is committed. */
  commitException(
    store: DmExceptionStore,
    e: DmException,
    valid: boolean,
    callback: (success: boolean) => void,
  ): Promise<void>;
  /**
   * The most recent exceptions still to merge: resolves 0 when none is left, else the number of
   * consecutive ones ending at `last`. Rejects on a read error.
   */
  prepareMerge?(
    store: DmExceptionStore,
    last: { oldChunk: Chunk; newChunk: Chunk },
  ): Promise<number>;
  /** Clear the last `nrMerged` exceptions on disk. Rejects on a write error. */
  commitMerge?(store: DmExceptionStore, nrMerged: number): Promise<void>;
  /** The snapshot is invalid: note it on disk. */
  dropSnapshot?(store: DmExceptionStore): void;
  /** The store's part of the status line (TABLE: " P 8"; INFO: ""). */
  status(store: DmExceptionStore, type: StatusType): string;
  /** Sectors: the COW device's size, allocated, of which metadata. */
  usage?(store: DmExceptionStore): { total: number; allocated: number; metadata: number };
}

/** struct dm_exception_store. */
export interface DmExceptionStore {
  type: DmExceptionStoreType;
  snap: SnapRef;
  /** Sectors; a power of two (0: not yet known, before a persistent store reads its header). */
  chunkSize: number;
  chunkMask: number;
  chunkShift: number;
  context: unknown;
  userspaceSupportsOverflow: boolean;
}

const types = new Map<string, DmExceptionStoreType>();

/** dm_exception_store_type_register: registered by dm-snap-persistent.ts / dm-snap-transient.ts. */
export function dmExceptionStoreTypeRegister(type: DmExceptionStoreType): void {
  types.set(type.name, type);
}

/** sector_to_chunk. */
export function sectorToChunk(store: DmExceptionStore, sector: number): Chunk {
  return Math.floor(sector / 2 ** store.chunkShift);
}

/** chunk_to_sector. */
export function chunkToSector(store: DmExceptionStore, chunk: Chunk): number {
  return chunk * 2 ** store.chunkShift;
}

/** get_dev_size: the device's size in sectors. */
export function getDevSize(d: DmDev): number {
  return d.bdev.sizeSectors;
}

/**
 * dm_exception_store_set_chunk_size: a power of two, a multiple of both devices' logical block
 * sizes, at most INT_MAX >> 9. Returns the error text (ti->error) or null.
 */
export function dmExceptionStoreSetChunkSize(
  store: DmExceptionStore,
  chunkSize: number,
): string | null {
  if (chunkSize <= 0 || (chunkSize & (chunkSize - 1)) !== 0 || chunkSize > 0x80000000)
    return "Chunk size is not a power of 2";
  if (
    chunkSize % (store.snap.cow.bdev.limits.logicalBlockSize >> 9) ||
    chunkSize % (store.snap.origin.bdev.limits.logicalBlockSize >> 9)
  )
    return "Chunk size is not a multiple of device blocksize";
  if (chunkSize > 0x7fffffff >> 9) return "Chunk size is too high";
  store.chunkSize = chunkSize;
  store.chunkMask = chunkSize - 1;
  store.chunkShift = Math.log2(chunkSize);
  return null;
}

/**
 * dm_exception_store_create: `<P|PO|N> <chunk size>` (the type letter case-insensitive).
 * Returns the store and the arguments used (2). Throws DmError whose message is ti->error.
 */
export function dmExceptionStoreCreate(
  argv: readonly string[],
  snap: SnapRef,
): { store: DmExceptionStore; argsUsed: number } {
  if (argv.length < 2) throw new DmError("EINVAL", "Insufficient exception store arguments");
  const letter = argv[0]!.charAt(0).toUpperCase();
  if (letter !== "P" && letter !== "N")
    throw new DmError("EINVAL", "Exception store type is not P or N");
  const type = types.get(letter);
  if (!type) throw new DmError("EINVAL", "Exception store type not recognised");
  const store: DmExceptionStore = {
    type,
    snap,
    chunkSize: 0,
    chunkMask: 0,
    chunkShift: 0,
    context: null,
    userspaceSupportsOverflow: false,
  };
  // set_chunk_size
  const cs = kstrtouint(argv[1]!);
  if (cs === null) throw new DmError("EINVAL", "Invalid chunk size");
  if (cs !== 0) {
    const err = dmExceptionStoreSetChunkSize(store, cs);
    if (err) throw new DmError("EINVAL", err);
  }
  try {
    type.ctr(store, argv[0]!.length > 1 ? argv[0]!.slice(1) : null);
  } catch (e) {
    throw new DmError(
      e instanceof DmError ? e.errno : "EINVAL",
      "Exception store type constructor failed",
    );
  }
  return { store, argsUsed: 2 };
}

/** dm_exception_store_destroy. */
export function dmExceptionStoreDestroy(store: DmExceptionStore): void {
  store.type.dtr(store);
}
