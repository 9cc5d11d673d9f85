/**
 * The device stack as boxes: each top-level dm device gets a column; under it, its live
 * table's targets as segments proportional to their length; under each segment, the devices it
 * maps onto (proportional to the range of each it uses); under a mapped dm device, its own
 * table again, as deep as the tables go. Pure geometry: the view (StackView) draws it.
 */

import type { BlockDeviceInfo, DmDeviceInfo } from "../worker/protocol.ts";

/**
 * What the stack draws of a mapped device: the worker's DmDeviceInfo, or the device as the
 * history says it was at the playback cursor (history/topology.ts).
 */
export type StackDevice = Pick<
  DmDeviceInfo,
  "name" | "dev" | "suspended" | "sectors" | "live" | "inactive"
>;

export type NodeKind = "device" | "target" | "disk";

export interface StackNode {
  /** Stable across snapshots (a path from the root), so the view can animate changes. */
  key: string;
  kind: NodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  /** Big text: device name or target type. */
  label: string;
  /** Small text: dev number and size, or the sector range. */
  sub: string;
  /** Accessible name: "device concat", "target linear 0+16384", "disk ram0". */
  aria: string;
  /** The colour key: the target type, or the kind. */
  tone: string;
  /** For devices: the dm name (selection); for targets: the device that holds the table. */
  device: string | null;
  flags: string[];
  children: StackNode[];
}

export interface StackLayout {
  roots: StackNode[];
  width: number;
  height: number;
}

export const ROW = { device: 50, target: 44, gap: 18, columnGap: 28, pad: 8 } as const;
/** Deeper than this, a (cyclic or absurd) stack is cut off. */
const MAX_DEPTH = 24;

