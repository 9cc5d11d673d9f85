/**
 * The moving picture: tokens that glide from pose to pose as the playback cursor applies
 * events. It keeps its own flow state (the same fold as the static picture, so a token ends up
 * exactly where the static picture puts it) and turns each change of a bio's pose or style into
 * a keyframe.
 *
 * Timing: the playback controller applies an event only once the playback clock has reached its
 * virtual time, so hops are spaced as the events were; each hop then lasts at least `minHop`
 * (zero-latency hops stay visible), starts after the bio's previous hop, and a piece or clone
 * starts from its parent's place once the parent is there. A parent completes only after its
 * pieces have come back.
 *
 * Load: a family (a process's bio and everything split or cloned from it) is drawn or not as a
 * whole, decided when it is submitted. New families are admitted at most one per
 * `lifetime / maxFamilies` (a family's time on screen shared among as many as fit), and never
 * beyond `maxTokens`; the others are counted on their edges (`edges`). Errors, kills, requeues,
 * deferrals and faults are always drawn: such an event brings its bio on screen where it
 * happens.
 */

import { EV, ev, namesBio } from "../../engine/events.ts";
import {
  bioFromAlarm,
  flowFold,
  isAlarmRecord,
  MAP_CODE,
  poseOf,
  STATUS_OK,
  type BioState,
  type FlowState,
  type Pose,
} from "../history/model.ts";
import type { EventHistory } from "../history/history.ts";
import { PULSE_MS } from "./flowDraw.ts";
import {
  ENDED_WINDOW,
  queueSlots,
  samePose,
  sameStyle,
  styleOf,
  type SceneToken,
  type TokenStyle,
} from "./flowScene.ts";

export interface Keyframe {
  t0: number;
  dur: number;
  pose: Pose;
  style: TokenStyle;
}

export interface Token {
  id: number;
  root: number;
  parent: number;
  /** Where the first hop starts from (a piece leaves its parent's place). */
  from: Pose | null;
  frames: Keyframe[];
  /** Wall time its last queued hop ends. */
  readyAt: number;
  /** Latest readyAt of its children (a parent's completion waits for them). */
  kidsReadyAt: number;
  alarm: boolean;
}

/** A token at one instant: poses to interpolate between, and how far. */
export interface TokenFrame {
  id: number;
  root: number;
  from: Pose | null;
  to: Pose;
  /** 0..1 along the hop. */
  t: number;
  style: TokenStyle;
  /** 1 while in flight; fades to 0 after it ended. */
  alpha: number;
  /** Milliseconds since the current hop ended (for pulses); -1 while moving. */
  since: number;
}

export type ApplyMode = "play" | "step" | "catchup";

export interface AnimatorOptions {
  /** On-screen duration of a hop, ms. */
  minHop: number;
  maxTokens: number;
  /** Families on screen at once, about, when more arrive than can be drawn. */
  maxFamilies: number;
  /** How long an ended token stays (ms); errors stay longer. */
  linger: number;
  alarmLinger: number;
}

const DEFAULTS: AnimatorOptions = {
  minHop: 200,
  maxTokens: 400,
  maxFamilies: 40,
  linger: 900,
  alarmLinger: 3500,
};

/** An edge of the stack a bio went along: into `dev`'s target, or from it to a lower device. */
export interface Edge {
  dev: number;
  target: number;
  /** The lower device (null: the edge into the target). */
  lower: number | null;
  /** Bios along it over the last whole second of wall time. */
  n: number;
}

/**
 * Counts of bios along each edge, per second of wall time (drawn when families are sampled).
 * Keys are numbers, not strings: this runs for every clone and remap.
 */
export class EdgeCounter {
  #now = new Map<number, number>();
  #last = new Map<number, number>();
  #bucket = -1;
  /** Lower devices by small index, so that an edge fits one exact number. */
  #lowerIdx = new Map<number, number>();
  #lowers: number[] = [];

  #add(key: number, wall: number): void {
    const bucket = Math.floor(wall / 1000);
    if (bucket !== this.#bucket) this.#roll(bucket);
    this.#now.set(key, (this.#now.get(key) ?? 0) + 1);
  }

  /** A clone went into `dev`'s target `target`. */
  into(dev: number, target: number, wall: number): void {
    this.#add(dev * 256 + (target & 255), wall);
  }

