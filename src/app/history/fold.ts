/**
 * A view model as a fold over the history: `state(c)` is what records [0, c) add up to, for any
 * cursor `c` the history still holds. This is what makes playback exact: a view drawn from
 * `state(c)` is the same picture however the cursor got to `c`.
 *
 * The head state is kept up to date lazily (`sync`, and always before the history forgets
 * records, so nothing is missed), and a snapshot is kept every `every` records; the state at an
 * earlier cursor is the nearest snapshot at or before it, cloned, plus at most `every` records
 * replayed. `every` divides the history's chunk size, so when a chunk is forgotten there is a
 * snapshot exactly at the new base, which stands for everything forgotten.
 */

import type { EventHistory } from "./history.ts";

/** What a fold runs over: the history, or a store of some of its records (lifecycle.ts). */
export type RecordSource = Pick<
  EventHistory,
  "chunkRecords" | "base" | "head" | "forEach" | "beforeForget" | "onClear"
>;

export interface Fold<S> {
  init(): S;
  /** Applies record `index` (at `offset` of `data`) to `state`, in place. */
  apply(state: S, data: Float64Array, offset: number, index: number): void;
  /** A deep copy: snapshots must not change when the head state does. */
  clone(state: S): S;
}

export class FoldCache<S> {
  readonly #h: RecordSource;
  readonly #fold: Fold<S>;
  readonly every: number;
  #state: S;
  /** Records applied to #state: [#origin, #at). */
  #at: number;
  #snaps: Array<{ at: number; state: S }> = [];
  readonly #unsubscribe: Array<() => void>;

  constructor(history: RecordSource, fold: Fold<S>, every = 4096) {
    this.#h = history;
    this.#fold = fold;
    this.every = Math.min(every, history.chunkRecords);
    if (history.chunkRecords % this.every !== 0) throw new Error("every must divide the chunk");
    this.#state = fold.init();
    // A fold created late starts from the oldest record held: what was forgotten is unknown.
    this.#at = history.base;
    this.#snaps.push({ at: this.#at, state: fold.clone(this.#state) });
    this.#unsubscribe = [
      history.beforeForget((newBase) => {
        this.sync();
        const keep = this.#snaps.filter((s) => s.at >= newBase);
        if (keep.length === 0 || keep[0]!.at !== newBase) {
          // No snapshot at the new base (it cannot happen with `every` dividing the chunk, but
          // keep the invariant that the oldest snapshot is at or below the base).
          const at = this.#snaps.filter((s) => s.at <= newBase).pop();
          if (at) keep.unshift(at);
        }
        this.#snaps = keep;
      }),
      history.onClear(() => this.reset()),
    ];
  }

  dispose(): void {
    for (const u of this.#unsubscribe) u();
  }

  reset(): void {
    this.#state = this.#fold.init();
    this.#at = this.#h.base;
    this.#snaps = [{ at: this.#at, state: this.#fold.clone(this.#state) }];
  }

  /** Applies every record not yet applied; returns the head state (do not mutate it). */
  sync(): S {
    const h = this.#h;
    if (this.#at < h.head) {
      const fold = this.#fold;
      const state = this.#state;
      const every = this.every;
      h.forEach(this.#at, h.head, (data, o, i) => {
        if (i % every === 0 && i > this.#snaps[this.#snaps.length - 1]!.at) {
          this.#snaps.push({ at: i, state: fold.clone(state) });
        }
        fold.apply(state, data, o, i);
      });
      this.#at = h.head;
    }
    return this.#state;
  }

  /** Records [0, c) folded. At the head this is the live state itself (do not mutate it). */
  stateAt(c: number): S {
    const h = this.#h;
    this.sync();
    const cursor = Math.max(h.base, Math.min(c, h.head));
    if (cursor === this.#at) return this.#state;
    let snap = this.#snaps[0]!;
    // Binary search: the last snapshot at or before the cursor.
    let lo = 0;
    let hi = this.#snaps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.#snaps[mid]!;
      if (s.at <= cursor) {
        snap = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const state = this.#fold.clone(snap.state);
    const fold = this.#fold;
    h.forEach(snap.at, cursor, (data, o, i) => fold.apply(state, data, o, i));
    return state;
  }

  get snapshots(): number {
    return this.#snaps.length;
  }
}
