/**
 * The striped target's chunk placement (drivers/md/dm-stripe.c, stripe_map_sector): the
 * segment is cut into chunks of `chunk_size` sectors, dealt round-robin to the stripes, so
 * chunk n lands on stripe n mod stripes, at that stripe's offset + (n div stripes) * chunk_size.
 * One block per stripe, one square per chunk in the order the stripe receives them; each is
 * shaded by how many bios the target mapped into that chunk before the playback cursor (the
 * pieces dm cut, from the `bio_clone` records of this device and target), writes and reads
 * counted apart, and the chunks of the latest few pieces are outlined.
 */

import { useMemo } from "react";
import { EV, ev } from "../../engine/events.ts";
import type { EventHistory } from "../history/history.ts";
import type { HistoryIndex } from "../history/indexes.ts";
import { OP_WRITE } from "../history/model.ts";
import { toneColor } from "../stackLayout.ts";
import { defineTargetView, type TargetViewProps } from "./targetView.ts";

/** A striped table line's arguments: `<stripes> <chunk_size> (<dev> <offset>)...`. */
export interface StripedArgs {
  stripes: number;
  /** Sectors. */
  chunk: number;
  devices: Array<{ dev: string; offset: number }>;
}

/** The arguments as `dmsetup table` prints them, or null when they are not a striped line. */
export function parseStripedArgs(args: string): StripedArgs | null {
  const t = args.trim().split(/\s+/);
  const stripes = Number(t[0]);
  const chunk = Number(t[1]);
  if (!(stripes >= 1) || !(chunk >= 1) || t.length !== 2 + 2 * stripes) return null;
  const devices: StripedArgs["devices"] = [];
  for (let i = 0; i < stripes; i++) {
    const offset = Number(t[3 + 2 * i]);
    if (!Number.isFinite(offset)) return null;
    devices.push({ dev: t[2 + 2 * i]!, offset });
  }
  return { stripes, chunk, devices };
}

/** Where a sector of the segment (counted from the segment's start) lands: stripe_map_sector. */
export function stripeMapSector(
  p: StripedArgs,
  sector: number,
): { stripe: number; chunk: number; sector: number } {
  const chunk = Math.floor(sector / p.chunk);
  const stripe = chunk % p.stripes;
  const round = Math.floor(chunk / p.stripes);
  return {
    stripe,
    chunk,
    sector: p.devices[stripe]!.offset + round * p.chunk + (sector % p.chunk),
  };
}

export interface ChunkTraffic {
  /** Per chunk of the segment: pieces mapped into it from writes, and from everything else. */
  writes: Float64Array;
  reads: Float64Array;
  /** Chunks of the latest pieces, newest last. */
  latest: number[];
  /** Pieces looked at (the last `limit` records of the device, at most). */
  pieces: number;
}

/**
 * Which chunks the target's bios went to before `cursor`: the `bio_clone` records of `dev` for
 * target `index` among the device's last `limit` records. A piece's op is its root bio's.
 */
export function chunkTraffic(
  p: StripedArgs,
  begin: number,
  length: number,
  dev: number,
  index: number,
  history: EventHistory,
  records: HistoryIndex,
  cursor: number,
  limit = 20_000,
  latest = 8,
): ChunkTraffic {
  const chunks = Math.ceil(length / p.chunk);
  const out: ChunkTraffic = {
    writes: new Float64Array(chunks),
    reads: new Float64Array(chunks),
    latest: [],
    pieces: 0,
  };
  const opOfRoot = new Map<number, number>();
  for (const i of records.devRecords(dev, cursor, limit)) {
    if (history.type(i) !== EV.BIO_CLONE || history.get(i, ev.target) !== index) continue;
    const from = history.get(i, ev.sector) - begin;
    const n = history.get(i, ev.sectors);
    if (from < 0 || from >= length) continue;
    const root = records.rootOf(history.bio(i));
    let op = opOfRoot.get(root);
    if (op === undefined) {
      const first = records.bioRecords(root, cursor)[0];
      op = first === undefined ? -1 : history.get(first, ev.op);
      opOfRoot.set(root, op);
    }
    const counts = op === OP_WRITE ? out.writes : out.reads;
    const last = Math.min(length - 1, from + Math.max(1, n) - 1);
    for (let c = Math.floor(from / p.chunk); c <= Math.floor(last / p.chunk); c++) {
      counts[c]!++;
      out.latest.push(c);
    }
    out.pieces++;
  }
  out.latest = [...new Set(out.latest.slice(-latest))];
  return out;
}

