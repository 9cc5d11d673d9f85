/**
 * A mirror's regions per leg (drivers/md/dm-raid1.c, dm-region-hash.c, dm-log.c): the segment
 * is cut into regions of `region_size` sectors; each leg is a row of cells, one per region (or
 * per group of regions when there are many), coloured by the region's state before the playback
 * cursor: in sync (clean), dirty (writes in flight, marked in the log), recovering (kcopyd
 * copying it from the default leg), out of sync (the other legs may hold stale data there). A
 * failed leg is marked with its health character (D write, F flush, S sync, R read). Drawn from
 * the mirror_region, mirror_leg and mirror_sync records (docs/events.md).
 */

import { useMemo } from "react";
import { EV, ev } from "../../engine/events.ts";
import type { EventHistory } from "../history/history.ts";
import type { HistoryIndex } from "../history/indexes.ts";
import { defineTargetView, type TargetViewProps } from "./targetView.ts";

/** A mirror table line's arguments, as `dmsetup table` prints them. */
export interface MirrorArgs {
  log: "core" | "disk" | string;
  logDev: string | null;
  /** Sectors. */
  regionSize: number;
  nosync: boolean;
  legs: Array<{ dev: string; offset: number }>;
  features: string[];
}

export function parseMirrorArgs(args: string): MirrorArgs | null {
  const t = args.trim().split(/\s+/);
  const logType = t[0];
  const n = Number(t[1]);
  if (!logType || !(n >= 1)) return null;
  const logArgs = t.slice(2, 2 + n);
  const logDev = logType === "disk" ? (logArgs[0] ?? null) : null;
  const sizeArg = logType === "disk" ? logArgs[1] : logArgs[0];
  const regionSize = Number(sizeArg);
  const nosync = logArgs.includes("nosync");
  let i = 2 + n;
  const legsN = Number(t[i++]);
  if (!(regionSize >= 1) || !(legsN >= 2)) return null;
  const legs: MirrorArgs["legs"] = [];
  for (let k = 0; k < legsN; k++) {
    const dev = t[i++];
    const offset = Number(t[i++]);
    if (!dev || !Number.isFinite(offset)) return null;
    legs.push({ dev, offset });
  }
  const nf = Number(t[i++] ?? 0);
  return { log: logType, logDev, regionSize, nosync, legs, features: t.slice(i, i + nf) };
}

export type RegionView = "sync" | "dirty" | "recovering" | "nosync";

export interface MirrorModel {
  regions: RegionView[];
  /** Per leg: its status character (A when healthy). */
  health: string[];
  /** Regions copied by recovery before the cursor. */
  recovered: number;
}

function parseRanges(text: string, into: RegionView[], state: RegionView): void {
  for (const part of text.split(",")) {
    if (!part) continue;
    const [a, b] = part.split("-").map(Number);
    if (a === undefined || !Number.isFinite(a)) continue;
    for (let r = a; r <= (b ?? a) && r < into.length; r++) into[r] = state;
  }
}

/**
 * The regions' states and the legs' health at `cursor`, from the device's records for the
 * segment [start, start + length). Before the first resume, every region is out of sync
 * unless the line says nosync.
 */
export function mirrorModel(
  p: MirrorArgs,
  start: number,
  length: number,
  dev: number,
  history: EventHistory,
  records: HistoryIndex,
  cursor: number,
): MirrorModel {
  const n = Math.ceil(length / p.regionSize);
  const regions: RegionView[] = new Array<RegionView>(n).fill(p.nosync ? "sync" : "nosync");
  const health = p.legs.map(() => "A");
  let recovered = 0;
  const inside = (i: number): boolean => {
    const s = history.get(i, ev.sector);
    return s >= start && s < start + length;
  };
  for (const i of records.devRecords(dev, cursor)) {
    const type = history.type(i);
    if (type === EV.TABLE_SWAP) {
      // A new table: its regions start over (what the log says comes with its resume).
      regions.fill(p.nosync ? "sync" : "nosync");
      health.fill("A");
      recovered = 0;
    } else if (type === EV.MIRROR_SYNC && inside(i)) {
      regions.fill("sync");
      parseRanges(history.string(history.get(i, ev.text)) ?? "", regions, "nosync");
    } else if (type === EV.MIRROR_REGION && inside(i)) {
      const r = history.get(i, ev.b);
      if (r < 0 || r >= n) continue;
      const code = history.get(i, ev.a);
      if (code === 3) regions[r] = "recovering";
      else if (code === 1) regions[r] = "dirty";
      else if (code === 2) regions[r] = "nosync";
      else {
        if (regions[r] === "recovering") recovered++;
        regions[r] = "sync";
      }
    } else if (type === EV.MIRROR_LEG && inside(i)) {
      const leg = history.get(i, ev.a);
      if (leg >= 0 && leg < health.length)
        health[leg] = history.string(history.get(i, ev.text)) ?? "U";
    }
  }
  return { regions, health, recovered };
}

