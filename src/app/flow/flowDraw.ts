/**
 * Draws bio tokens on the flow canvas (one canvas, redrawn whole each frame it changes).
 *
 * Vocabulary, also shown in the legend:
 *   colour and shape   MapState: not mapped yet (grey pill), REMAPPED (green pill), SUBMITTED
 *                      (blue square), REQUEUE (amber triangle), DELAY_REQUEUE (pink diamond),
 *                      KILL (red cross)
 *   fill               writes are filled, reads hollow; flushes and discards dashed
 *   completion         OK: a green ring as it ends; an error: red outline and the status name
 *   held               a bio deferred by a suspend (or requeued) waits in its device's queue,
 *                      top right of the box
 *   thin               a thin target looked its block up (a violet dot at its corner) or
 *                      allocated a data block for it (a violet dotted outline too, and
 *                      "block allocated" beside it while it waits at the thin target)
 */

import { BIO_OPS } from "../../engine/types.ts";
import { MAP_CODE, STAGE, STATUS_OK, type Pose } from "../history/model.ts";
import type { Edge } from "./flowAnimator.ts";
import type { FlowGeometry, GeoNode, Rect } from "./flowGeometry.ts";
import { mapStateName, statusName, type TokenStyle } from "./flowScene.ts";

export const MAP_COLORS: Record<string, string> = {
  NONE: "#c9d3e6",
  REMAPPED: "#3ddc97",
  SUBMITTED: "#4fc3f7",
  REQUEUE: "#ffb14a",
  DELAY_REQUEUE: "#ff7ad9",
  KILL: "#ff4d5e",
};
/** How long a completion's ring grows and fades after the bio ended, ms. */
export const PULSE_MS = 450;
const OK_COLOR = "#3ddc97";
const ERR_COLOR = "#ff4d5e";
const HELD_COLOR = "#ffc857";
const FAULT_COLOR = "#ff7ad9";
/** A thin target's lookup and allocation marks (not an alarm: not red). */
export const THIN_COLOR = "#b48cff";
const BG = "#0a0d13";

const OP_READ = BIO_OPS.indexOf("READ");
/** Above this many tokens, plain ones are drawn in batches, without outlines or rings. */
const LIGHT_ABOVE = 60;
const OP_WRITE = BIO_OPS.indexOf("WRITE");

export interface DrawItem {
  id: number;
  root: number;
  from: Pose | null;
  to: Pose;
  t: number;
  style: TokenStyle;
  alpha: number;
  /** ms since the current hop ended; -1 moving (live only: static pictures pass -1). */
  since: number;
}

export interface DrawOptions {
  selected: number | null;
  /** The selected bio's family. */
  selectedRoot: number | null;
  /** Families to draw; null draws all. */
  visibleRoots: ReadonlySet<number> | null;
  /** Remap labels to show, by bio id. */
  labels: ReadonlyMap<number, string>;
  /** Bios per second along edges, when families are being sampled. */
  edgeRates: readonly Edge[] | null;
}

export interface Hit extends Rect {
  id: number;
  root: number;
}

export function tokenColor(style: TokenStyle): string {
  if (style.mapState < 0) return MAP_COLORS.NONE!;
  return MAP_COLORS[mapStateName(style.mapState)] ?? MAP_COLORS.NONE!;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

function lerpRect(a: Rect | null, b: Rect, t: number): Rect {
  if (!a) return b;
  const k = ease(t);
  return {
    x: a.x + (b.x - a.x) * k,
    y: a.y + (b.y - a.y) * k,
    w: a.w + (b.w - a.w) * k,
    h: a.h + (b.h - a.h) * k,
  };
}

function roundRect(ctx: CanvasRenderingContext2D, r: Rect, radius: number): void {
  const rad = Math.min(radius, r.w / 2, r.h / 2);
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, rad);
}

