/**
 * Indexes over the history, built lazily (only when a query needs them, and then only over the
 * records added since the last query): each record is linked to the previous record of the same
 * bio and of the same device, in typed arrays parallel to the history's chunks, and the latest
 * record of each bio and device is kept. Split pieces and clones name their parent, which gives
 * each bio its children.
 *
 * Chains run backwards, so forgetting old records breaks nothing: a walk simply stops at the
 * history's base.
 */

import { ev, namesBio } from "../../engine/events.ts";
import type { EventHistory } from "./history.ts";

export class HistoryIndex {
  readonly #h: EventHistory;
  /** Per history chunk: for each record, the previous record of its bio, and of its device. */
  #prevBio = new Map<number, Float64Array>();
  #prevDev = new Map<number, Float64Array>();
  #lastBio = new Map<number, number>();
  #lastDev = new Map<number, number>();
  #children = new Map<number, number[]>();
  #parent = new Map<number, number>();
  #built = 0;
  #epoch: number;

  constructor(history: EventHistory) {
    this.#h = history;
    this.#epoch = history.epoch;
    this.#built = history.base;
    history.beforeForget((newBase) => this.#forget(newBase));
    history.onClear(() => this.#reset());
  }

  #reset(): void {
    this.#prevBio.clear();
    this.#prevDev.clear();
    this.#lastBio.clear();
    this.#lastDev.clear();
    this.#children.clear();
    this.#parent.clear();
    this.#built = this.#h.base;
    this.#epoch = this.#h.epoch;
  }

  #forget(newBase: number): void {
    const cr = this.#h.chunkRecords;
    for (const k of [...this.#prevBio.keys()]) {
      if ((k + 1) * cr <= newBase) {
        this.#prevBio.delete(k);
        this.#prevDev.delete(k);
      }
    }
    if (this.#built < newBase) this.#built = newBase;
    for (const [bio, last] of this.#lastBio) {
      if (last < newBase) {
        this.#lastBio.delete(bio);
        this.#children.delete(bio);
        this.#parent.delete(bio);
      }
    }
    for (const [dev, last] of this.#lastDev) if (last < newBase) this.#lastDev.delete(dev);
  }

  /** Indexes every record not indexed yet. */
  ensure(): void {
    const h = this.#h;
    if (this.#epoch !== h.epoch) this.#reset();
    if (this.#built >= h.head) return;
    const cr = h.chunkRecords;
    h.forEach(this.#built, h.head, (r, o, i) => {
      const chunk = Math.floor(i / cr);
      let pb = this.#prevBio.get(chunk);
      let pd = this.#prevDev.get(chunk);
      if (!pb || !pd) {
        pb = new Float64Array(cr).fill(-1);
        pd = new Float64Array(cr).fill(-1);
        this.#prevBio.set(chunk, pb);
        this.#prevDev.set(chunk, pd);
      }
      const k = i - chunk * cr;
      const bio = ev.bio(r, o);
      const dev = ev.dev(r, o);
      pd[k] = this.#lastDev.get(dev) ?? -1;
      this.#lastDev.set(dev, i);
      if (bio !== 0 && namesBio(r, o)) {
        pb[k] = this.#lastBio.get(bio) ?? -1;
        this.#lastBio.set(bio, i);
        const parent = ev.parent(r, o);
        if (parent !== 0 && !this.#parent.has(bio)) {
          this.#parent.set(bio, parent);
          const kids = this.#children.get(parent);
          if (kids) kids.push(bio);
          else this.#children.set(parent, [bio]);
        }
      }
    });
    this.#built = h.head;
  }

  #prev(map: Map<number, Float64Array>, i: number): number {
    const cr = this.#h.chunkRecords;
    const chunk = Math.floor(i / cr);
    return map.get(chunk)?.[i - chunk * cr] ?? -1;
  }

  #walk(map: Map<number, Float64Array>, last: number | undefined, upTo: number, limit: number) {
    const out: number[] = [];
    const base = this.#h.base;
    let i = last ?? -1;
    while (i >= upTo) i = this.#prev(map, i);
    while (i >= base && out.length < limit) {
      out.push(i);
      i = this.#prev(map, i);
    }
    return out.reverse();
  }

  /** Records of `bio` before `upTo` (the cursor), oldest first. */
  bioRecords(bio: number, upTo = Infinity, limit = Infinity): number[] {
    this.ensure();
    return this.#walk(this.#prevBio, this.#lastBio.get(bio), upTo, limit);
  }

  /** The latest `limit` records of device `dev` before `upTo`, oldest first. */
  devRecords(dev: number, upTo = Infinity, limit = Infinity): number[] {
    this.ensure();
    return this.#walk(this.#prevDev, this.#lastDev.get(dev), upTo, limit);
  }

  parentOf(bio: number): number {
    this.ensure();
    return this.#parent.get(bio) ?? 0;
  }

  childrenOf(bio: number): readonly number[] {
    this.ensure();
    return this.#children.get(bio) ?? [];
  }

  /** The bio a process issued that `bio` descends from (as far as the history knows). */
  rootOf(bio: number): number {
    this.ensure();
    let b = bio;
    for (let n = 0; n < 64; n++) {
      const p = this.#parent.get(b);
      if (!p) return b;
      b = p;
    }
    return b;
  }

  /** `root` and all its descendants, parents before children. */
  family(root: number): number[] {
    this.ensure();
    const out = [root];
    for (let i = 0; i < out.length && out.length < 10_000; i++) {
      for (const k of this.#children.get(out[i]!) ?? []) out.push(k);
    }
    return out;
  }

  /** Every record of `root`'s family before `upTo`, in history order. */
  familyRecords(root: number, upTo = Infinity): number[] {
    const all: number[] = [];
    for (const b of this.family(root)) for (const i of this.bioRecords(b, upTo)) all.push(i);
    return all.sort((x, y) => x - y);
  }

  /** Bios known to the index (tests). */
  get bios(): number {
    this.ensure();
    return this.#lastBio.size;
  }
}
