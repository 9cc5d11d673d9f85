/**
 * The bio flow's controller: one canvas, drawn in the app's one frame loop, outside React.
 *
 *   playing    the animator's tokens, moving (flowAnimator.ts)
 *   paused     the still picture of history[0..cursor) (flowScene.ts), drawn only when it
 *              changes; a single step first animates its one event, then settles on it
 *
 * The still picture depends on the cursor alone, so scrubbing away and back draws the same
 * pixels. Frames are asked for only while something moves (tokens in flight or fading, a step's
 * animation, the summary not yet published); what changes the picture otherwise wakes the loop. A summary of it (one line per bio, `describeScene`) is kept in a list for screen
 * readers and tests.
 */

import { EV, ev } from "../../engine/events.ts";
import { onFrame, wakeFrames } from "../frame.ts";
import {
  debugViews,
  flowStateForPicture,
  history,
  index,
  playback,
  stats,
} from "../history/service.ts";
import { devName, remapLabel, type FlowState } from "../history/model.ts";
import type { FlowFilter } from "../store/playbackSlice.ts";
import { FlowAnimator, type ApplyMode } from "./flowAnimator.ts";
import { drawFlow, type DrawItem, type Hit } from "./flowDraw.ts";
import type { FlowGeometry } from "./flowGeometry.ts";
import { childrenOf, describeScene, ENDED_WINDOW, sceneOf, type SceneToken } from "./flowScene.ts";
import { FilterMatcher } from "./filter.ts";

/** Most remap labels drawn at once (the selected family's are always drawn). */
const MAX_LABELS = 6;
/** Lines of the summary list. */
const MAX_SUMMARY = 60;

/** On-screen duration of one hop at a playback speed: slower in slow motion. */
export function hopFor(speed: number): number {
  if (!Number.isFinite(speed)) return 60;
  return Math.max(60, Math.min(1600, 260 / Math.sqrt(speed)));
}

interface Still {
  cursor: number;
  items: DrawItem[];
  labels: Map<number, string>;
  lines: string[];
  roots: Set<number>;
}

export class FlowView {
  readonly animator = new FlowAnimator();
  readonly #canvas: HTMLCanvasElement;
  readonly #summary: HTMLElement | null;
  #geo: FlowGeometry | null = null;
  #dpr = 1;
  #selected: number | null = null;
  #selectedRoot: number | null = null;
  #matcher: FilterMatcher | null = null;
  /** Families matching the filter (live). */
  #matched = new Set<number>();
  #still: Still | null = null;
  #dirty = true;
  /** Wall time until which a step's animation plays before the still picture returns. */
  #animUntil = 0;
  #lastSummary = 0;
  /** The last live frame drew a settled picture (its summary is published). */
  #wasSettled = false;
  #hits: Hit[] = [];
  #dispose: Array<() => void> = [];

  constructor(canvas: HTMLCanvasElement, summary: HTMLElement | null) {
    this.#canvas = canvas;
    this.#summary = summary;
    playback.backlog = (now) => this.animator.backlog(now);
    this.#dispose.push(
      playback.subscribe({
        applied: (from, to, how, now) => this.#applied(from, to, how, now),
        jumped: (c, now) => this.#rebuild(c, now),
      }),
      onFrame((now) => this.#frame(now)),
      () => {
        playback.backlog = () => 0;
      },
    );
    this.#rebuild(playback.cursor, performance.now());
    debugViews.flow = this;
  }

  dispose(): void {
    for (const d of this.#dispose) d();
    this.#dispose = [];
  }

  setGeometry(geo: FlowGeometry, dpr: number): void {
    this.#geo = geo;
    this.#dpr = dpr;
    const c = this.#canvas;
    c.width = Math.max(1, Math.round(geo.width * dpr));
    c.height = Math.max(1, Math.round(geo.height * dpr));
    c.style.width = `${geo.width}px`;
    c.style.height = `${geo.height}px`;
    this.#invalidate();
  }

  /** The picture must be drawn again (in the next frame). */
  #invalidate(): void {
    this.#dirty = true;
    wakeFrames();
  }