  /** A clone of `dev`'s target went down to `lower`. */
  down(dev: number, target: number, lower: number, wall: number): void {
    let li = this.#lowerIdx.get(lower);
    if (li === undefined) {
      li = this.#lowers.length;
      if (li >= 4095) return;
      this.#lowers.push(lower);
      this.#lowerIdx.set(lower, li);
    }
    this.#add(-((dev * 256 + (target & 255)) * 4096 + li) - 1, wall);
  }

  #roll(bucket: number): void {
    this.#last = bucket === this.#bucket + 1 ? this.#now : new Map();
    this.#now = new Map();
    this.#bucket = bucket;
  }

  /** Bios per second along each edge over the last whole second. */
  rates(wall: number): Edge[] {
    const bucket = Math.floor(wall / 1000);
    if (bucket !== this.#bucket) this.#roll(bucket);
    const out: Edge[] = [];
    for (const [key, n] of this.#last) {
      if (key >= 0) out.push({ dev: Math.floor(key / 256), target: key % 256, lower: null, n });
      else {
        const k = -key - 1;
        const base = Math.floor(k / 4096);
        const lower = this.#lowers[k % 4096] ?? -1;
        out.push({ dev: Math.floor(base / 256), target: base % 256, lower, n });
      }
    }
    return out;
  }

  clear(): void {
    this.#now.clear();
    this.#last.clear();
  }
}

function isAlarm(type: number, b: BioState): boolean {
  switch (type) {
    case EV.BIO_MAP:
      return b.mapState !== MAP_CODE.REMAPPED && b.mapState !== MAP_CODE.SUBMITTED;
    case EV.BIO_COMPLETE:
    case EV.BIO_ENDIO:
      return b.status !== STATUS_OK;
    case EV.BIO_DEFER:
    case EV.BIO_REQUEUE:
    case EV.TARGET_FAULT:
    case EV.DISK_FAULT:
      return true;
    default:
      return false;
  }
}

export class FlowAnimator {
  readonly opts: AnimatorOptions;
  readonly edges = new EdgeCounter();
  #state: FlowState = { bios: new Map(), keepEnded: true };
  #tokens = new Map<number, Token>();
  #queues = new Map<number, Set<number>>();
  #maxReady = 0;
  #lastAdmit = -Infinity;
  /** Families drawn and left out (sampling is on while some are left out). */
  admitted = 0;
  skipped = 0;
  #lastSkipAt = -Infinity;

  constructor(opts: Partial<AnimatorOptions> = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  get state(): FlowState {
    return this.#state;
  }

  get tokens(): ReadonlyMap<number, Token> {
    return this.#tokens;
  }

  /** True while some families are left undrawn (the edges carry their counts). */
  sampling(now: number): boolean {
    return now - this.#lastSkipAt < 1500;
  }

  /**
   * Whether the picture at `now` is the picture at any later time, until the next `apply` or
   * `reset`: no token moving, waiting to appear, pulsing or fading out, no edge counts drawn.
   * The page's frame loop sleeps then.
   */
  settled(now: number): boolean {
    if (this.sampling(now)) return false;
    for (const token of this.#tokens.values()) {
      const frames = token.frames;
      if (frames.length === 0) continue;
      if (frames.length > 1) return false;
      const f = frames[0]!;
      // An ended token fades until it is dropped; a completion's ring pulses after it ended.
      if (f.style.ended || now < f.t0 + f.dur + (f.style.status >= 0 ? PULSE_MS : 0)) return false;
    }
    return true;
  }

  /** Wall time of queued animation beyond `now`, ms. */
  backlog(now: number): number {
    return Math.max(0, this.#maxReady - now);
  }

  /** Starts over from a static picture: `state` is replayed with ended bios kept. */
  reset(state: FlowState, scene: readonly SceneToken[], now: number): void {
    this.#state = flowFold.clone(state);
    this.#state.keepEnded = true;
    this.#tokens.clear();
    this.#queues.clear();
    this.#maxReady = now;
    this.edges.clear();
    for (const s of scene) {
      // A bio that ended `age` records ago is shown as far into its linger as that suggests.
      const shift = s.age >= 0 ? (s.age / ENDED_WINDOW) * this.opts.linger : 0;
      this.#tokens.set(s.id, {
        id: s.id,
        root: s.root,
        parent: s.parent,
        from: null,
        frames: [{ t0: now - shift, dur: 0, pose: s.pose, style: s.style }],
        readyAt: now - shift,
        kidsReadyAt: now - shift,
        alarm: false,
      });
    }
    for (const b of this.#state.bios.values()) {
      if (b.queuedAt >= 0 && b.ended < 0) this.#queueOf(b.dev).add(b.id);
      if (b.ended >= 0 && !this.#tokens.has(b.id)) this.#state.bios.delete(b.id);
    }
  }

  #queueOf(dev: number): Set<number> {
    let q = this.#queues.get(dev);
    if (!q) {
      q = new Set();
      this.#queues.set(dev, q);
    }
    return q;
  }