/** The token's body, in the shape of its MapState. */
function bodyPath(ctx: CanvasRenderingContext2D, r: Rect, mapState: number): void {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  switch (mapState) {
    case MAP_CODE.SUBMITTED:
      ctx.beginPath();
      ctx.rect(r.x, r.y, r.w, r.h);
      return;
    case MAP_CODE.REQUEUE: {
      // A triangle pointing up (back where it came from), as wide as the bio.
      ctx.beginPath();
      ctx.moveTo(r.x, r.y + r.h);
      ctx.lineTo(cx, r.y - 2);
      ctx.lineTo(r.x + r.w, r.y + r.h);
      ctx.closePath();
      return;
    }
    case MAP_CODE.DELAY_REQUEUE: {
      const hw = Math.max(r.w / 2, r.h / 2 + 1);
      ctx.beginPath();
      ctx.moveTo(cx - hw, cy);
      ctx.lineTo(cx - hw + r.h / 2 + 1, r.y - 1);
      ctx.lineTo(cx + hw - r.h / 2 - 1, r.y - 1);
      ctx.lineTo(cx + hw, cy);
      ctx.lineTo(cx + hw - r.h / 2 - 1, r.y + r.h + 1);
      ctx.lineTo(cx - hw + r.h / 2 + 1, r.y + r.h + 1);
      ctx.closePath();
      return;
    }
    default:
      roundRect(ctx, r, r.h / 2);
  }
}

function drawCross(ctx: CanvasRenderingContext2D, r: Rect, color: string): void {
  const s = Math.max(r.h, Math.min(r.w, r.h + 4)) / 2 + 2;
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(cx - s, cy - s);
  ctx.lineTo(cx + s, cy + s);
  ctx.moveTo(cx + s, cy - s);
  ctx.lineTo(cx - s, cy + s);
  ctx.stroke();
  ctx.lineCap = "butt";
}