  setSelection(bio: number | null): void {
    if (bio === this.#selected) return;
    this.#selected = bio;
    this.#selectedRoot = bio === null ? null : index.rootOf(bio);
    // The selected family's labels are always drawn: the still picture is recomputed.
    this.#still = null;
    this.#invalidate();
  }

  setFilter(filter: FlowFilter | null): void {
    this.#matcher = filter ? new FilterMatcher(filter, stats.sync()) : null;
    this.#matched = new Set();
    if (this.#matcher) {
      // Families on screen that already matched before the cursor.
      const roots = new Set<number>();
      for (const t of this.animator.tokens.values()) roots.add(t.root);
      for (const r of this.#matchingRoots(roots, playback.cursor)) this.#matched.add(r);
    }
    this.#still = null;
    this.#invalidate();
  }

  /** The bio drawn at (x, y), if any (the last drawn is on top). */
  hitTest(x: number, y: number): Hit | null {
    for (let i = this.#hits.length - 1; i >= 0; i--) {
      const h = this.#hits[i]!;
      if (x >= h.x - 3 && x <= h.x + h.w + 3 && y >= h.y - 3 && y <= h.y + h.h + 3) return h;
    }
    return null;
  }

  #matchingRoots(roots: Iterable<number>, cursor: number): Set<number> {
    const out = new Set<number>();
    const m = this.#matcher;
    if (!m) return out;
    for (const root of roots) {
      for (const i of index.familyRecords(root, cursor)) {
        if (m.matches(history.chunkOf(i), history.offsetOf(i), this.#targetAt(i))) {
          out.add(root);
          break;
        }
      }
    }
    return out;
  }

  /** The target a clone was made for (an end_io names none), from the animator or the index. */
  #targetAt(i: number): number {
    const id = history.bio(i);
    const b = this.animator.state.bios.get(id);
    if (b) return b.target;
    for (const j of index.bioRecords(id, i)) {
      if (history.type(j) === EV.BIO_CLONE)
        return ev.target(history.chunkOf(j), history.offsetOf(j));
    }
    return -1;
  }

  #applied(from: number, to: number, how: ApplyMode, now: number): void {
    this.animator.opts.minHop = hopFor(playback.speed);
    this.animator.apply(history, from, to, now, how);
    const m = this.#matcher;
    if (m) {
      history.forEach(from, to, (r, o) => {
        const b = this.animator.state.bios.get(ev.bio(r, o));
        if (m.matches(r, o, b?.target ?? -1)) {
          this.#matched.add(b?.root ?? index.rootOf(ev.bio(r, o)));
        }
      });
    }
    if (how === "step") {
      this.#animUntil = Math.max(this.#animUntil, now + this.animator.backlog(now) + 80);
    }
    this.#still = null;
    this.#invalidate();
  }

  #rebuild(c: number, now: number): void {
    const state = flowStateForPicture(c, ENDED_WINDOW);
    const scene = sceneOf(state, c);
    this.animator.reset(state, scene, now);
    this.#animUntil = 0;
    if (this.#matcher) this.setFilter(this.#matcher.filter);
    this.#still = this.#stillOf(state, scene, c);
    this.#invalidate();
  }

  #labels(state: FlowState, name: (dev: number) => string, ids: Iterable<number>) {
    const kids = childrenOf(state);
    const found: Array<[number, string]> = [];
    for (const id of ids) {
      const b = state.bios.get(id);
      const k = kids.get(id);
      if (!b || !k) continue;
      const text = remapLabel(b, k, name);
      if (text) found.push([id, text]);
    }
    // The newest first; the selected family's always.
    found.sort((x, y) => y[0] - x[0]);
    const labels = new Map<number, string>();
    for (const [id, text] of found) {
      const b = state.bios.get(id)!;
      if (labels.size < MAX_LABELS || b.root === this.#selectedRoot) labels.set(id, text);
    }
    return labels;
  }

