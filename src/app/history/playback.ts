/**
 * The playback cursor over the history. Every view draws history[0..cursor) and nothing else;
 * the controller only decides where the cursor is:
 *
 *   play    the cursor moves forward through the recorded events as the playback clock (virtual
 *           time, advancing `speed` times wall time) reaches them, and follows the head once it
 *           gets there (live). Idle stretches are shortened to `idleCap` ms; when the cursor falls
 *           too far behind the head it catches up (views sample). Live at 1x or faster, a burst
 *           shown event by event is never more than `maxLagMs` of wall time behind the console:
 *           the events that arrived longer ago than that are skipped (views sample), and counted
 *           (`skipped`) for the bar to say so. Slow motion is asked for: it lags as it must.
 *   pause   the cursor stays; the engine is paused too (setPace).
 *   step    one event forward; at the head, with the engine paused, the engine is asked for one
 *           more step and the cursor takes the first event that comes.
 *   scrub   the cursor is put anywhere in the history held; the picture is recomputed there.
 *
 * Listeners hear about each move: `applied(from, to, how)` for a move forward that can be
 * animated, `jumped(cursor)` when the picture must be rebuilt at the cursor.
 */

import type { EventHistory } from "./history.ts";

export type PlayMode = "play" | "pause";
export type MoveKind = "play" | "step" | "catchup";

export interface EngineControl {
  setPace(pace: { speed: number; paused: boolean }): void;
  /** Runs one clock entry; resolves to false when it produced no event (nothing was due). */
  step(): Promise<boolean> | void;
}

export interface PlaybackListener {
  applied?(from: number, to: number, how: MoveKind, now: number): void;
  jumped?(cursor: number, now: number): void;
}

/** Speeds offered, slow motion to as fast as the engine goes (Infinity). */
export const SPEEDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 10, 100, Infinity] as const;

export function speedLabel(speed: number): string {
  if (!Number.isFinite(speed)) return "max";
  return `${speed < 1 ? String(speed).replace(/^0/, "") : speed}×`;
}

export interface PlaybackOptions {
  /** Longest wait (wall ms) for an idle stretch of virtual time while playing. */
  idleCap: number;
  /** Animation queued beyond this (ms) holds the cursor back, so hops stay readable. */
  gate: number;
  /** Following the head and behind it by more than this many events, it catches up. */
  lagEvents: number;
  /** Most events applied in one frame. */
  perFrame: number;
  /** Arriving faster than this (events per 2 s), events stream instead of being held back. */
  streamEvents: number;
  /**
   * Live at 1x or faster: the longest wall time (ms) an event waits to be shown after it
   * arrived; older ones are skipped.
   */
  maxLagMs: number;
}

const DEFAULTS: PlaybackOptions = {
  idleCap: 1200,
  gate: 120,
  lagEvents: 4000,
  perFrame: 50_000,
  streamEvents: 1500,
  maxLagMs: 2000,
};

export class Playback {
  readonly #h: EventHistory;
  readonly #engine: EngineControl | null;
  readonly opts: PlaybackOptions;
  #mode: PlayMode = "play";
  #cursor = 0;
  #speed = 1;
  /** Virtual ns the playback has reached. */
  #clock = 0;
  #lastFrame: number | null = null;
  #following = true;
  #awaitingEngine = false;
  #listeners = new Set<PlaybackListener>();
  /** (wall ms, head) pairs over the last seconds: how fast events arrive. */
  #headSamples: number[] = [];
  /**
   * (wall ms, head) pairs, oldest first: the frame at which the head was first seen at each
   * value, kept while some of those events are not shown yet (when each arrived).
   */
  #arrived: number[] = [];
  /** Events skipped live to keep up (maxLagMs), since the cursor last fell behind the head. */
  #skipped = 0;
  /** The cursor was at the head at the last frame (a new burst starts the skipped count over). */
  #caughtUp = true;
  /** Animation queued beyond now (ms): provided by the flow view while it is on screen. */
  backlog: (now: number) => number = () => 0;
  /** Bumped on every change the UI shows. */
  version = 0;
  /** Called on every such change (the page wakes its frame loop to publish it). */
  onChange: () => void = () => undefined;

  constructor(
    history: EventHistory,
    engine: EngineControl | null,
    opts: Partial<PlaybackOptions> = {},
  ) {
    this.#h = history;
    this.#engine = engine;
    this.opts = { ...DEFAULTS, ...opts };
    history.onClear(() => {
      this.#cursor = 0;
      this.#clock = 0;
      this.#headSamples = [];
      this.#arrived = [];
      this.#skipped = 0;
      this.#caughtUp = true;
      this.#awaitingEngine = false;
      this.#changed();
      this.#jumped(this.#lastFrame ?? 0);
    });
  }

  get mode(): PlayMode {
    return this.#mode;
  }

  get cursor(): number {
    return this.#cursor;
  }

  get speed(): number {
    return this.#speed;
  }

  /** Playing with the cursor at (or catching up with) the head. */
  get live(): boolean {
    return this.#mode === "play" && this.#following;
  }

