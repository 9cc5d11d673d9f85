/**
 * Virtual time. The engine never reads a wall clock: every delay, completion and sleep is an
 * entry on this discrete-event queue, ordered by (time, sequence). Headless runs jump from one
 * entry to the next; the UI paces `runUntil` against wall time at a chosen speed. Same inputs,
 * same order, same timestamps.
 */

/** Virtual nanoseconds since the engine started. */
export type Nanos = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_SEC = 1_000_000_000;

interface Entry {
  at: Nanos;
  seq: number;
  fn: () => void;
  /** Background work (a load generator's next bio) does not keep the clock "busy". */
  background: boolean;
}

export class Clock {
  #now: Nanos = 0;
  #seq = 0;
  /** Binary min-heap on (at, seq). */
  #heap: Entry[] = [];
  #foreground = 0;
  #yield = false;
  /**
   * Called when an entry is scheduled on an empty clock: a paced driver that went to sleep for
   * want of work wakes up here (the browser's worker; headless runs leave it null).
   */
  onBusy: (() => void) | null = null;

  get now(): Nanos {
    return this.#now;
  }

  get pending(): number {
    return this.#heap.length;
  }

  /** Entries that are not background work: while there are some, the engine is not idle. */
  get foreground(): number {
    return this.#foreground;
  }

  /** Time of the next due entry, or undefined when nothing is scheduled. */
  get nextAt(): Nanos | undefined {
    return this.#heap[0]?.at;
  }

  /**
   * A promise someone awaits was settled by the code running now (a target's metadata I/O
   * ended, dm-io.ts): its continuation runs as a microtask, after the current task. A driver
   * that sees the request stops running entries and lets the task end (`nextTask`), so the
   * continuation acts at this virtual instant, before time moves on. Synchronous loops that
   * cannot yield (`Engine.settle`) leave the request for the next driver that can.
   */
  requestYield(): void {
    this.#yield = true;
  }

  /** Whether a yield was requested and not yet taken. */
  get yieldRequested(): boolean {
    return this.#yield;
  }

  /** Take the yield request: true if there was one (cleared). */
  takeYield(): boolean {
    const y = this.#yield;
    this.#yield = false;
    return y;
  }

  /** Run `fn` after `delay` virtual nanoseconds (0: after everything already due now). */
  schedule(delay: Nanos, fn: () => void, background = false): void {
    const e: Entry = { at: this.#now + Math.max(0, delay), seq: this.#seq++, fn, background };
    if (!background) this.#foreground++;
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = h[p]!;
      if (pe.at < e.at || (pe.at === e.at && pe.seq < e.seq)) break;
      h[i] = pe;
      i = p;
    }
    h[i] = e;
    if (h.length === 1) this.onBusy?.();
  }

  #pop(): Entry | undefined {
    const h = this.#heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      const le = h[l]!;
      if (r < n) {
        const re = h[r]!;
        if (re.at < le.at || (re.at === le.at && re.seq < le.seq)) c = r;
      }
      const ce = h[c]!;
      if (last.at < ce.at || (last.at === ce.at && last.seq < ce.seq)) break;
      h[i] = ce;
      i = c;
    }
    h[i] = last;
    return top;
  }

  /**
   * Drop every entry without running it (a power cut: timers, completions and wake-ups of the
   * machine that was running are gone). Time stays where it is.
   */
  clear(): void {
    this.#heap = [];
    this.#foreground = 0;
    this.#yield = false;
  }

  /** Run the single next entry, advancing time to it. False when nothing is scheduled. */
  step(): boolean {
    const e = this.#pop();
    if (!e) return false;
    if (!e.background) this.#foreground--;
    this.#now = e.at;
    e.fn();
    return true;
  }

  /** Run every entry due at or before `t`, then set the time to `t`. */
  runUntil(t: Nanos): void {
    for (;;) {
      const next = this.#heap[0];
      if (!next || next.at > t) break;
      this.step();
    }
    if (t > this.#now) this.#now = t;
  }

  /** Advance by `delta`, running what falls due on the way. */
  advance(delta: Nanos): void {
    this.runUntil(this.#now + delta);
  }

  /** Run until nothing is scheduled (or `limit` entries ran, a guard against endless timers). */
  runUntilIdle(limit = 10_000_000): number {
    let n = 0;
    while (n < limit && this.step()) n++;
    return n;
  }
}

type Task = () => void;

/**
 * Run `fn` as a new task, after every pending microtask and without setTimeout's clamping of
 * nested timers to 4 ms: setImmediate in Node, a MessageChannel in a worker or a page.
 */
export const queueTask: (fn: Task) => void = (() => {
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

/** Resolves in a new task: every continuation woken so far has run by then (microtasks drain first). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => queueTask(resolve));
}

/**
 * The engine's only source of randomness: xoshiro128** seeded through splitmix32, so a session
 * seed reproduces every "random" choice (flakey targets, /dev/urandom, load generators).
 */
export class Prng {
  #s = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.#s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.#s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  fill(buf: Uint8Array): void {
    let i = 0;
    for (; i + 4 <= buf.length; i += 4) {
      const v = this.nextU32();
      buf[i] = v & 0xff;
      buf[i + 1] = (v >>> 8) & 0xff;
      buf[i + 2] = (v >>> 16) & 0xff;
      buf[i + 3] = v >>> 24;
    }
    if (i < buf.length) {
      const v = this.nextU32();
      for (let k = 0; i < buf.length; i++, k++) buf[i] = (v >>> (8 * k)) & 0xff;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