  /** The still picture at cursor `c`, from the flow state there (ended bios kept). */
  #stillOf(state: FlowState, scene: readonly SceneToken[], c: number): Still {
    const st = stats.stateAt(c);
    const name = (dev: number) => devName(st, dev);
    const items: DrawItem[] = scene.map((t) => ({
      id: t.id,
      root: t.root,
      from: null,
      to: t.pose,
      t: 1,
      style: t.style,
      alpha: t.age < 0 ? 1 : Math.max(0.3, 1 - t.age / ENDED_WINDOW),
      since: -1,
    }));
    const roots = new Set(scene.map((t) => t.root));
    return {
      cursor: c,
      items,
      labels: this.#labels(
        state,
        name,
        scene.map((t) => t.id),
      ),
      lines: describeScene(state, scene, name),
      roots: this.#matcher ? this.#matchingRoots(roots, c) : roots,
    };
  }

  /** Draws the frame at wall time `now`; true while the next frames would draw something else. */
  #frame(now: number): boolean {
    const geo = this.#geo;
    const ctx = this.#canvas.getContext("2d");
    if (!geo || !ctx) return false;
    ctx.setTransform(this.#dpr, 0, 0, this.#dpr, 0, 0);
    const still = playback.mode === "pause" && now >= this.#animUntil;
    if (still) {
      const c = playback.cursor;
      if (!this.#still || this.#still.cursor !== c) {
        const state = flowStateForPicture(c, ENDED_WINDOW);
        this.#still = this.#stillOf(state, sceneOf(state, c), c);
        this.#dirty = true;
      }
      if (!this.#dirty) return false;
      this.#dirty = false;
      const s = this.#still;
      this.#hits = drawFlow(ctx, geo, s.items, {
        selected: this.#selected,
        selectedRoot: this.#selectedRoot,
        visibleRoots: this.#matcher ? s.roots : null,
        labels: s.labels,
        edgeRates: null,
      });
      this.#publish(s.lines, c, "still", s.items.length);
      return false;
    }
    const items = this.animator.frame(now);
    const state = this.animator.state;
    const head = stats.sync();
    const name = (dev: number) => devName(head, dev);
    this.#hits = drawFlow(ctx, geo, items, {
      selected: this.#selected,
      selectedRoot: this.#selectedRoot,
      visibleRoots: this.#matcher ? this.#matched : null,
      // Under load, labels only for the selected family (they would cover one another).
      labels: this.#labels(
        state,
        name,
        items.length <= 40
          ? items.map((i) => i.id)
          : items.filter((i) => i.root === this.#selectedRoot).map((i) => i.id),
      ),
      edgeRates: this.animator.sampling(now) ? this.animator.edges.rates(now) : null,
    });
    // A step's animation plays on until the still picture takes over.
    const settled = this.animator.settled(now) && playback.mode === "play";
    if (now - this.#lastSummary > 250 || (settled && !this.#wasSettled)) {
      this.#lastSummary = now;
      const c = this.#canvas;
      const a = this.animator;
      c.dataset.sampling = a.sampling(now) ? `${a.admitted} drawn, ${a.skipped} counted` : "";
      this.#publish(null, playback.cursor, "live", items.length);
    }
    this.#wasSettled = settled;
    this.#dirty = true;
    return !settled;
  }

  #publish(lines: string[] | null, cursor: number, mode: string, tokens: number): void {
    const c = this.#canvas;
    c.dataset.mode = mode;
    c.dataset.cursor = String(cursor);
    c.dataset.tokens = String(tokens);
    const el = this.#summary;
    if (!el) return;
    if (!lines) {
      el.textContent = "";
      return;
    }
    const shown = lines.slice(0, MAX_SUMMARY);
    const frag = document.createDocumentFragment();
    for (const l of shown) {
      const li = document.createElement("li");
      li.textContent = l;
      frag.append(li);
    }
    if (lines.length > shown.length) {
      const li = document.createElement("li");
      li.textContent = `… and ${lines.length - shown.length} more`;
      frag.append(li);
    }
    el.replaceChildren(frag);
  }
}