/** Most cells drawn per stripe: past this, a cell stands for several rounds of chunks. */
const MAX_CELLS = 512;
const CELL = 13;
const HEAD_H = 34;

function StripedView({
  device,
  dev,
  target,
  index,
  cursor,
  history,
  records,
  nameOf,
}: TargetViewProps) {
  const p = parseStripedArgs(target.args);
  const traffic = useMemo(
    () =>
      p ? chunkTraffic(p, target.start, target.length, dev, index, history, records, cursor) : null,
    // The args string stands for `p`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [target.args, target.start, target.length, dev, index, history, records, cursor],
  );
  if (!p || !traffic) return <p className="empty">Not a striped table line: {target.args}</p>;
  const chunks = Math.ceil(target.length / p.chunk);
  const rounds = Math.ceil(chunks / p.stripes);
  // One cell per round of chunks on each stripe (or per `group` rounds), row by row.
  const group = Math.ceil(rounds / MAX_CELLS);
  const cellsPerStripe = Math.ceil(rounds / group);
  const colW = Math.max(150, Math.min(260, 640 / p.stripes));
  const perRow = Math.max(1, Math.floor((colW - 12) / CELL));
  const rows = Math.ceil(cellsPerStripe / perRow);
  const width = p.stripes * colW;
  const height = HEAD_H + rows * CELL + 4;
  const max = Math.max(1, ...traffic.writes.map((w, i) => w + traffic.reads[i]!));
  const latest = new Set(traffic.latest);
  const tone = toneColor("striped");
  const cells = [];
  for (let s = 0; s < p.stripes; s++) {
    for (let k = 0; k < cellsPerStripe; k++) {
      let w = 0;
      let r = 0;
      let hot = false;
      const first = k * group * p.stripes + s;
      let last = first;
      for (let g = 0; g < group; g++) {
        const c = (k * group + g) * p.stripes + s;
        if (c >= chunks) break;
        last = c;
        w += traffic.writes[c]!;
        r += traffic.reads[c]!;
        if (latest.has(c)) hot = true;
      }
      if (first >= chunks) break;
      const on = stripeMapSector(p, first * p.chunk);
      const what =
        group === 1 ? `chunk ${first}` : `chunks ${first} to ${last}, every ${p.stripes}`;
      cells.push(
        <rect
          key={`${s}:${k}`}
          className={`chunk${hot ? " latest" : ""}`}
          x={s * colW + 4 + (k % perRow) * CELL}
          y={HEAD_H + Math.floor(k / perRow) * CELL}
          width={CELL - 2}
          height={CELL - 2}
          rx={2}
          fill={tone}
          fillOpacity={w + r === 0 ? 0.08 : 0.3 + (0.7 * (w + r)) / max}
        >
          <title>
            {`${what}: ${device.name} sector ${target.start + first * p.chunk} → stripe ${s}, ${nameOf(p.devices[s]!.dev)} sector ${on.sector}; ${w} write and ${r} read pieces`}
          </title>
        </rect>,
      );
    }
  }
  return (
    <figure className="target-view striped-view">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`striped chunk placement: ${p.stripes} stripes, chunk ${p.chunk} sectors, ${traffic.pieces} pieces mapped`}
      >
        {p.devices.map((d, s) => (
          <g key={s}>
            <text x={s * colW + 4} y={13} className="stripe-head">
              {`stripe ${s} · ${nameOf(d.dev)}`}
            </text>
            <text x={s * colW + 4} y={27} className="stripe-sub">
              {`${d.dev} from ${d.offset} · chunks ${s}, ${s + p.stripes}, ${s + 2 * p.stripes}…`}
            </text>
          </g>
        ))}
        {cells}
      </svg>
      <figcaption>
        {`${p.stripes} stripes × ${p.chunk}-sector chunks: chunk n goes to stripe n mod ${p.stripes}, at its offset + (n div ${p.stripes}) × ${p.chunk}.`}
        {group > 1 ? ` A square is ${group} rounds of chunks.` : " A square is a chunk."}
        {` Shading: pieces mapped before the cursor (${traffic.pieces}); outlined: the latest.`}
      </figcaption>
    </figure>
  );
}

export default defineTargetView({ type: "striped", title: "chunk placement", View: StripedView });
