/**
 * A snapshot's exception table (drivers/md/dm-snap.c, src/engine/targets/snapshot.ts), for the
 * `snapshot` and `snapshot-merge` targets: which chunks of the origin the snapshot shares and
 * which it has copied to its COW device, where each copy is (origin chunk → COW chunk), how the
 * COW device is laid out (a persistent store's header and metadata areas, the data chunks in
 * use, what is left), and, for a merge, how far it got. Drawn from the `snap_exception`,
 * `snap_merge` and `snap_state` records before the cursor (docs/events.md), and the snapshot's
 * latest bios: each is outlined where it went, on the COW device or on the origin.
 */

import { useMemo } from "react";
import { EV, ev } from "../../engine/events.ts";
import type { EventHistory } from "../history/history.ts";
import type { HistoryIndex } from "../history/indexes.ts";
import { OP_WRITE } from "../history/model.ts";
import { defineTargetView, type TargetViewProps } from "./targetView.ts";

/** A snapshot table line as `dmsetup table` prints it: `<origin> <COW> <P|PO|N> <chunk> [features]`. */
export interface SnapshotArgs {
  origin: string;
  cow: string;
  /** "P", "PO" or "N". */
  store: string;
  /** Sectors. */
  chunk: number;
  features: string[];
}

export function parseSnapshotArgs(args: string): SnapshotArgs | null {
  const t = args.trim().split(/\s+/);
  if (t.length < 4) return null;
  const chunk = Number(t[3]);
  // Chunk size 0: a handover destination before its resume (the snap_state event has it).
  if (!/^(P|PO|N)$/.test(t[2]!) || !(chunk >= 0)) return null;
  return { origin: t[0]!, cow: t[1]!, store: t[2]!, chunk, features: t.slice(5) };
}

/** "major:minor" → the event records' dev number. */
export function devNumber(s: string): number {
  const [maj, min] = s.split(":").map(Number);
  return (maj ?? 0) * 0x100000 + (min ?? 0);
}

/** Where one of the snapshot's latest bios went. */
export interface SnapAccess {
  /** Origin chunk. */
  chunk: number;
  write: boolean;
  /** To the COW device (an exception), else to the origin. */
  cow: boolean;
}

export interface SnapshotModel {
  /** Sectors: from the table line, or from the records when it says 0 (0: not known yet). */
  chunk: number;
  /** origin chunk → COW chunk, for every exception at the cursor. */
  exceptions: Map<number, number>;
  /** Chunks merged back into the origin so far, and the exceptions there were when it began. */
  merged: number;
  mergeTotal: number;
  merging: boolean;
  mergeDone: boolean;
  /** "valid", "invalid", "overflow" or "merge failed". */
  state: string;
  /** The latest bios of this target, oldest first. */
  recent: SnapAccess[];
}

/**
 * The snapshot's state before `cursor`, from its device's records: the exceptions its ctr read
 * back (`snap_read`, for the table being loaded) become the live table's at `table_swap`, then
 * `snap_exception` and `snap_merge` change them; after an exception handover (`snap_state`
 * "handover from <dev>") the snapshot has the exceptions the source had.
 */