  get awaitingEngine(): boolean {
    return this.#awaitingEngine;
  }

  /** Events recorded and not shown yet (head minus cursor). */
  get behind(): number {
    return Math.max(0, this.#h.head - this.#cursor);
  }

  /**
   * Events skipped live to keep the views within `maxLagMs` of the console, since the cursor
   * last fell behind the head (kept once caught up, until the next burst).
   */
  get skipped(): number {
    return this.#skipped;
  }

  /** How long (wall ms) the oldest event not shown yet has waited, at `now`; 0 at the head. */
  lagMs(now: number): number {
    if (this.#cursor >= this.#h.head) return 0;
    const a = this.#arrived;
    for (let i = 0; i < a.length; i += 2) {
      if (a[i + 1]! > this.#cursor) return Math.max(0, now - a[i]!);
    }
    return 0;
  }

  subscribe(l: PlaybackListener): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }

  #changed(): void {
    this.version++;
    this.onChange();
  }

  /**
   * Whether the next frames may move the cursor: playing behind the head (the playback clock
   * reaches the next event), or waiting for the engine's step. Otherwise frames are not needed
   * until the head moves or a command is given.
   */
  get moving(): boolean {
    return (this.#mode === "play" && this.#cursor < this.#h.head) || this.#awaitingEngine;
  }

  #applied(from: number, to: number, how: MoveKind, now: number): void {
    if (to <= from) return;
    for (const l of this.#listeners) l.applied?.(from, to, how, now);
  }

  #jumped(now: number): void {
    for (const l of this.#listeners) l.jumped?.(this.#cursor, now);
  }

  #clampCursor(): void {
    const h = this.#h;
    if (this.#cursor < h.base) {
      // Records under the cursor were forgotten: the picture restarts at the oldest held.
      this.#cursor = h.base;
      this.#jumped(this.#lastFrame ?? 0);
    }
    if (this.#cursor > h.head) this.#cursor = h.head;
  }

  #pace(): void {
    this.#engine?.setPace({ speed: this.#speed, paused: this.#mode === "pause" });
  }

  /** Behind the head by more events than the playback can show in time. */
  #lagging(): boolean {
    return this.#h.head - this.#cursor > this.opts.lagEvents;
  }

  /** Notes when the head moved (each frame), and forgets arrivals shown already. */
  #noteArrival(now: number): void {
    const a = this.#arrived;
    const head = this.#h.head;
    if (a.length === 0 || a[a.length - 1]! < head) a.push(now, head);
    let drop = 0;
    while (drop + 1 < a.length && a[drop + 1]! <= this.#cursor) drop += 2;
    if (drop > 0) a.splice(0, drop);
  }

  /**
   * Live at 1x or faster and behind by more than maxLagMs: the cursor jumps over the events that
   * arrived longer ago than that (views sample). Whether it moved.
   */
  #keepUp(now: number): boolean {
    if (!this.#following || this.#speed < 1 || this.lagMs(now) <= this.opts.maxLagMs) return false;
    const start = this.#cursor;
    const h = this.#h;
    const a = this.#arrived;
    let to = start;
    for (let i = 0; i < a.length && a[i]! <= now - this.opts.maxLagMs; i += 2) {
      to = Math.max(to, a[i + 1]!);
    }
    to = Math.min(h.head, to, start + this.opts.perFrame);
    if (to <= start) return false;
    this.#cursor = to;
    this.#skipped += to - start;
    this.#clock = Math.max(this.#clock, h.time(to - 1));
    this.#changed();
    this.#applied(start, to, "catchup", now);
    return true;
  }