  /** Applies records [from, to) of `h` at wall time `now`. */
  apply(h: EventHistory, from: number, to: number, now: number, mode: ApplyMode): void {
    const hop = mode === "catchup" ? this.opts.minHop * 0.25 : this.opts.minHop;
    const state = this.#state;
    const bios = state.bios;
    h.forEach(from, to, (r, o, i) => {
      if (!namesBio(r, o)) return;
      const type = ev.type(r, o);
      const id = ev.bio(r, o);
      if (id === 0) return;
      if (type === EV.BIO_CLONE) this.edges.into(ev.dev(r, o), ev.target(r, o), now);
      else if (type === EV.BIO_REMAP) {
        this.edges.down(ev.fromDev(r, o), ev.target(r, o), ev.dev(r, o), now);
      }
      if (!bios.has(id)) {
        // Only drawn families are followed (under load most are not: this is the fast path).
        // A new bio joins if its parent is followed, a process's bio if it is admitted;
        // anything else only counts on its edges, unless it is an alarm.
        const parent = ev.parent(r, o);
        if (type === EV.BIO_SUBMIT && parent === 0) {
          if (!this.#admit(mode, now)) return;
        } else if (parent === 0 || !bios.has(parent)) {
          if (isAlarmRecord(r, o)) this.#alarm(r, o, i, now, hop);
          return;
        }
      }
      const existed = bios.get(id);
      if (existed && existed.ended >= 0 && type !== EV.TARGET_FAULT && type !== EV.DISK_FAULT)
        this.#drop(id);
      flowFold.apply(state, r, o, i);
      const b = bios.get(id);
      if (!b) return;
      let queueChanged = -1;
      if (type === EV.BIO_DEFER || type === EV.BIO_REQUEUE) {
        this.#queueOf(b.dev).add(id);
        queueChanged = b.dev;
      } else if (this.#queues.size > 0 && b.queuedAt < 0 && this.#queues.get(b.dev)?.delete(id)) {
        queueChanged = b.dev;
      }
      const alarm = isAlarm(type, b);
      const token = this.#tokens.get(id) ?? this.#newToken(b, now, alarm);
      if (alarm) token.alarm = true;
      this.#push(token, b, now, hop, type);
      if (queueChanged >= 0) this.#reslot(queueChanged, now, hop);
    });
  }

  /** An alarm in a family not followed: its bio appears where it happened. */
  #alarm(r: Float64Array, o: number, i: number, now: number, hop: number): void {
    const b = bioFromAlarm(r, o, i);
    this.#state.bios.set(b.id, b);
    if (b.queuedAt >= 0) this.#queueOf(b.dev).add(b.id);
    const token = this.#newToken(b, now, true);
    this.#push(token, b, now, hop, ev.type(r, o));
    if (b.queuedAt >= 0) this.#reslot(b.dev, now, hop);
  }

