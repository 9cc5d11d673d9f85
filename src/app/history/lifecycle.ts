/**
 * The lifecycle records of the history (devices, tables, targets, disks, faults: the kinds
 * `isLifecycleEvent` names), kept apart from the bio records: they are few, and they must
 * outlive them. The timeline still has a device's creation, and the topology (topology.ts) can
 * still be rebuilt at any cursor, after the bios around it have been forgotten.
 *
 * Records are numbered 0.. in the order added (`n`); `indices[n]` is the record's index in the
 * history. The store is a RecordSource, so a fold (fold.ts) runs over it as over the history.
 */

import { RECORD_SLOTS } from "../../engine/events.ts";

export class LifecycleStore {
  indices: number[] = [];
  #records = new Float64Array(1024 * RECORD_SLOTS);
  readonly max: number;
  /** Bumped by clear(), as EventHistory's. */
  epoch = 0;
  #onClear = new Set<() => void>();
  /** For folds (fold.ts): only its divisors matter; the store never forgets. */
  readonly chunkRecords = 1 << 15;
  readonly base = 0;

  constructor(max = 200_000) {
    this.max = max;
  }

  /** Lifecycle records held. */
  get head(): number {
    return this.indices.length;
  }

  add(r: Float64Array, o: number, index: number): void {
    if (this.indices.length >= this.max) return;
    const n = this.indices.length;
    if ((n + 1) * RECORD_SLOTS > this.#records.length) {
      const bigger = new Float64Array(this.#records.length * 2);
      bigger.set(this.#records);
      this.#records = bigger;
    }
    this.#records.set(r.subarray(o, o + RECORD_SLOTS), n * RECORD_SLOTS);
    this.indices.push(index);
  }

  clear(): void {
    this.indices = [];
    this.epoch++;
    for (const l of this.#onClear) l();
  }

  /** How many lifecycle records come before history index `c`. */
  countBefore(c: number): number {
    let lo = 0;
    let hi = this.indices.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.indices[mid]! < c) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The n-th lifecycle record's slots (read them with events.ts's `ev` at offset 0). */
  record(n: number): Float64Array {
    return this.#records.subarray(n * RECORD_SLOTS, (n + 1) * RECORD_SLOTS);
  }

  /** Visits lifecycle records [from, to), as EventHistory.forEach (index: n). */
  forEach(
    from: number,
    to: number,
    visit: (data: Float64Array, offset: number, index: number) => void,
  ): void {
    const data = this.#records;
    const end = Math.min(to, this.indices.length);
    for (let n = Math.max(0, from); n < end; n++) visit(data, n * RECORD_SLOTS, n);
  }

  /** Never called: the store does not forget (it stops adding at `max`). */
  beforeForget(): () => void {
    return () => undefined;
  }

  onClear(listener: () => void): () => void {
    this.#onClear.add(listener);
    return () => this.#onClear.delete(listener);
  }
}
