/**
 * Outcomes: per device and per target, how many bios each MapState and each completion status
 * got, and at what rate (per virtual second, over the last virtual second), at the playback
 * cursor: live while playing, the past when scrubbed. A click on a count narrows the flow to
 * the bios that had it.
 */

import { useMemo } from "react";
import { BLK_STATUSES, MAP_STATES } from "../../engine/types.ts";
import { setFlowFilter } from "../history/actions.ts";
import {
  deviceRowKey,
  devName,
  devString,
  ROW,
  STATUS_OK,
  targetRowKey,
  targetType,
  type StatsState,
} from "../history/model.ts";
import { history, stats } from "../history/service.ts";
import { MAP_COLORS } from "../flow/flowDraw.ts";
import { useAppStore } from "../store/index.ts";
import type { FlowFilter } from "../store/playbackSlice.ts";

interface Column {
  key: string;
  /** Full name (accessible names, the filter's label); `head` may abbreviate it. */
  name: string;
  head: string;
  title: string;
  slot: number;
  kind: FlowFilter["kind"];
  code: number;
  color?: string;
}

interface Row {
  key: number;
  label: string;
  sub: string;
  target: boolean;
  counts: Float64Array;
  rates: Float64Array | null;
}

const RATE_WINDOW_NS = 1e9;

const SHORT: Record<string, string> = {
  SUBMITTED: "SUBMIT",
  REMAPPED: "REMAP",
  DELAY_REQUEUE: "DELAY_RQ",
};

const mapColumns: Column[] = MAP_STATES.map((m, i) => ({
  key: `map-${m}`,
  name: m,
  head: SHORT[m] ?? m,
  title: `map returned DM_MAPIO_${m}`,
  slot: ROW.MAP + i,
  kind: "map",
  code: i,
  color: MAP_COLORS[m]!,
}));

function statusColumns(states: readonly StatsState[]): Column[] {
  // OK always; other statuses when some row has them.
  const used = new Set<number>([STATUS_OK]);
  for (const s of states) {
    for (const r of s.rows.values()) {
      for (let i = 0; i < BLK_STATUSES.length; i++) if (r[ROW.STATUS + i]! > 0) used.add(i);
    }
  }
  return [...used]
    .sort((a, b) => a - b)
    .map((i) => ({
      key: `st-${i}`,
      name: BLK_STATUSES[i]!,
      head: BLK_STATUSES[i]!,
      title: `completed with BLK_STS_${BLK_STATUSES[i]}`,
      slot: ROW.STATUS + i,
      kind: "status",
      code: i,
      color: i === STATUS_OK ? "#3ddc97" : "#ff6b7a",
    }));
}

const otherColumns: Column[] = [
  {
    key: "held",
    name: "held",
    head: "held",
    title: "deferred by a suspend",
    slot: ROW.DEFER,
    kind: "defer",
    code: 0,
  },
  {
    key: "requeued",
    name: "requeued",
    head: "requeued",
    title: "pushed back for after resume",
    slot: ROW.REQUEUE,
    kind: "requeue",
    code: 0,
  },
  {
    key: "fault",
    name: "faults",
    head: "faults",
    title: "target faults",
    slot: ROW.FAULT,
    kind: "fault",
    code: 0,
  },
];

function buildRows(s: StatsState, past: StatsState | null, dtNs: number): Row[] {
  const rows: Row[] = [];
  const rate = (key: number, counts: Float64Array) => {
    if (!past || dtNs <= 0) return null;
    const before = past.rows.get(key);
    const out = new Float64Array(counts.length);
    for (let i = 0; i < counts.length; i++) {
      out[i] = ((counts[i]! - (before?.[i] ?? 0)) * 1e9) / dtNs;
    }
    return out;
  };
  const devs = [...s.devs.values()].filter((d) => !d.removed || s.rows.has(deviceRowKey(d.dev)));
  devs.sort((a, b) => Number(a.kind === "disk") - Number(b.kind === "disk") || a.dev - b.dev);
  for (const d of devs) {
    const key = deviceRowKey(d.dev);
    const counts = s.rows.get(key);
    if (d.kind === "disk" && !counts) continue;
    const c = counts ?? new Float64Array(ROW.SIZE);
    rows.push({
      key,
      label: devName(s, d.dev),
      sub: `${devString(d.dev)}${d.suspended ? " · suspended" : ""}${d.removed ? " · removed" : ""}`,
      target: false,
      counts: c,
      rates: rate(key, c),
    });
    for (const t of d.live) {
      const tkey = targetRowKey(t);
      const tc = s.rows.get(tkey) ?? new Float64Array(ROW.SIZE);
      rows.push({
        key: tkey,
        label: targetType(s, t),
        sub: `${t.begin}+${t.len}`,
        target: true,
        counts: tc,
        rates: rate(tkey, tc),
      });
    }
  }
  return rows;
}