  /** Decides whether a new family is drawn. */
  #admit(mode: ApplyMode, now: number): boolean {
    // About six hops and a linger: how long a family stays on screen.
    const lifetime = 6 * this.opts.minHop * (mode === "catchup" ? 0.25 : 1) + this.opts.linger;
    const interval = lifetime / this.opts.maxFamilies;
    if (this.#tokens.size < this.opts.maxTokens && now - this.#lastAdmit >= interval) {
      this.#lastAdmit = now;
      this.admitted++;
      return true;
    }
    this.skipped++;
    this.#lastSkipAt = now;
    return false;
  }

  #newToken(b: BioState, now: number, alarm: boolean): Token {
    const parent = b.parent ? this.#tokens.get(b.parent) : undefined;
    const parentPose = parent?.frames[parent.frames.length - 1]?.pose ?? null;
    const start = parent ? Math.max(now, parent.readyAt) : now;
    const token: Token = {
      id: b.id,
      root: b.root,
      parent: b.parent,
      // A piece leaves its parent's place, keeping its own sectors.
      from: parentPose ? { ...parentPose, sector: b.hostSector, sectors: b.hostSectors } : null,
      frames: [],
      readyAt: start,
      kidsReadyAt: start,
      alarm,
    };
    this.#tokens.set(b.id, token);
    return token;
  }

  #push(token: Token, b: BioState, now: number, hop: number, type: number): void {
    const slots = b.queuedAt >= 0 ? queueSlots(this.#slotBios(b.dev)) : null;
    const pose = poseOf(b, this.#state.bios, slots?.get(b.id) ?? 0);
    const style = styleOf(b);
    const last = token.frames[token.frames.length - 1];
    if (last && samePose(last.pose, pose) && sameStyle(last.style, style)) return;
    const moves = !last || !samePose(last.pose, pose);
    let start = Math.max(now, token.readyAt);
    // A bio that completes waits for its pieces to have come back.
    if (type === EV.BIO_COMPLETE || type === EV.BIO_ENDIO)
      start = Math.max(start, token.kidsReadyAt);
    const dur = moves ? hop : hop * 0.5;
    token.frames.push({ t0: start, dur, pose, style });
    token.readyAt = start + dur;
    if (token.readyAt > this.#maxReady) this.#maxReady = token.readyAt;
    const parent = token.parent ? this.#tokens.get(token.parent) : undefined;
    if (parent && token.readyAt > parent.kidsReadyAt) parent.kidsReadyAt = token.readyAt;
  }

  #slotBios(dev: number): BioState[] {
    const out: BioState[] = [];
    for (const id of this.#queues.get(dev) ?? []) {
      const b = this.#state.bios.get(id);
      if (b) out.push(b);
    }
    return out;
  }

  /** Held bios at `dev` move up the queue. */
  #reslot(dev: number, now: number, hop: number): void {
    const slots = queueSlots(this.#slotBios(dev));
    for (const [id] of slots) {
      const token = this.#tokens.get(id);
      const b = this.#state.bios.get(id);
      if (token && b) this.#push(token, b, now, hop, EV.BIO_DEFER);
    }
  }

  #forget(b: BioState): void {
    this.#state.bios.delete(b.id);
  }

  #drop(id: number): void {
    this.#tokens.delete(id);
    const b = this.#state.bios.get(id);
    if (b) this.#forget(b);
  }

  /** The picture at wall time `now`; prunes what has gone. */
  frame(now: number): TokenFrame[] {
    const out: TokenFrame[] = [];
    for (const token of this.#tokens.values()) {
      const frames = token.frames;
      if (frames.length === 0) continue;
      // Drop hops already passed, keeping the one before the current as its start.
      let k = frames.length - 1;
      while (k > 0 && frames[k]!.t0 > now) k--;
      if (frames[k]!.t0 > now) continue; // not on screen yet
      if (k > 1) {
        token.from = frames[k - 1]!.pose;
        frames.splice(0, k);
        k = 0;
      } else if (k === 1) {
        token.from = frames[0]!.pose;
        frames.shift();
        k = 0;
      }
      const f = frames[k]!;
      const end = f.t0 + f.dur;
      const t = f.dur > 0 ? Math.min(1, (now - f.t0) / f.dur) : 1;
      let alpha = 1;
      if (f.style.ended && frames.length === 1) {
        const linger = token.alarm ? this.opts.alarmLinger : this.opts.linger;
        const gone = now - end;
        if (gone > linger) {
          this.#drop(token.id);
          continue;
        }
        alpha = gone <= 0 ? 1 : Math.max(0, 1 - gone / linger);
      }
      out.push({
        id: token.id,
        root: token.root,
        from: token.from,
        to: f.pose,
        t,
        style: f.style,
        alpha,
        since: now >= end ? now - end : -1,
      });
    }
    return out;
  }
}