/** A label beside `r` (right, else left), unless it would cover one already drawn. */
function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  r: Rect,
  width: number,
  color: string,
  taken: Rect[],
): void {
  ctx.font = "10.5px 'DejaVu Sans Mono', Menlo, Consolas, monospace";
  const tw = textWidth(ctx, text);
  const y = r.y + r.h / 2 - 7;
  const right = r.x + r.w + 6;
  const left = r.x - tw - 10;
  for (const x of [right, left]) {
    if (x < 2 || x + tw + 4 > width) continue;
    const box = { x: x - 3, y, w: tw + 6, h: 14 };
    if (taken.some((t) => overlaps(t, box))) continue;
    taken.push(box);
    ctx.fillStyle = "rgba(10, 13, 19, 0.9)";
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.w, box.h, 3);
    ctx.fill();
    ctx.fillStyle = color;
    ctx.textBaseline = "middle";
    ctx.fillText(text, x, y + 7.5);
    return;
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Draws the edges' rates, the tokens and their labels; returns what can be clicked. */
export function drawFlow(
  ctx: CanvasRenderingContext2D,
  geo: FlowGeometry,
  items: readonly DrawItem[],
  opts: DrawOptions,
): Hit[] {
  ctx.clearRect(0, 0, geo.width, geo.height);
  const taken: Rect[] = [];
  if (opts.edgeRates && opts.edgeRates.length > 0) drawEdgeRates(ctx, geo, opts.edgeRates, taken);
  const hits: Hit[] = [];
  const held = new Map<string, { node: GeoNode; n: number }>();
  const labelled: Array<{ r: Rect; text: string; color: string }> = [];
  const light = items.length > LIGHT_ABOVE;
  const batches = new Map<string, Rect[]>();
  // Selected family last, so it is on top.
  const ordered =
    opts.selectedRoot === null
      ? items
      : [...items].sort(
          (a, b) => Number(a.root === opts.selectedRoot) - Number(b.root === opts.selectedRoot),
        );
  for (const it of ordered) {
    if (opts.visibleRoots && !opts.visibleRoots.has(it.root)) continue;
    const to = geo.rect(it.to);
    if (!to) continue;
    const from = it.from ? geo.rect(it.from) : null;
    let r = lerpRect(from, to, it.t);
    const s = it.style;
    let alpha = it.alpha;
    if (!from && it.t < 1) {
      // Appearing: grow from the middle.
      const k = 0.4 + 0.6 * ease(it.t);
      r = { x: r.x + (r.w * (1 - k)) / 2, y: r.y + (r.h * (1 - k)) / 2, w: r.w * k, h: r.h * k };
      alpha *= 0.3 + 0.7 * it.t;
    }
    if (s.waiting && s.stage !== STAGE.DEFERRED && s.stage !== STAGE.REQUEUED) alpha *= 0.55;
    const color = tokenColor(s);
    const isErr = s.status >= 0 && s.status !== STATUS_OK;
    const queued = it.to.place === "queue" && it.t >= 1;
    if (
      light &&
      !isErr &&
      !queued &&
      !s.fault &&
      s.thin !== 2 &&
      (s.mapState < 0 || s.mapState === MAP_CODE.REMAPPED || s.mapState === MAP_CODE.SUBMITTED) &&
      it.root !== opts.selectedRoot
    ) {
      // Many tokens: plain ones are batched by look and drawn as rectangles, few calls each.
      const hollow = s.op === OP_READ;
      const level = Math.max(1, Math.round(alpha * 4));
      const key = `${color}|${hollow ? 1 : 0}|${level}`;
      const list = batches.get(key);
      if (list) list.push(r);
      else batches.set(key, [r]);
      hits.push({ id: it.id, root: it.root, ...r });
      continue;
    }
    ctx.globalAlpha = alpha;
    if (queued) {
      const node = geo.resolve(it.to.path);
      if (node) {
        const h = held.get(node.key);
        if (h) h.n++;
        else held.set(node.key, { node, n: 1 });
      }
    }
    // Body.
    bodyPath(ctx, r, s.mapState);
    const hollow = s.op === OP_READ;
    const dashed = s.op !== OP_READ && s.op !== OP_WRITE;
    if (s.mapState === MAP_CODE.KILL) {
      ctx.fillStyle = "rgba(255, 77, 94, 0.25)";
      ctx.fill();
      drawCross(ctx, r, color);
    } else {
      ctx.fillStyle = hollow ? BG : color;
      ctx.fill();
      ctx.lineWidth = hollow ? 2 : 1;
      ctx.strokeStyle = hollow ? color : "rgba(10, 13, 19, 0.7)";
      if (dashed) ctx.setLineDash([3, 2]);
      ctx.stroke();
      ctx.setLineDash([]);
      if (s.mapState === MAP_CODE.SUBMITTED && r.w >= 6) {
        ctx.fillStyle = hollow ? color : BG;
        ctx.fillRect(r.x + r.w / 2 - 1.5, r.y + r.h / 2 - 1.5, 3, 3);
      }
    }
    if (queued) {
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = HELD_COLOR;
      ctx.strokeRect(r.x - 1.5, r.y - 1.5, r.w + 3, r.h + 3);
    }
    if (s.fault) {
      ctx.lineWidth = 1.5;
      ctx.setLineDash([2, 2]);
      ctx.strokeStyle = FAULT_COLOR;
      ctx.strokeRect(r.x - 3, r.y - 3, r.w + 6, r.h + 6);
      ctx.setLineDash([]);
    }
    if (s.thin > 0) {
      // Looked up: a dot at the top right corner; a block allocated: a dotted outline too.
      ctx.fillStyle = THIN_COLOR;
      ctx.beginPath();
      ctx.arc(r.x + r.w + 1, r.y - 1, 2.5, 0, 2 * Math.PI);
      ctx.fill();
      if (s.thin === 2) {
        ctx.lineWidth = 1.2;
        ctx.setLineDash([1.5, 2]);
        ctx.strokeStyle = THIN_COLOR;
        ctx.strokeRect(r.x - 4.5, r.y - 4.5, r.w + 9, r.h + 9);
        ctx.setLineDash([]);
        // While it waits at its thin target (not once it has moved below).
        if (it.t >= 1 && it.to.place === "target" && !s.ended) {
          labelled.push({ r, text: "block allocated", color: THIN_COLOR });
        }
      }
    }
    // Completion: a ring as it ends (OK), or a red outline and the status (an error).
    if (s.status >= 0) {
      if (isErr) {
        ctx.lineWidth = 2;
        ctx.strokeStyle = ERR_COLOR;
        roundRect(ctx, { x: r.x - 2.5, y: r.y - 2.5, w: r.w + 5, h: r.h + 5 }, 4);
        ctx.stroke();
        labelled.unshift({ r, text: statusName(s.status), color: ERR_COLOR });
      } else {
        const pulse = it.since < 0 ? 0 : Math.min(1, it.since / PULSE_MS);
        const grow = 2 + pulse * 5;
        ctx.globalAlpha = alpha * (1 - pulse * 0.8);
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = OK_COLOR;
        roundRect(ctx, { x: r.x - grow, y: r.y - grow, w: r.w + 2 * grow, h: r.h + 2 * grow }, 6);
        ctx.stroke();
        ctx.globalAlpha = alpha;
      }
    }
    if (opts.selectedRoot === it.root) {
      ctx.lineWidth = it.id === opts.selected ? 2 : 1;
      ctx.strokeStyle = "#ffffff";
      roundRect(ctx, { x: r.x - 3.5, y: r.y - 3.5, w: r.w + 7, h: r.h + 7 }, 5);
      ctx.stroke();
    }
    const text = opts.labels.get(it.id);
    if (text && it.t >= 1) labelled.push({ r, text, color: "#e8ecf4" });
    hits.push({ id: it.id, root: it.root, ...r });
  }
  for (const [key, rects] of batches) {
    const [color, hollow, level] = key.split("|");
    ctx.globalAlpha = Number(level) / 4;
    ctx.beginPath();
    for (const r of rects) ctx.rect(r.x, r.y, r.w, r.h);
    if (hollow === "1") {
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = color!;
      ctx.stroke();
    } else {
      ctx.fillStyle = color!;
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  for (const { node, n } of held.values()) {
    const at = geo.queueLabelAt(node, n);
    ctx.font = "600 10.5px 'DejaVu Sans', system-ui, sans-serif";
    ctx.fillStyle = HELD_COLOR;
    ctx.textBaseline = "middle";
    ctx.textAlign = "right";
    ctx.fillText(`${n} held`, at.x, at.y + 0.5);
    ctx.textAlign = "left";
  }
  // Errors first, then remaps, each where it does not cover another.
  for (const l of labelled) label(ctx, l.text, l.r, geo.width, l.color, taken);
  return hits;
}

function rateText(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000)}k/s`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k/s`;
  return `${n}/s`;
}

function drawEdgeRates(
  ctx: CanvasRenderingContext2D,
  geo: FlowGeometry,
  rates: readonly Edge[],
  taken: Rect[],
): void {
  ctx.font = "10px 'DejaVu Sans Mono', Menlo, monospace";
  ctx.textBaseline = "middle";
  for (const e of rates) {
    const nodes =
      e.lower === null
        ? geo.targetNodes(e.dev, e.target)
        : geo.lowerNodes(e.dev, e.target, e.lower);
    for (const node of nodes) {
      const x = node.x + node.w / 2 + 5;
      const y = node.y - 9;
      const text = rateText(e.n);
      const tw = textWidth(ctx, text);
      taken.push({ x: x - 2, y: y - 6, w: tw + 4, h: 12 });
      ctx.fillStyle = "rgba(10, 13, 19, 0.9)";
      ctx.fillRect(x - 2, y - 6, tw + 4, 12);
      ctx.fillStyle = "#9fb3d9";
      ctx.fillText(text, x, y);
    }
  }
}

/** measureText, remembered (labels repeat from frame to frame). */
const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  const key = `${ctx.font}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size > 2000) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}