export function snapshotModel(
  dev: number,
  index: number,
  chunk: number,
  cow: number,
  history: EventHistory,
  records: HistoryIndex,
  cursor: number,
  recentLimit = 24,
  depth = 0,
): SnapshotModel {
  const fresh = (): SnapshotModel => ({
    chunk,
    exceptions: new Map(),
    merged: 0,
    mergeTotal: 0,
    merging: false,
    mergeDone: false,
    state: "valid",
    recent: [],
  });
  let m = fresh();
  let previous = m;
  let loading = new Map<number, number>();
  let loadingChunk = 0;
  const maps: number[] = [];
  for (const i of records.devRecords(dev, cursor)) {
    const type = history.type(i);
    if (type === EV.TABLE_LOAD) {
      // A table load that failed or was replaced leaves no trace; its ctr's reads start afresh.
      continue;
    }
    if (type === EV.TABLE_SWAP) {
      previous = m;
      m = fresh();
      m.exceptions = loading;
      m.chunk = chunk || loadingChunk;
      loading = new Map();
      maps.length = 0;
      continue;
    }
    if (type === EV.BIO_MAP) {
      if (history.get(i, ev.target) === index) maps.push(i);
      continue;
    }
    if (
      (type === EV.SNAP_READ || type === EV.SNAP_EXCEPTION) &&
      history.get(i, ev.b) === index &&
      !m.chunk
    )
      m.chunk = history.get(i, ev.sectors);
    if (type === EV.SNAP_READ && history.get(i, ev.b) === index) {
      loadingChunk = history.get(i, ev.sectors);
      loading.set(history.get(i, ev.sector), history.get(i, ev.a));
    } else if (type === EV.SNAP_EXCEPTION && history.get(i, ev.b) === index) {
      m.exceptions.set(history.get(i, ev.sector), history.get(i, ev.a));
    } else if (type === EV.SNAP_MERGE && history.get(i, ev.b) === index) {
      const first = history.get(i, ev.sector);
      const n = history.get(i, ev.sectors);
      for (let k = 0; k < n; k++) m.exceptions.delete(first + k);
      m.merged += n;
    } else if (type === EV.SNAP_STATE && history.get(i, ev.a) === index) {
      const text = history.string(history.get(i, ev.text)) ?? "";
      if (text === "invalid" || text === "overflow" || text === "merge failed") m.state = text;
      if (text === "merge started") {
        m.merging = true;
        m.mergeDone = false;
        m.mergeTotal = m.exceptions.size + m.merged;
      }
      if (text === "merge done" || text === "merge failed") {
        m.merging = false;
        m.mergeDone = text === "merge done";
      }
      const from = /^handover from (\d+:\d+)$/.exec(text);
      if (from) {
        m.chunk = history.get(i, ev.sectors) || m.chunk;
        const srcDev = devNumber(from[1]!);
        // From the table this one replaced on the same device, or from another device's.
        const src =
          srcDev === dev
            ? previous
            : depth < 4
              ? snapshotModel(srcDev, 0, 0, cow, history, records, i, 0, depth + 1)
              : fresh();
        for (const [o, n] of src.exceptions) m.exceptions.set(o, n);
        m.state = src.state;
      }
    }
  }
  for (const i of maps.slice(-recentLimit)) {
    const bio = history.bio(i);
    const chain = records.bioRecords(bio, cursor);
    const remap = chain.find((j) => history.type(j) === EV.BIO_REMAP);
    if (remap === undefined) continue;
    const root = records.rootOf(bio);
    const first = records.bioRecords(root, cursor)[0];
    const write = first !== undefined && history.get(first, ev.op) === OP_WRITE;
    m.recent.push({
      chunk: Math.floor(history.get(i, ev.sector) / (m.chunk || 1)),
      write,
      cow: history.dev(remap) === cow,
    });
  }
  return m;
}

/** The persistent store's layout: chunk 0 the header, then areas of (old, new) pairs. */
export function cowChunkKind(
  store: string,
  chunkSectors: number,
  c: number,
): "header" | "metadata" | "data" {
  if (store === "N") return "data";
  if (c === 0) return "header";
  const perArea = (chunkSectors * 512) / 16;
  return (c - 1) % (perArea + 1) === 0 ? "metadata" : "data";
}

/** Most squares drawn per device: past this, a square stands for several chunks. */
const MAX_CELLS = 1024;
const PER_ROW = 64;

