/**
 * Who maps onto a disk's chunks: the live table segments of every dm device that land on it,
 * for the disk panel's colours and legend. A table may have thousands of segments (a
 * `dmsetup create` from a generated table); the legend then stays short by grouping segments
 * by device and target type and merging their chunk ranges, and the grid colours each cell
 * from a lookup table built once per topology, not by searching the segments per cell.
 */

import type { DiskSnapshot, DmDeviceInfo } from "../worker/protocol.ts";

/** Bytes per chunk of the disk grids (the engine's storage chunk). */
const SECTORS_PER_CHUNK = (64 * 1024) / 512;

/** One line of the legend: every segment of one device's targets of one type on this disk. */
export interface OwnerGroup {
  /** "concat (linear)". */
  label: string;
  /** The target type, whose tone colours the group. */
  type: string;
  /** Segments (table lines) in the group. */
  segments: number;
  /** Chunk ranges [from, to), sorted and merged where they touch or overlap. */
  ranges: Array<[number, number]>;
}

export interface DiskOwners {
  groups: OwnerGroup[];
  /**
   * Per chunk, 1 + the index in `groups` of the first segment (in table order) that maps onto
   * it, 0 where none does.
   */
  chunkOwner: Uint32Array;
}

/**
 * Segments of live tables mapping onto `disk` ("major:minor"), grouped by device and type; a
 * thin pool's metadata device is its own group ("pool (thin-pool metadata)", the whole disk).
 */
export function diskOwners(
  disk: DiskSnapshot,
  devices: readonly Pick<DmDeviceInfo, "name" | "live">[],
): DiskOwners {
  const dev = `${disk.major}:${disk.minor}`;
  const chunks = Math.ceil(disk.sizeBytes / (SECTORS_PER_CHUNK * 512));
  const byKey = new Map<string, number>();
  const groups: OwnerGroup[] = [];
  const raw: Array<Array<[number, number]>> = [];
  const chunkOwner = new Uint32Array(chunks);
  for (const d of devices) {
    for (const t of d.live ?? []) {
      for (const m of t.maps) {
        if (m.dev !== dev) continue;
        const label = `${d.name} (${t.type})`;
        let g = byKey.get(label);
        if (g === undefined) {
          g = groups.length;
          byKey.set(label, g);
          groups.push({ label, type: t.type, segments: 0, ranges: [] });
          raw.push([]);
        }
        groups[g]!.segments++;
        const from = Math.floor(m.start / SECTORS_PER_CHUNK);
        const to = Math.min(chunks, Math.ceil((m.start + m.length) / SECTORS_PER_CHUNK));
        if (to <= from) continue;
        raw[g]!.push([from, to]);
        // The first segment to claim a chunk colours it (as a search in table order would).
        for (let c = from; c < to; c++) if (chunkOwner[c] === 0) chunkOwner[c] = g + 1;
      }
      // A pool's metadata device is no device its iterate_devices reports (pool_iterate_devices
      // names the data device only), but the pool owns it whole: its superblock, space maps
      // and btrees.
      if (t.type === "thin-pool" && t.args.trim().split(/\s+/)[0] === dev && chunks > 0) {
        const label = `${d.name} (thin-pool metadata)`;
        if (byKey.has(label)) continue;
        const g = groups.length;
        byKey.set(label, g);
        groups.push({ label, type: "thin-pool metadata", segments: 1, ranges: [] });
        raw.push([[0, chunks]]);
        for (let c = 0; c < chunks; c++) if (chunkOwner[c] === 0) chunkOwner[c] = g + 1;
      }
    }
  }
  groups.forEach((g, i) => (g.ranges = mergeRanges(raw[i]!)));
  return { groups, chunkOwner };
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * "chunks 0–127", "chunks 0–3, 8–11, 16–19", or for many ranges the first few and a count:
 * "chunks 0, 2, 4 and 997 more ranges".
 */
export function describeRanges(
  ranges: ReadonlyArray<readonly [number, number]>,
  shown = 3,
): string {
  const one = ([from, to]: readonly [number, number]) =>
    to - from === 1 ? `${from}` : `${from}–${to - 1}`;
  const head = ranges.slice(0, shown).map(one).join(", ");
  const more = ranges.length - shown;
  if (ranges.length === 0) return "no whole chunk";
  return `chunk${ranges.length === 1 && ranges[0]![1] - ranges[0]![0] === 1 ? "" : "s"} ${head}${
    more > 0 ? ` and ${more.toLocaleString("en")} more range${more === 1 ? "" : "s"}` : ""
  }`;
}
