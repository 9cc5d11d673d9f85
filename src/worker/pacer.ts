/**
 * The paced driver of the engine's virtual clock: in the browser, virtual time follows wall time
 * at a chosen speed. Headless runs (tests, the dmsh CLI, benchmarks) use the engine's "eager"
 * drive instead, where whoever waits jumps the clock.
 *
 * Every tick (a timer, ~4-250 ms apart, or an immediate task when behind) runs the clock
 * entries that fell due since the last, in (time, sequence) order, and sets the time to the
 * wall-paced target. Nothing is scheduled: no tick at all; the clock's `onBusy` wakes the pacer
 * when something is. Virtual time therefore stands still while the engine has nothing to do.
 *
 * Real time: at 1x, `sleep 1` takes one second of wall time and a 500 ms delay target 500 ms
 * (bench/pacer.ts measures the error). Two rules keep it so and keep bulk I/O fast:
 * - Lag: virtual time slips only when entries that fell due could not all run in time (the
 *   engine is slower than the pace), never because a tick came later than planned.
 * - Short waits of a process are not spent in wall time ("fast-forward"): while a process waits
 *   on the engine and its next entry lies less than FAST_FORWARD_MS of wall time (at the current
 *   speed) after the last one that ran, it runs at once and virtual time moves ahead without
 *   being paid back. A RAM disk's 50 µs per bio therefore costs no wall time at 1x (a command's
 *   bios run as fast as the engine goes, with their modelled latency on the clock), while a
 *   `sleep 1` or a 500 ms delay target takes its full time. In slow motion (50 µs is 5 ms of
 *   wall time at 0.01x) bios are paced again, for the eye. Load generators alone (no process
 *   waiting) are always paced.
 *
 * Determinism: a process waiting on the engine (dd's bio, `sleep`, a suspend draining I/O) is
 * woken by a clock entry. When one is, the tick ends right there, at that entry's time, and the
 * next tick is a separate task: the woken process runs its continuation (its next bio) at the
 * same virtual instant it would at any other speed, before the clock moves on. Speed changes
 * only when entries run, never their order or their virtual times.
 */

import type { Engine } from "../engine/index.ts";
import {
  PACE_MIN_SPEED,
  PACE_REAL_TIME,
  type PaceSettings,
  type PaceSpeed,
  type PaceState,
  type StepResult,
} from "./protocol.ts";

/** Shortest pause between two ticks: what falls due meanwhile runs as one batch. */
const TICK_MS = 4;
/** Longest sleep while entries are pending (slow motion): the tick re-reads the pace. */
const MAX_SLEEP_MS = 250;
/** Wall time one tick may spend running entries before it yields to messages (pings). */
const BUDGET_MS = 10;
/** Behind by more than this much wall time's worth of virtual time: the rest slips. */
const MAX_LAG_MS = 100;
/**
 * Microtask turns a woken process gets to wait again within the tick that woke it (a dd's
 * continuation, from its bio's end to its next bio's wait, takes a few dozen) before it is left
 * to a task of its own.
 */
const MAX_HOPS = 256;
/** A process's wait shorter than this much wall time (at the current speed) is not spent. */
export const FAST_FORWARD_MS = 4;

export interface PacerOptions {
  /** After a tick or a step ran entries: the host copies the new events to the ring. */
  afterRun?: () => void;
  /** Wall milliseconds (tests substitute their own). */
  wallNow?: () => number;
}

type Task = () => void;

/**
 * Run `fn` as a new task, after pending microtasks and without setTimeout's clamping of nested
 * timers to 4 ms: setImmediate in Node, a MessageChannel in a worker.
 */
const queueTask: (fn: Task) => void = (() => {
  const g = globalThis as { setImmediate?: (fn: Task) => unknown };
  if (typeof g.setImmediate === "function") {
    const setImmediate = g.setImmediate;
    return (fn: Task) => void setImmediate(fn);
  }
  const queue: Task[] = [];
  let channel: MessageChannel | null = null;
  return (fn: Task) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
    }
    queue.push(fn);
    channel.port2.postMessage(null);
  };
})();