function SnapshotView({
  device,
  dev,
  target,
  index,
  cursor,
  history,
  records,
  nameOf,
}: TargetViewProps) {
  const p = parseSnapshotArgs(target.args);
  const cowArea = target.maps[1];
  const model = useMemo(
    () =>
      p ? snapshotModel(dev, index, p.chunk, devNumber(p.cow), history, records, cursor) : null,
    // The args string stands for `p`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target.args, dev, index, history, records, cursor],
  );
  if (!p || !model) return <p className="empty">Not a snapshot table line: {target.args}</p>;
  const cs = model.chunk;
  if (!cs)
    return (
      <p className="empty">
        Chunk size not known yet: this table takes the exceptions of another at its resume.
      </p>
    );
  const originChunks = Math.ceil(target.length / cs);
  const cowChunks = cowArea ? Math.floor(cowArea.length / cs) : 0;
  const reverse = new Map<number, number>();
  for (const [o, n] of model.exceptions) reverse.set(n, o);
  const persistent = p.store !== "N";
  const perArea = (cs * 512) / 16;
  const maxNew = Math.max(persistent ? 1 : -1, ...reverse.keys());
  const used = persistent ? maxNew + 1 : model.exceptions.size;
  const areas = persistent ? Math.floor((maxNew - 1) / (perArea + 1)) + 1 : 0;
  const recentByChunk = new Map<number, SnapAccess>();
  for (const a of model.recent) recentByChunk.set(a.chunk, a);
  const oGroup = Math.ceil(originChunks / MAX_CELLS);
  const cGroup = Math.max(1, Math.ceil(cowChunks / MAX_CELLS));
  const oCells = Math.ceil(originChunks / oGroup);
  const cCells = Math.ceil(cowChunks / cGroup);
  // Smaller squares for more chunks, so both devices fit the panel.
  const CELL = Math.max(oCells, cCells) > 256 ? 7 : Math.max(oCells, cCells) > 64 ? 9 : 12;
  const oRows = Math.ceil(oCells / PER_ROW);
  const cRows = Math.ceil(cCells / PER_ROW);
  const oTop = 30;
  const cTop = oTop + oRows * CELL + 32;
  const width = PER_ROW * CELL + 8;
  const height = cTop + cRows * CELL + 6;
  const isMerge = target.type === "snapshot-merge";
  const cells = [];
  for (let k = 0; k < oCells; k++) {
    const c0 = k * oGroup;
    let copied = 0;
    let hot: SnapAccess | undefined;
    for (let g = 0; g < oGroup && c0 + g < originChunks; g++) {
      if (model.exceptions.has(c0 + g)) copied++;
      hot ??= recentByChunk.get(c0 + g);
    }
    const to = model.exceptions.get(c0);
    const cls = `chunk ${copied ? "copied" : "shared"}${hot ? (hot.cow ? " hot-cow" : " hot-origin") : ""}`;
    cells.push(
      <rect
        key={`o${k}`}
        className={cls}
        x={4 + (k % PER_ROW) * CELL}
        y={oTop + Math.floor(k / PER_ROW) * CELL}
        width={CELL - 1}
        height={CELL - 1}
        rx={1}
      >
        <title>
          {oGroup === 1
            ? `origin chunk ${c0} (sectors ${c0 * cs}-${(c0 + 1) * cs - 1}): ${
                to === undefined ? "shared with the origin" : `copied to COW chunk ${to}`
              }${hot ? `; latest bio: ${hot.write ? "write" : "read"} to the ${hot.cow ? "COW device" : "origin"}` : ""}`
            : `origin chunks ${c0}-${c0 + oGroup - 1}: ${copied} copied`}
        </title>
      </rect>,
    );
  }
  for (let k = 0; k < cCells; k++) {
    const c0 = k * cGroup;
    const kind = cowChunkKind(p.store, cs, c0);
    const from = reverse.get(c0);
    const inUse = kind !== "data" ? c0 < used || kind === "header" || c0 === 1 : from !== undefined;
    const cls = `cow ${kind}${inUse ? " used" : ""}`;
    cells.push(
      <rect
        key={`c${k}`}
        className={cls}
        x={4 + (k % PER_ROW) * CELL}
        y={cTop + Math.floor(k / PER_ROW) * CELL}
        width={CELL - 1}
        height={CELL - 1}
        rx={1}
      >
        <title>
          {cGroup === 1
            ? `COW chunk ${c0} (sector ${c0 * cs}): ${
                kind === "header"
                  ? "header (SnAp, valid, version, chunk size)"
                  : kind === "metadata"
                    ? `metadata area ${Math.floor((c0 - 1) / (perArea + 1))}: ${perArea} (old, new) pairs`
                    : from !== undefined
                      ? `holds origin chunk ${from}`
                      : "free"
              }`
            : `COW chunks ${c0}-${c0 + cGroup - 1}`}
        </title>
      </rect>,
    );
  }
  const list = [...model.exceptions].sort((a, b) => a[0] - b[0]);
  const state =
    model.state === "valid"
      ? isMerge
        ? model.mergeDone
          ? "merged"
          : "merging"
        : "valid"
      : model.state;
  return (
    <figure className="target-view snapshot-view">
      <div className="snap-row">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`snapshot exception table: ${model.exceptions.size} of ${originChunks} origin chunks copied, ${state}`}
        >
          <text x={4} y={12} className="snap-head">
            {`origin ${nameOf(p.origin)} · ${originChunks} chunks of ${cs} sectors`}
          </text>
          <text x={4} y={25} className="snap-sub">
            {`${model.exceptions.size} copied · ${originChunks - model.exceptions.size} shared · ${state}`}
          </text>
          <text x={4} y={cTop - 18} className="snap-head">
            {`COW ${nameOf(p.cow)} · ${p.store === "N" ? "transient" : "persistent"} · ${cowChunks} chunks`}
          </text>
          <text x={4} y={cTop - 5} className="snap-sub">
            {persistent
              ? `header · ${areas} metadata area${areas === 1 ? "" : "s"} · ${model.exceptions.size} data · ${Math.max(0, cowChunks - used)} free`
              : `${model.exceptions.size} data · ${Math.max(0, cowChunks - used)} free`}
          </text>
          {cells}
        </svg>
        <div className="snap-side">
          {isMerge && (
            <div
              className="snap-merge"
              role="progressbar"
              aria-label="merge progress"
              aria-valuenow={model.merged}
              aria-valuemax={Math.max(model.mergeTotal, model.merged)}
            >
              <div
                className="snap-merge-bar"
                style={{
                  width: `${model.mergeTotal ? (100 * model.merged) / model.mergeTotal : model.mergeDone ? 100 : 0}%`,
                }}
              />
              <span>{`merged ${model.merged} of ${Math.max(model.mergeTotal, model.merged)} chunks${model.mergeDone ? " · done" : ""}`}</span>
            </div>
          )}
          <table className="snap-exceptions" aria-label="exceptions">
            <thead>
              <tr>
                <th>origin chunk</th>
                <th>→ COW chunk</th>
                <th>COW sector</th>
              </tr>
            </thead>
            <tbody>
              {list.slice(0, 12).map(([o, n]) => (
                <tr key={o}>
                  <td>{o}</td>
                  <td>{n}</td>
                  <td>{n * cs}</td>
                </tr>
              ))}
              {list.length > 12 && (
                <tr>
                  <td colSpan={3}>{`… ${list.length - 12} more`}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
      <figcaption>
        {`${device.name}: a write to the origin copies the chunk to the COW device first (a read of the origin and a write of the COW, the snapshot's own bios); a read of the snapshot goes to the COW for a copied chunk, else to the origin. Outlined: the chunks of the snapshot's latest bios (yellow: to the COW, blue: to the origin).`}
      </figcaption>
    </figure>
  );
}

export const snapshotView = defineTargetView({
  type: "snapshot",
  title: "exception table",
  View: SnapshotView,
});

export default defineTargetView({
  type: "snapshot-merge",
  title: "exception table and merge",
  View: SnapshotView,
});
