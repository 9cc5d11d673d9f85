/**
 * Which chunks of each disk hold data, read straight from the engine's shared storage (the
 * directory pages live in SharedArrayBuffers the worker writes): nothing is copied through
 * postMessage, and a redraw costs one walk over the directory.
 */
import { CHUNK_SIZE, SparseDisk, Storage, type StorageHandle } from "../engine/storage.ts";
import type { DiskSnapshot } from "../worker/protocol.ts";

export interface ChunkMap {
  name: string;
  chunks: number;
  /** 1 where the chunk holds data. */
  used: Uint8Array;
  usedCount: number;
}

export class DiskReader {
  #storage: Storage;
  #disks = new Map<string, { snap: DiskSnapshot; disk: SparseDisk }>();

  constructor(handle: StorageHandle) {
    this.#storage = new Storage(handle);
  }

  /** Maps a segment the worker announced after this reader was made. */
  addSegment(pool: "data" | "pages", index: number, sab: SharedArrayBuffer): void {
    this.#storage[pool].addSegment(index, sab);
  }

  setDisks(disks: readonly DiskSnapshot[]): void {
    const next = new Map<string, { snap: DiskSnapshot; disk: SparseDisk }>();
    for (const snap of disks) {
      const old = this.#disks.get(snap.name);
      next.set(
        snap.name,
        old && old.snap.store.l1 === snap.store.l1
          ? old
          : { snap, disk: new SparseDisk(this.#storage, snap.sizeBytes, snap.store) },
      );
    }
    this.#disks = next;
  }

  /** The chunk map of one disk; `into` is reused when it has the right size. */
  read(name: string, into?: ChunkMap): ChunkMap | null {
    const entry = this.#disks.get(name);
    if (!entry) return null;
    const chunks = Math.ceil(entry.snap.sizeBytes / CHUNK_SIZE);
    const map =
      into && into.chunks === chunks
        ? into
        : { name, chunks, used: new Uint8Array(chunks), usedCount: 0 };
    map.used.fill(0);
    let count = 0;
    try {
      for (const c of entry.disk.allocatedChunks()) {
        if (c < chunks) {
          map.used[c] = 1;
          count++;
        }
      }
    } catch {
      // A directory page in a segment whose announcement has not arrived yet: the next frame
      // will have it. Show what was read so far.
    }
    map.usedCount = count;
    return map;
  }

  /** The bytes at `offset` of a disk (for tests and a future hex view). */
  bytes(name: string, offset: number, length: number): Uint8Array | null {
    const entry = this.#disks.get(name);
    if (!entry) return null;
    const out = new Uint8Array(length);
    entry.disk.read(offset, out);
    return out;
  }
}

export { CHUNK_SIZE };