const COLORS: Record<RegionView, string> = {
  sync: "var(--ok)",
  dirty: "var(--warn)",
  recovering: "var(--accent)",
  nosync: "var(--line-2)",
};
const LABELS: Record<RegionView, string> = {
  sync: "in sync",
  dirty: "dirty (writes in flight)",
  recovering: "recovering (kcopyd)",
  nosync: "out of sync",
};
const HEALTH: Record<string, string> = {
  A: "alive",
  D: "write failed",
  F: "flush failed",
  S: "resync failed",
  R: "read failed",
  U: "unknown error",
};
const MAX_CELLS = 256;
const CELL = 12;

function MirrorView({ target, dev, cursor, history, records, nameOf }: TargetViewProps) {
  const p = parseMirrorArgs(target.args);
  const model = useMemo(
    () => (p ? mirrorModel(p, target.start, target.length, dev, history, records, cursor) : null),
    // The args string stands for `p`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target.args, target.start, target.length, dev, history, records, cursor],
  );
  if (!p || !model) return <p className="empty">Not a mirror table line: {target.args}</p>;
  const n = model.regions.length;
  const group = Math.ceil(n / MAX_CELLS);
  const cells = Math.ceil(n / group);
  // A group's colour: the "worst" state of its regions.
  const rank: RegionView[] = ["sync", "dirty", "nosync", "recovering"];
  const cellState = (c: number): RegionView => {
    let worst = 0;
    for (let r = c * group; r < Math.min(n, (c + 1) * group); r++)
      worst = Math.max(worst, rank.indexOf(model.regions[r]!));
    return rank[worst]!;
  };
  const perRow = Math.min(cells, 64);
  const rows = Math.ceil(cells / perRow);
  const inSync = model.regions.filter((s) => s === "sync" || s === "dirty").length;
  const defaultLeg = Math.max(
    0,
    model.health.findIndex((h) => h === "A"),
  );
  return (
    <div className="mirror-view">
      <p className="tv-summary">
        {p.legs.length} legs · {n} regions of {p.regionSize} sectors
        {group > 1 ? ` (a cell is ${group} regions)` : ""} · {inSync}/{n} in sync · log {p.log}
        {p.logDev ? ` on ${nameOf(p.logDev)}` : ""}
        {p.features.length ? ` · ${p.features.join(" ")}` : ""}
      </p>
      {p.legs.map((leg, li) => {
        const h = model.health[li] ?? "A";
        const isDefault = li === defaultLeg;
        return (
          <div key={li} className={`mirror-leg${h !== "A" ? " failed" : ""}`}>
            <div className="mirror-leg-head">
              <strong>
                leg {li}: {nameOf(leg.dev)}
              </strong>{" "}
              +{leg.offset} · <span title={HEALTH[h] ?? h}>{h}</span> {HEALTH[h] ?? ""}
              {isDefault ? " · default (reads, recovery source)" : ""}
            </div>
            <svg
              role="img"
              aria-label={`leg ${li} regions`}
              width={perRow * CELL}
              height={rows * CELL}
            >
              {Array.from({ length: cells }, (_, c) => {
                const s = cellState(c);
                // On the default leg, out-of-sync regions hold the data; elsewhere they are stale.
                const fill = isDefault && s === "nosync" ? COLORS.sync : COLORS[s];
                return (
                  <rect
                    key={c}
                    x={(c % perRow) * CELL}
                    y={Math.floor(c / perRow) * CELL}
                    width={CELL - 2}
                    height={CELL - 2}
                    fill={fill}
                    opacity={h !== "A" ? 0.35 : 1}
                  >
                    <title>
                      region {c * group}
                      {group > 1 ? `-${Math.min(n, (c + 1) * group) - 1}` : ""}: {LABELS[s]}
                    </title>
                  </rect>
                );
              })}
            </svg>
          </div>
        );
      })}
      <p className="tv-legend">
        {(Object.keys(COLORS) as RegionView[]).map((s) => (
          <span key={s}>
            <span className="swatch" style={{ background: COLORS[s] }} /> {LABELS[s]}{" "}
          </span>
        ))}
        · recovered so far: {model.recovered}
      </p>
    </div>
  );
}

export default defineTargetView({ type: "mirror", title: "regions per leg", View: MirrorView });