function fmtRate(r: number): string {
  if (r >= 10_000) return `${Math.round(r / 1000)}k/s`;
  if (r >= 1000) return `${(r / 1000).toFixed(1)}k/s`;
  if (r >= 10) return `${Math.round(r)}/s`;
  return `${r.toFixed(1)}/s`;
}

export default function OutcomesView() {
  const cursor = useAppStore((s) => s.cursor);
  const filter = useAppStore((s) => s.flowFilter);
  const { rows, columns, dt } = useMemo(() => {
    const c = Math.max(history.base, Math.min(cursor, history.head));
    const s = stats.stateAt(c);
    let past: StatsState | null = null;
    let dtNs = 0;
    if (c > history.base) {
      const t = history.time(c - 1);
      const from = history.upperBoundTime(t - RATE_WINDOW_NS);
      dtNs = Math.min(RATE_WINDOW_NS, t - history.time(Math.max(history.base, from - 1)));
      if (dtNs > 0) past = stats.stateAt(from);
    }
    const rows = buildRows(s, past, dtNs);
    return {
      rows,
      columns: [...mapColumns, ...statusColumns([s]), ...otherColumns],
      dt: dtNs,
    };
  }, [cursor]);

  if (rows.length === 0) return <p className="empty">No devices yet.</p>;
  return (
    <div className="outcomes">
      <p className="outcomes-note dim">
        At event {cursor.toLocaleString("en")}.{" "}
        {dt > 0
          ? "Rates per virtual second, over the last virtual second."
          : "No virtual time has passed: rates appear once it does."}{" "}
        Click a count to show only those bios in the flow.
      </p>
      <table className="outcomes-table" aria-label="Outcomes per device and target">
        <thead>
          <tr>
            <th scope="col">device / target</th>
            <th scope="col" title="bios submitted to the device">
              bios
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" title={c.title} style={{ color: c.color }}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className={r.target ? "target" : "device"}
              aria-label={`${r.target ? "target" : "device"} ${r.label} ${r.sub}`}
            >
              <th scope="row">
                <span className="name">{r.label}</span> <span className="dim">{r.sub}</span>
              </th>
              <td className="num">{r.target ? "" : fmtCount(r.counts[ROW.SUBMIT]!)}</td>
              {columns.map((c) => {
                const n = r.counts[c.slot]!;
                const rate = r.rates?.[c.slot] ?? 0;
                const active =
                  filter?.row === r.key && filter.kind === c.kind && filter.code === c.code;
                const label = `${r.label} ${r.sub} · ${c.name}`;
                return (
                  <td key={c.key} className="num" data-col={c.key}>
                    {n > 0 ? (
                      <button
                        type="button"
                        className={`count${active ? " active" : ""}`}
                        style={{ color: c.color }}
                        aria-pressed={active}
                        aria-label={`${label}: ${n}`}
                        title={`Show only these bios in the flow (${label})`}
                        onClick={() =>
                          setFlowFilter(
                            active ? null : { row: r.key, kind: c.kind, code: c.code, label },
                          )
                        }
                      >
                        {fmtCount(n)}
                        {rate > 0 && <span className="rate">{fmtRate(rate)}</span>}
                      </button>
                    ) : (
                      <span className="zero">·</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function fmtCount(n: number): string {
  return n.toLocaleString("en");
}