  /** Events that arrived over the last two seconds (wall), sampled once a frame. */
  #arrivals(now: number): number {
    const samples = this.#headSamples;
    const head = this.#h.head;
    samples.push(now, head);
    while (samples.length > 4 && samples[0]! < now - 2000) samples.splice(0, 2);
    return Math.max(0, head - samples[1]!);
  }

  /**
   * The frame job: moves the cursor as the mode says. `now` is wall ms. `resumed`: the frame loop
   * slept since the previous frame because nothing moved; the playback clock still advanced all
   * that time, as it does from frame to frame (otherwise at most 100 ms pass between two frames,
   * so that a hidden tab does not jump ahead when it comes back).
   */
  frame(now: number, resumed = false): void {
    const h = this.#h;
    const gap = this.#lastFrame === null ? 0 : Math.max(0, now - this.#lastFrame);
    const dt = resumed ? gap : Math.min(100, gap);
    this.#lastFrame = now;
    const arrivals = this.#arrivals(now);
    this.#clampCursor();
    this.#noteArrival(now);
    if (this.#cursor >= h.head) this.#caughtUp = true;
    else if (this.#caughtUp) {
      // A new burst: its skipped count starts over.
      this.#caughtUp = false;
      this.#skipped = 0;
      this.version++;
    }
    if (this.#mode === "pause") {
      if (this.#awaitingEngine && h.head > this.#cursor) {
        this.#awaitingEngine = false;
        this.#cursor++;
        this.#changed();
        this.#applied(this.#cursor - 1, this.#cursor, "step", now);
      }
      return;
    }
    const speed = this.#speed;
    const finite = Number.isFinite(speed);
    if (finite) this.#clock += dt * 1e6 * speed;
    if (this.#cursor >= h.head) {
      this.#following = true;
      return;
    }
    if (this.#keepUp(now)) {
      if (this.#cursor >= h.head) this.#following = true;
      return;
    }
    const start = this.#cursor;
    // Following the head and too far behind it to show it all (a replay the user asked for
    // plays on at its pace instead).
    if (this.#following && this.#lagging()) {
      // Too far behind to show it all: jump the clock and let the views sample.
      const to = Math.min(h.head, this.#cursor + this.opts.perFrame);
      this.#cursor = to;
      this.#clock = Math.max(this.#clock, h.time(to - 1));
      this.#changed();
      this.#applied(start, to, "catchup", now);
      if (to >= h.head) this.#following = true;
      return;
    }
    const capNs = this.opts.idleCap * 1e6 * (finite ? speed : 0);
    // Sparse bursts (a dd of a few blocks, all at one virtual instant) are shown one event at a
    // time, held back while the animation of the previous ones plays; sustained load streams.
    const gated = arrivals < this.opts.streamEvents;
    if (!gated) {
      // Streaming: everything up to the clock at once (found by binary search, not per event).
      const due = finite ? h.upperBoundTime(this.#clock) : h.head;
      const to = Math.min(h.head, this.#cursor + this.opts.perFrame, Math.max(this.#cursor, due));
      if (to === this.#cursor) {
        // An idle stretch: wait for it, but never longer than idleCap.
        const t = h.time(this.#cursor);
        if (t - this.#clock > capNs) this.#clock = t - capNs;
      }
      this.#cursor = to;
      this.#applied(start, to, "play", now);
    } else {
      let budget = this.opts.perFrame;
      while (this.#cursor < h.head && budget-- > 0) {
        const t = h.time(this.#cursor);
        if (finite && t > this.#clock) {
          if (t - this.#clock > capNs) this.#clock = t - capNs;
          break;
        }
        if (this.backlog(now) > this.opts.gate) break;
        this.#cursor++;
        this.#applied(this.#cursor - 1, this.#cursor, "play", now);
      }
    }
    if (this.#cursor !== start) this.#changed();
    if (this.#cursor >= h.head) this.#following = true;
  }

  play(): void {
    if (this.#mode === "play") return;
    this.#mode = "play";
    this.#awaitingEngine = false;
    this.#following = this.#cursor >= this.#h.head;
    // Replay from the cursor: the clock restarts at its event.
    if (this.#cursor < this.#h.head) this.#clock = this.#h.time(this.#cursor);
    this.#changed();
    this.#pace();
  }

  pause(): void {
    if (this.#mode === "pause") return;
    this.#mode = "pause";
    this.#following = false;
    this.#changed();
    this.#pace();
    // The picture settles on exactly history[0..cursor).
    this.#jumped(this.#lastFrame ?? 0);
  }

  toggle(): void {
    if (this.#mode === "play") this.pause();
    else this.play();
  }

  /** One event forward (asking the engine for it when the cursor is at the head). */
  step(): void {
    if (this.#mode === "play") this.pause();
    this.#clampCursor();
    if (this.#cursor < this.#h.head) {
      this.#cursor++;
      this.#changed();
      this.#applied(this.#cursor - 1, this.#cursor, "step", this.#lastFrame ?? 0);
      return;
    }
    if (this.#engine) {
      this.#awaitingEngine = true;
      this.#changed();
      void this.#engine.step()?.then((produced) => {
        if (!produced && this.#awaitingEngine) {
          this.#awaitingEngine = false;
          this.#changed();
        }
      });
    }
  }

  /** One event back: the picture is rebuilt at the previous cursor. */
  stepBack(): void {
    this.scrubTo(this.#cursor - 1);
  }

  scrubTo(c: number): void {
    if (this.#mode === "play") {
      this.#mode = "pause";
      this.#pace();
    }
    this.#following = false;
    this.#awaitingEngine = false;
    const h = this.#h;
    this.#cursor = Math.max(h.base, Math.min(h.head, Math.round(c)));
    this.#changed();
    this.#jumped(this.#lastFrame ?? 0);
  }

  /** Jumps to the head and plays on. */
  goLive(): void {
    this.#cursor = this.#h.head;
    this.#skipped = 0;
    this.#following = true;
    this.#awaitingEngine = false;
    const wasPaused = this.#mode === "pause";
    this.#mode = "play";
    this.#changed();
    this.#jumped(this.#lastFrame ?? 0);
    if (wasPaused) this.#pace();
  }

  /** Sets the playback speed (and the engine's pace, unless it is the engine's news). */
  setSpeed(speed: number, fromEngine = false): void {
    if (speed === this.#speed || !(speed > 0)) return;
    this.#speed = speed;
    if (this.#cursor < this.#h.head) this.#clock = this.#h.time(this.#cursor);
    this.#changed();
    if (!fromEngine) this.#pace();
  }
}
