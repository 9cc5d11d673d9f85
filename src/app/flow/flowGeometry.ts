/**
 * Pixels for the bio flow: the stack view's boxes (stackLayout) with what each stands for in
 * sectors, so that a bio is drawn where its sectors are: across its device's box, in the target
 * segment it hits, in the part of the lower device it lands on. Poses (model.ts) name a place
 * by a path of devices and target indexes from the root; this turns one into a rectangle.
 */

import type { StackDevice, StackLayout, StackNode } from "../stackLayout.ts";
import { parseDev, type Pose } from "../history/model.ts";
import type { BlockDeviceInfo } from "../../worker/protocol.ts";

export interface GeoNode {
  key: string;
  kind: StackNode["kind"];
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
  /** Device number (devices and disks); for a target, its device's. */
  dev: number;
  /** The sectors the box spans: a device's whole size, a disk's mapped range, a target's. */
  start: number;
  len: number;
  /** A device's target segments, by target index. */
  targets: GeoNode[];
  /** A target's lower devices, in table order. */
  lower: GeoNode[];
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const TOKEN_H = 10;
const MIN_W = 12;
const QUEUE_W = 10;
/** Tokens keep this far inside their box, so pieces in neighbouring boxes stay apart. */
const INSET = 4;

export class FlowGeometry {
  readonly roots: GeoNode[] = [];
  readonly nodes: GeoNode[] = [];
  readonly byDev = new Map<number, GeoNode[]>();
  readonly width: number;
  readonly height: number;

  constructor(
    layout: StackLayout,
    devices: readonly StackDevice[],
    blockDevices: readonly BlockDeviceInfo[],
  ) {
    this.width = layout.width;
    this.height = layout.height;
    const dmByName = new Map(devices.map((d) => [d.name, d]));
    const blockByName = new Map(blockDevices.map((b) => [b.name, b]));
    const build = (n: StackNode, range: { start: number; length: number } | null): GeoNode => {
      const dm = n.kind === "device" && n.device ? dmByName.get(n.device) : undefined;
      const devStr = dm?.dev ?? (n.kind === "disk" ? blockByName.get(n.label)?.dev : undefined);
      const g: GeoNode = {
        key: n.key,
        kind: n.kind,
        x: n.x,
        y: n.y,
        w: n.w,
        h: n.h,
        depth: n.depth,
        dev: devStr ? parseDev(devStr) : -1,
        start: n.kind === "disk" ? (range?.start ?? 0) : 0,
        len: n.kind === "disk" ? (range?.length ?? 1) : Math.max(1, dm?.sectors ?? 1),
        targets: [],
        lower: [],
      };
      this.nodes.push(g);
      if (g.dev >= 0) {
        const list = this.byDev.get(g.dev);
        if (list) list.push(g);
        else this.byDev.set(g.dev, [g]);
      }
      if (dm) {
        n.children.forEach((tn, i) => {
          const t = dm.live?.[i];
          const tg: GeoNode = {
            key: tn.key,
            kind: "target",
            x: tn.x,
            y: tn.y,
            w: tn.w,
            h: tn.h,
            depth: tn.depth,
            dev: g.dev,
            start: t?.start ?? 0,
            len: Math.max(1, t?.length ?? 1),
            targets: [],
            lower: [],
          };
          this.nodes.push(tg);
          g.targets.push(tg);
          tn.children.forEach((ln, j) => tg.lower.push(build(ln, t?.maps[j] ?? null)));
        });
      }
      return g;
    };
    for (const r of layout.roots) this.roots.push(build(r, null));
    // Shallow first, so a device's first occurrence is its highest one.
    for (const list of this.byDev.values()) list.sort((a, b) => a.depth - b.depth || a.x - b.x);
  }

  /** The box a bio submitted to `dev` (by a process) is drawn in. */
  nodeOf(dev: number, sector?: number): GeoNode | null {
    const list = this.byDev.get(dev);
    if (!list) return null;
    if (sector !== undefined) {
      const hit = list.find((n) => sector >= n.start && sector < n.start + n.len);
      if (hit) return hit;
    }
    return list[0] ?? null;
  }

  /** The device box at the end of `path` ([dev, target, dev, target, dev…]). */
  resolve(path: readonly number[], sector?: number): GeoNode | null {
    if (path.length === 0) return null;
    let node = this.nodeOf(path[0]!, path.length === 1 ? sector : undefined);
    for (let i = 1; node && i + 1 < path.length; i += 2) {
      const t = node.targets[path[i]!];
      const dev = path[i + 1]!;
      const next = t?.lower.find((l) => l.dev === dev);
      if (!next) return this.nodeOf(path[path.length - 1]!, sector);
      node = next;
    }
    return node;
  }

  /** Where a pose is drawn, or null when its device is not on screen. */
  rect(pose: Pose): Rect | null {
    const node = this.resolve(pose.path, pose.place === "dev" ? pose.sector : undefined);
    if (!node) return null;
    if (pose.place === "queue") {
      const perRow = Math.max(1, Math.floor((node.w * 0.45) / (QUEUE_W + 3)));
      const col = pose.slot % perRow;
      const row = Math.floor(pose.slot / perRow);
      return {
        x: node.x + node.w - 10 - (col + 1) * (QUEUE_W + 3),
        y: node.y + 26 + row * (QUEUE_W + 3),
        w: QUEUE_W,
        h: QUEUE_W,
      };
    }
    let box = node;
    if (pose.place === "target") {
      const t = node.targets[pose.target];
      if (t) box = t;
    }
    const span = (s: number) => ((s - box.start) / box.len) * box.w;
    const x0 = box.x + Math.max(0, Math.min(box.w, span(pose.sector)));
    const x1 = box.x + Math.max(0, Math.min(box.w, span(pose.sector + pose.sectors)));
    const room = Math.max(4, box.w - 2 * INSET);
    const w = Math.min(room, Math.max(MIN_W, x1 - x0));
    // Centred on its sectors, kept inside the box.
    const mid = (x0 + x1) / 2;
    const x = Math.max(box.x + INSET, Math.min(box.x + box.w - INSET - w, mid - w / 2));
    // On the box's bottom edge (clear of its text); a split piece just below it.
    const y = pose.place === "split" ? box.y + box.h + 6 : box.y + box.h - TOKEN_H / 2 - 1;
    return { x, y, w, h: TOKEN_H };
  }

  /** Where the "n held" label of a device's queue goes (right-aligned, left of the queue). */
  queueLabelAt(node: GeoNode, n: number): { x: number; y: number } {
    const perRow = Math.max(1, Math.floor((node.w * 0.45) / (QUEUE_W + 3)));
    return {
      x: node.x + node.w - 10 - Math.min(n, perRow) * (QUEUE_W + 3) - 6,
      y: node.y + 26 + QUEUE_W / 2,
    };
  }

  /** Target boxes of `dev`'s target `index` (a device may be drawn more than once). */
  targetNodes(dev: number, index: number): GeoNode[] {
    const out: GeoNode[] = [];
    for (const n of this.byDev.get(dev) ?? []) {
      const t = n.targets[index];
      if (t) out.push(t);
    }
    return out;
  }

  /** The lower boxes `dev`'s target `index` maps onto `lowerDev`. */
  lowerNodes(dev: number, index: number, lowerDev: number): GeoNode[] {
    const out: GeoNode[] = [];
    for (const t of this.targetNodes(dev, index)) {
      for (const l of t.lower) if (l.dev === lowerDev) out.push(l);
    }
    return out;
  }
}
