/**
 * dm-bio-prison-v1 (drivers/md/dm-bio-prison-v1.c, Debian 6.1.192): the cells dm-thin holds
 * bios in while a block is provisioned, copied or discarded, and the deferred sets it quiesces
 * I/O with before breaking sharing or unmapping.
 *
 * A cell is keyed by (virtual or physical, thin device id, [blockBegin, blockEnd)); a key that
 * overlaps an existing cell's range (same space, same device) finds that cell (cmp_keys
 * compares ranges, so overlapping ranges are "equal"). The first bio detained is the cell's
 * holder; later ones wait in `bios` until the holder's work releases the cell.
 *
 * A deferred set (struct dm_deferred_set) counts I/O in flight in generations: `inc` counts a bio
 * into the current generation, `addWork` queues work behind every generation with I/O still in
 * flight (false when nothing is in flight: do the work now), and `dec` hands back the work whose
 * generations have all drained.
 */

import type { Bio } from "./bio.ts";

/** struct dm_cell_key. Blocks are data blocks (physical) or virtual blocks of a thin device. */
export interface DmCellKey {
  virtual: boolean;
  dev: number;
  blockBegin: number;
  blockEnd: number;
}

/** struct dm_bio_prison_cell. */
export interface DmBioPrisonCell {
  key: DmCellKey;
  /** The bio that took the cell (null for a cell taken without a bio, dm_get_cell). */
  holder: Bio | null;
  /** Bios that arrived while the cell was held, in arrival order. */
  bios: Bio[];
}

/** struct dm_bio_prison: the cells held now, per (space, device). */
export class DmBioPrison {
  readonly #cells = new Map<string, DmBioPrisonCell[]>();

  #list(key: DmCellKey): DmBioPrisonCell[] {
    const k = `${key.virtual ? "v" : "p"}${key.dev}`;
    let l = this.#cells.get(k);
    if (!l) {
      l = [];
      this.#cells.set(k, l);
    }
    return l;
  }

  /** Cells held now (for views and tests). */
  get size(): number {
    let n = 0;
    for (const l of this.#cells.values()) n += l.length;
    return n;
  }

  /**
   * dm_bio_detain: when a cell overlapping `key` is held, add `inmate` (if any) to its bios and
   * answer it with `detained` true; otherwise make a new cell held by `inmate`.
   */
  detain(key: DmCellKey, inmate: Bio | null): { detained: boolean; cell: DmBioPrisonCell } {
    const list = this.#list(key);
    for (const cell of list) {
      if (key.blockEnd <= cell.key.blockBegin || key.blockBegin >= cell.key.blockEnd) continue;
      if (inmate) cell.bios.push(inmate);
      return { detained: true, cell };
    }
    const cell: DmBioPrisonCell = { key: { ...key }, holder: inmate, bios: [] };
    list.push(cell);
    return { detained: false, cell };
  }

  #erase(cell: DmBioPrisonCell): void {
    const list = this.#list(cell.key);
    const i = list.indexOf(cell);
    if (i >= 0) list.splice(i, 1);
  }

  /** dm_cell_release: the holder (if any) then the waiting bios, in order; the cell is gone. */
  release(cell: DmBioPrisonCell): Bio[] {
    this.#erase(cell);
    const out = cell.holder ? [cell.holder, ...cell.bios] : [...cell.bios];
    cell.bios = [];
    return out;
  }

  /** dm_cell_release_no_holder: only the bios that waited; the cell is gone. */
  releaseNoHolder(cell: DmBioPrisonCell): Bio[] {
    this.#erase(cell);
    const out = cell.bios;
    cell.bios = [];
    return out;
  }

  /** dm_cell_visit_release: `visit` sees the cell (and may take its bios), then it is gone. */
  visitRelease(cell: DmBioPrisonCell, visit: (cell: DmBioPrisonCell) => void): void {
    visit(cell);
    this.#erase(cell);
  }
}

/** DEFERRED_SET_SIZE: generations of a deferred set. */
const DEFERRED_SET_SIZE = 64;

/** struct dm_deferred_entry: one generation. */
export interface DmDeferredEntry<W> {
  readonly ds: DmDeferredSet<W>;
  count: number;
  work: W[];
}

/** struct dm_deferred_set. */
export class DmDeferredSet<W> {
  #current = 0;
  #sweeper = 0;
  readonly #entries: DmDeferredEntry<W>[] = [];

  constructor() {
    for (let i = 0; i < DEFERRED_SET_SIZE; i++)
      this.#entries.push({ ds: this, count: 0, work: [] });
  }

  /** dm_deferred_entry_inc: count one more I/O into the current generation. */
  inc(): DmDeferredEntry<W> {
    const e = this.#entries[this.#current]!;
    e.count++;
    return e;
  }

  #sweep(out: W[]): void {
    while (this.#sweeper !== this.#current && !this.#entries[this.#sweeper]!.count) {
      const e = this.#entries[this.#sweeper]!;
      // list_splice_init(&entry->work_items, head): the entry's list goes in front of head.
      out.unshift(...e.work);
      e.work = [];
      this.#sweeper = (this.#sweeper + 1) % DEFERRED_SET_SIZE;
    }
    const cur = this.#entries[this.#current]!;
    if (this.#sweeper === this.#current && !cur.count) {
      out.unshift(...cur.work);
      cur.work = [];
    }
  }

  /** dm_deferred_entry_dec: one I/O of `entry` ended; returns the work now free to run. */
  dec(entry: DmDeferredEntry<W>): W[] {
    if (!entry.count) throw new Error("dm_deferred_entry_dec: count is already 0 (kernel BUG)");
    entry.count--;
    const out: W[] = [];
    this.#sweep(out);
    return out;
  }

  /**
   * dm_deferred_set_add_work: queue `work` behind the I/O in flight; false when there is none
   * (the caller does the work now).
   */
  addWork(work: W): boolean {
    const cur = this.#entries[this.#current]!;
    if (this.#sweeper === this.#current && !cur.count) return false;
    // list_add: at the head of the entry's list.
    cur.work.unshift(work);
    const next = (this.#current + 1) % DEFERRED_SET_SIZE;
    if (!this.#entries[next]!.count) this.#current = next;
    return true;
  }
}