/** Resolves in a new task: every process woken so far has acted by then. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => queueTask(resolve));
}

export class Pacer {
  #engine: Engine | null = null;
  #speed: PaceSpeed = PACE_REAL_TIME;
  #paused = false;
  /** Virtual time `#anchorVirt` was current at wall time `#anchorWall`. */
  #anchorWall = 0;
  #anchorVirt = 0;
  /** Bumped to cancel whatever tick is armed. */
  #armed = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inTick = false;
  #lagging = false;
  #closed = false;
  /** Virtual time of the last entry run (or of the kick): where a process's wait began. */
  #lastRunAt = 0;
  /** A tick is queued as a task (arm(0)), not behind a timer. */
  #immediate = false;
  #steps: Promise<unknown> = Promise.resolve();
  readonly #afterRun: () => void;
  readonly #wallNow: () => number;

  constructor(opts: PacerOptions = {}) {
    this.#afterRun = opts.afterRun ?? (() => {});
    this.#wallNow = opts.wallNow ?? (() => performance.now());
  }

  /** Drive `engine`'s clock from now on (a reset or restart hands over a new engine). */
  attach(engine: Engine): void {
    if (this.#engine) this.#engine.clock.onBusy = null;
    this.#engine = engine;
    engine.clock.onBusy = () => this.#kick();
    this.#disarm();
    this.#reanchor();
    if (engine.clock.pending > 0) this.#kick();
  }

  close(): void {
    this.#closed = true;
    this.#disarm();
    if (this.#engine) this.#engine.clock.onBusy = null;
  }

  get settings(): PaceSettings {
    return { speed: this.#speed, paused: this.#paused };
  }

  /** The pace and the clock; reading it clears the lagging flag. */
  state(): PaceState {
    const c = this.#engine?.clock;
    const lagging = this.#lagging;
    this.#lagging = false;
    return {
      speed: this.#speed,
      paused: this.#paused,
      now: c?.now ?? 0,
      pending: c?.pending ?? 0,
      next: c?.nextAt ?? null,
      lagging,
    };
  }

  set(p: Partial<PaceSettings>): PaceState {
    if (p.speed !== undefined) {
      if (p.speed !== "max" && !(Number.isFinite(p.speed) && p.speed >= PACE_MIN_SPEED)) {
        throw new Error(
          `speed must be "max" or at least ${PACE_MIN_SPEED} virtual ns per wall ms (1e-4x)`,
        );
      }
      this.#speed = p.speed;
    }
    if (p.paused !== undefined) this.#paused = p.paused;
    // The new pace counts from this instant: no catching up on time spent at the old one.
    this.#reanchor();
    this.#disarm();
    if (!this.#paused) this.#arm(0);
    return this.state();
  }

  /**
   * Run exactly one clock entry, pausing first if running. The processes it wakes act (at its
   * instant) before the answer, so `events` counts what they did too.
   */
  step(): Promise<StepResult> {
    const run = async (): Promise<StepResult> => {
      const e = this.#requireEngine();
      if (!this.#paused) this.set({ paused: true });
      const before = e.events.seq;
      const ran = e.clock.step();
      if (ran) e.wake();
      e.clock.takeYield();
      await nextTask();
      this.#afterRun();
      return { ran, events: e.events.seq - before, now: e.now, pending: e.clock.pending };
    };
    const p = this.#steps.then(run, run);
    this.#steps = p.catch(() => undefined);
    return p;
  }

  #requireEngine(): Engine {
    if (!this.#engine) throw new Error("engine not initialised");
    return this.#engine;
  }

  #reanchor(): void {
    this.#anchorWall = this.#wallNow();
    this.#anchorVirt = this.#engine?.clock.now ?? 0;
  }

  /** Something was scheduled on an idle clock. */
  #kick(): void {
    if (this.#inTick || this.#paused || this.#closed) return;
    // Idle time is not made up for: the clock resumes from where it stood. (A tick armed while
    // the clock was idle would otherwise count the idle time since its anchor as due.)
    this.#reanchor();
    this.#lastRunAt = this.#engine?.clock.now ?? 0;
    // Decided in a task of its own: the process that scheduled the entry (a bio it submitted)
    // starts waiting for it only after this call returns. One queued already will do (a
    // command's every bio comes here: one task each, not two).
    if (!this.#immediate) this.#arm(0);
  }

  /**
   * Whether the next entry is a short wait of a waiting process, to run now (fast-forward): see
   * the file's comment.
   */
  #shortWait(next: number): boolean {
    const e = this.#engine;
    if (!e || e.waiting === 0 || this.#speed === "max") return false;
    return (next - this.#lastRunAt) / this.#speed < FAST_FORWARD_MS;
  }

  #disarm(): void {
    this.#armed++;
    this.#immediate = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #arm(delayMs: number): void {
    this.#disarm();
    if (this.#closed) return;
    const token = this.#armed;
    const fire = () => {
      if (token !== this.#armed) return;
      this.#timer = null;
      this.#immediate = false;
      void this.#tick();
    };
    this.#immediate = delayMs <= 0;
    if (delayMs <= 0) queueTask(fire);
    else this.#timer = setTimeout(fire, delayMs);
  }

  /**
   * Wall ms until the next entry falls due at this pace, within [TICK_MS, MAX_SLEEP_MS]; 0 when
   * it is a short wait to fast-forward.
   */
  #delayToNext(): number {
    const c = this.#engine?.clock;
    const next = c?.nextAt;
    if (!c || next === undefined || this.#speed === "max") return 0;
    if (this.#shortWait(next)) return 0;
    // From the wall-paced virtual time, not c.now: a tick that ran late is not waited for twice.
    const paced = this.#anchorVirt + (this.#wallNow() - this.#anchorWall) * this.#speed;
    const ms = (next - Math.max(c.now, paced)) / this.#speed;
    // The last stretch of a process's wait (a sleep about to end) is not left to a timer, which
    // fires up to a few ms late: tasks re-check until it is due. Entries nobody waits on (load
    // generators) run in batches, a timer apart.
    if (ms < TICK_MS && this.#engine?.waiting) return 0;
    return Math.min(MAX_SLEEP_MS, Math.max(TICK_MS, ms));
  }

  async #tick(): Promise<void> {
    const e = this.#engine;
    if (!e || this.#paused || this.#closed) return;
    const c = e.clock;
    const wall = this.#wallNow();
    const speed = this.#speed;
    let target = Infinity;
    if (speed !== "max") {
      // Whole nanoseconds: virtual timestamps stay integers.
      target = Math.floor(this.#anchorVirt + (wall - this.#anchorWall) * speed);
      // Lagging means entries that fell due long ago are still waiting; a tick that simply came
      // late (a timer, a busy thread) with nothing due meanwhile is not a lag.
      const next = c.nextAt;
      const limit = Math.max(c.now, next ?? c.now) + Math.ceil(speed * MAX_LAG_MS);
      if (next !== undefined && next <= target && target > limit) {
        // The engine cannot keep up: let virtual time slip rather than fall ever further behind.
        this.#lagging = true;
        target = limit;
        this.#anchorVirt = limit;
        this.#anchorWall = wall;
      }
    }
    const deadline = wall + BUDGET_MS;
    let ran = 0;
    let woke = false;
    let outOfTime = false;
    this.#inTick = true;
    try {
      for (;;) {
        const next = c.nextAt;
        if (next === undefined) break;
        if (next > target) {
          if (!this.#shortWait(next)) break;
          // Fast-forward: run it now; the wall time skipped is not paid back.
          this.#anchorVirt += next - target;
          target = next;
        }
        // Counted before the entry runs: the entry may wake its process itself (a dm device's
        // completion calls wake for its suspend waiters, which also resolves the bio's waiter).
        const waiting = e.waiting;
        c.step();
        this.#lastRunAt = c.now;
        ran++;
        if (waiting > 0) {
          e.wake();
          // A process resumes: it acts at this instant, before time moves on. Its continuation
          // runs as microtasks: let them run, and when every process woken waits again (a dd
          // that submitted its next bio) go on in this same task. One that does not (it ended,
          // or awaits something else) gets a task of its own before the clock moves.
          if (e.waiting < waiting) {
            for (let hop = 0; hop < MAX_HOPS && e.waiting < waiting; hop++) await null;
            if (e.waiting < waiting || this.#closed || this.#paused || this.#engine !== e) {
              woke = true;
              break;
            }
            if (this.#wallNow() >= deadline) {
              outOfTime = true;
              break;
            }
            continue;
          }
        }
        // A target's awaited metadata I/O ended: its continuation acts at this instant too.
        if (c.takeYield()) {
          woke = true;
          break;
        }
        if ((ran & 31) === 0 && this.#wallNow() >= deadline) {
          outOfTime = true;
          break;
        }
      }
      // Nothing more falls due before the target: time moves on to it (only while something
      // is scheduled at all; an idle clock stands still).
      if (!woke && !outOfTime && c.pending > 0 && target !== Infinity && target > c.now) {
        c.runUntil(target);
      }
    } finally {
      this.#inTick = false;
    }
    if (ran > 0) this.#afterRun();
    if (woke || outOfTime) this.#arm(0);
    else if (c.pending > 0) this.#arm(this.#delayToNext());
    // else idle: `onBusy` re-arms when something is scheduled.
  }
}