export function formatSize(sectors: number): string {
  const bytes = sectors * 512;
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

interface Ctx {
  dmByDev: Map<string, StackDevice>;
  blockByDev: Map<string, BlockDeviceInfo>;
  bottom: number;
}

/** dm devices that no other device's live table maps onto, in minor order. */
export function topLevelDevices<D extends StackDevice>(devices: readonly D[]): D[] {
  const used = new Set<string>();
  for (const d of devices) for (const t of d.live ?? []) for (const m of t.maps) used.add(m.dev);
  return devices.filter((d) => !used.has(d.dev));
}

export function layoutStack(
  devices: readonly StackDevice[],
  blockDevices: readonly BlockDeviceInfo[],
  width: number,
): StackLayout {
  const ctx: Ctx = {
    dmByDev: new Map(devices.map((d) => [d.dev, d])),
    blockByDev: new Map(blockDevices.map((b) => [b.dev, b])),
    bottom: 0,
  };
  const roots = topLevelDevices(devices);
  // A cycle (possible only through a bug) leaves no top level: draw every device then.
  const columns = roots.length > 0 ? roots : [...devices];
  const inner = Math.max(0, width - 2 * ROW.pad);
  const colW = columns.length
    ? Math.max(60, (inner - ROW.columnGap * (columns.length - 1)) / columns.length)
    : 0;
  const nodes = columns.map((d, i) =>
    deviceNode(
      ctx,
      d,
      `dev:${d.name}`,
      ROW.pad + i * (colW + ROW.columnGap),
      ROW.pad,
      colW,
      0,
      null,
    ),
  );
  return { roots: nodes, width, height: ctx.bottom + ROW.pad };
}

function deviceNode(
  ctx: Ctx,
  d: StackDevice,
  key: string,
  x: number,
  y: number,
  w: number,
  depth: number,
  range: { start: number; length: number } | null,
): StackNode {
  const flags: string[] = [];
  if (d.suspended) flags.push("suspended");
  if (d.inactive) flags.push("inactive table");
  if (!d.live) flags.push("no table");
  const node: StackNode = {
    key,
    kind: "device",
    x,
    y,
    w,
    h: ROW.device,
    depth,
    label: d.name,
    sub: range
      ? `${d.dev} · ${range.start}+${range.length}`
      : `${d.dev} · ${formatSize(d.sectors)}`,
    aria: `device ${d.name}`,
    tone: "device",
    device: d.name,
    flags,
    children: [],
  };
  ctx.bottom = Math.max(ctx.bottom, y + node.h);
  const table = d.live;
  if (!table || table.length === 0 || depth >= MAX_DEPTH) return node;
  const total = table.reduce((s, t) => s + t.length, 0) || 1;
  const ty = y + ROW.device + ROW.gap;
  let cx = x;
  table.forEach((t, i) => {
    const tw = (w * t.length) / total;
    const seg: StackNode = {
      key: `${key}/t${i}`,
      kind: "target",
      x: cx,
      y: ty,
      w: tw,
      h: ROW.target,
      depth: depth + 1,
      label: t.type,
      sub: `${t.start}+${t.length}`,
      aria: `target ${t.type} ${t.start}+${t.length}`,
      tone: t.type,
      device: d.name,
      flags: [],
      children: [],
    };
    ctx.bottom = Math.max(ctx.bottom, ty + seg.h);
    const mapped = t.maps.reduce((s, m) => s + m.length, 0) || 1;
    const my = ty + ROW.target + ROW.gap;
    let mx = cx;
    t.maps.forEach((m, j) => {
      const mw = (tw * m.length) / mapped;
      const lower = ctx.dmByDev.get(m.dev);
      const mkey = `${seg.key}/m${j}`;
      if (lower) {
        seg.children.push(deviceNode(ctx, lower, mkey, mx, my, mw, depth + 2, m));
      } else {
        const b = ctx.blockByDev.get(m.dev);
        const name = b?.name ?? m.dev;
        seg.children.push({
          key: mkey,
          kind: "disk",
          x: mx,
          y: my,
          w: mw,
          h: ROW.device,
          depth: depth + 2,
          label: name,
          sub: `${m.dev} · ${m.start}+${m.length}`,
          aria: `disk ${name} ${m.start}+${m.length}`,
          tone: b?.kind ?? "disk",
          device: null,
          flags: [],
          children: [],
        });
        ctx.bottom = Math.max(ctx.bottom, my + ROW.device);
      }
      mx += mw;
    });
    node.children.push(seg);
    cx += tw;
  });
  return node;
}

/** The smallest scale `fitScale` shrinks a drawing to: below it text is too small to read. */
export const MIN_STACK_SCALE = 0.55;

/**
 * The scale (at most 1, at least `min`) at which a drawing `height` px tall fits `room` px: a
 * deep stack (top → stripes → striped → ram0/ram1) shrinks to its panel instead of running
 * below its edge. 1 when the room is not known yet (0) or the drawing fits.
 */
export function fitScale(height: number, room: number, min = MIN_STACK_SCALE): number {
  if (room <= 0 || height <= room) return 1;
  return Math.max(min, room / height);
}

/** Every node, depth first (for tests and hit-testing). */
export function flatten(nodes: readonly StackNode[]): StackNode[] {
  const out: StackNode[] = [];
  const walk = (n: StackNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/**
 * The device nodes in the Tab order: each device's first box in document order (a device drawn
 * under several others, as a pool under each of its thin devices, is one Tab stop; its other
 * boxes are focusable too, by tabindex -1).
 */
export function tabStops(roots: readonly StackNode[]): Set<string> {
  const stops = new Set<string>();
  const seen = new Set<string>();
  for (const n of flatten(roots)) {
    if (n.kind !== "device" || !n.device || seen.has(n.device)) continue;
    seen.add(n.device);
    stops.add(n.key);
  }
  return stops;
}

const TONES: Record<string, string> = {
  device: "#e8ecf4",
  linear: "#4f8cff",
  striped: "#a979ff",
  error: "#ff5f6d",
  zero: "#8792a8",
  flakey: "#ffb14a",
  delay: "#2ec4b6",
  crypt: "#3ddc97",
  snapshot: "#f78fb3",
  "snapshot-origin": "#f78fb3",
  mirror: "#70d6ff",
  ram: "#5b6b86",
  disk: "#5b6b86",
};

/** A colour per target type (stable for types not listed). */
export function toneColor(tone: string): string {
  const known = TONES[tone];
  if (known) return known;
  let h = 0;
  for (const c of tone) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${h % 360} 70% 62%)`;
}
