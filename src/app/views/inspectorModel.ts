/**
 * What the inspector says about a thin bio's own steps (docs/events.md): the lookup of its block
 * (`thin_lookup`) and the allocation of a new data block (`thin_alloc`), and the link between
 * such an allocation and the zero or copy bios the thin target issued for it (its own bios:
 * `bio_submit` with an issuer, no parent); and which device a record's sector belongs to
 * (`sectorDev`). Pure: reads the history and its index.
 */

import { EV, ev } from "../../engine/events.ts";
import { BIO_OPS } from "../../engine/types.ts";
import type { EventHistory } from "../history/history.ts";
import type { HistoryIndex } from "../history/indexes.ts";

/** How far the links look, in records (the copy follows its allocation within one worker pass). */
export const LINK_WINDOW = 4096;

/**
 * `thin_lookup`'s line: "lookup: virtual block 3 unmapped", "lookup: virtual block 3 mapped to
 * data block 0", "lookup: virtual block 3 shared: data block 0 (a write breaks sharing)",
 * "lookup: virtual block 3 deferred: cell held".
 */
export function lookupDetail(virt: number, dataBlock: number, outcome: string): string {
  const head = `lookup: virtual block ${virt}`;
  switch (outcome) {
    case "mapped":
      return `${head} mapped to data block ${dataBlock}`;
    case "shared":
      return `${head} shared: data block ${dataBlock} (a write breaks sharing)`;
    default:
      return dataBlock >= 0 ? `${head} ${outcome} (data block ${dataBlock})` : `${head} ${outcome}`;
  }
}

/**
 * `thin_alloc`'s line: "allocated data block 9 (zeroed)", "allocated data block 9 (copy of 2:
 * breaks sharing)", "(copied from the external origin)", "(the write overwrites it whole)",
 * "(the write overwrites it whole: breaks sharing with 2)", "(not zeroed: skip_block_zeroing)".
 */
export function allocDetail(virt: number, dataBlock: number, fill: string): string {
  const [how, old] = fill.split(" ");
  let what: string;
  switch (how) {
    case "zero":
      what = "zeroed";
      break;
    case "copy":
      what = `copy of ${old}: breaks sharing`;
      break;
    case "external":
      what = "copied from the external origin";
      break;
    case "overwrite":
      what =
        old === undefined
          ? "the write overwrites it whole"
          : `the write overwrites it whole: breaks sharing with ${old}`;
      break;
    case "none":
      what = "not zeroed: skip_block_zeroing";
      break;
    default:
      what = fill;
  }
  return `allocated data block ${dataBlock} for virtual block ${virt} (${what})`;
}

/** A thin_alloc record, as the links need it. */
interface Alloc {
  index: number;
  bio: number;
  /** The thin device (the issuer of the zero and copy bios). */
  dev: number;
  spb: number;
  virt: number;
  dataBlock: number;
  how: string;
  old: number;
}

function allocAt(h: EventHistory, i: number): Alloc {
  const [how = "", old] = (h.string(h.get(i, ev.b)) ?? "").split(" ");
  return {
    index: i,
    bio: h.bio(i),
    dev: h.dev(i),
    spb: h.get(i, ev.sectors),
    virt: h.get(i, ev.sector),
    dataBlock: h.get(i, ev.a),
    how,
    old: old === undefined ? -1 : Number(old),
  };
}

/**
 * What the own bio submitted at record `i` does for allocation `a`, or null if it is not one of
 * its bios: "zero", "copy into", "copy from", "overwrite".
 */
function roleOf(h: EventHistory, a: Alloc, i: number): string | null {
  const issuer = h.get(i, ev.issuer);
  if (!issuer || issuer.dev !== a.dev) return null;
  const op = BIO_OPS[h.get(i, ev.op)];
  const sector = h.get(i, ev.sector);
  const within = (block: number) =>
    block >= 0 && sector >= block * a.spb && sector < (block + 1) * a.spb;
  if (op === "READ") {
    if (a.how === "copy" && within(a.old)) return "copy from";
    if (a.how === "external" && within(a.virt)) return "copy from";
    return null;
  }
  if (!within(a.dataBlock)) return null;
  switch (a.how) {
    case "zero":
      return "zero";
    case "copy":
    case "external":
      return "copy into";
    case "overwrite":
      return "overwrite";
    default:
      return null;
  }
}

/** The own bios (their ids) that zero, copy or overwrite the block of the thin_alloc at `i`. */
export function allocBios(h: EventHistory, i: number, upTo: number): number[] {
  const a = allocAt(h, i);
  const out: number[] = [];
  const end = Math.min(upTo, h.head, i + LINK_WINDOW);
  for (let j = i + 1; j < end; j++) {
    const t = h.type(j);
    if (t === EV.THIN_MAP && h.dev(j) === a.dev && h.get(j, ev.sector) === a.virt) break;
    if (t !== EV.BIO_SUBMIT || h.get(j, ev.parent) !== 0) continue;
    if (roleOf(h, a, j) !== null) out.push(h.bio(j));
  }
  return out;
}

/**
 * For an own bio submitted at record `i` by a thin device: "zero for bio 12", "copy into data
 * block 4 for bio 12", "copy from data block 2 for bio 12", "overwrite for bio 12"; null when it
 * is not one of a thin allocation's (metadata I/O, another target's).
 */
export function ownBioPurpose(h: EventHistory, index: HistoryIndex, i: number): string | null {
  const issuer = h.get(i, ev.issuer);
  if (!issuer) return null;
  for (const j of index.devRecords(issuer.dev, i, LINK_WINDOW).reverse()) {
    if (h.type(j) !== EV.THIN_ALLOC) continue;
    const a = allocAt(h, j);
    const role = roleOf(h, a, i);
    if (role === null) continue;
    const block = role === "copy from" ? (a.how === "copy" ? a.old : -1) : a.dataBlock;
    const what =
      role === "copy from" && block < 0
        ? "copy from the external origin"
        : role === "zero" || role === "overwrite"
          ? `${role} of data block ${block}`
          : `${role} data block ${block}`;
    return `${what} for bio ${a.bio}`;
  }
  return null;
}

/**
 * The device whose sectors record `i` names (the inspector labels its range with that device's
 * name). A record's own device, except for `bio_endio`: it names the mapped device whose target's
 * end_io ran (clone_endio) with the clone's sector as the target left it, which after a remap is
 * a sector of the device the clone was sent to (its bi_bdev then, in Linux). That device is the
 * one the clone's latest `bio_remap` before the record names; a clone never remapped (zero,
 * error, a target ending it itself) still has the mapped device's sectors.
 */
export function sectorDev(h: EventHistory, index: HistoryIndex, i: number): number {
  const dev = h.dev(i);
  if (h.type(i) !== EV.BIO_ENDIO) return dev;
  const records = index.bioRecords(h.bio(i), i);
  for (let k = records.length - 1; k >= 0; k--) {
    const j = records[k]!;
    if (h.type(j) === EV.BIO_REMAP) return h.dev(j);
  }
  return dev;
}
