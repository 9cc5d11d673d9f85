/**
 * The debugger's line between the page and a worker that is paused inside user code.
 *
 * A paused worker is blocked in `Atomics.wait`: it reads no messages, so the page's commands
 * (resume, step, evaluate, change breakpoints) are written into a SharedArrayBuffer the page
 * created and handed over at init, and the worker is woken with `Atomics.notify`. What the
 * worker has to say (paused, evaluated, resumed) goes out as notices: postMessage from a worker
 * is delivered even while it then blocks. The watchdog reads the PAUSED word before it calls a
 * silent worker hung (client.ts).
 *
 * Layout (Int32 words, then bytes):
 *
 *   [0] PAUSED   1 while the worker is stopped by the debugger (the worker writes it)
 *   [1] SEQ      commands written by the page (the worker waits on this word)
 *   [2] ACK      the last command the worker took
 *   [3] LEN      bytes of the command at PAYLOAD
 *   [4] PAUSES   pauses so far
 *   bytes PAYLOAD.. the command, JSON in UTF-8
 *
 * One command at a time: the page writes the next only once ACK has caught up with SEQ (it
 * queues meanwhile, see DebugChannelWriter).
 */

import type { OutcomeBreakpoint } from "../engine/debug/outcome.ts";
import type { PauseContext, PauseHook, ResumeAction } from "../engine/debug/runtime.ts";
import type { DebugNotice } from "./protocol.ts";

const PAUSED = 0;
const SEQ = 1;
const ACK = 2;
const LEN = 3;
const PAUSES = 4;
const PAYLOAD = 64;
/** Room for a command: a watch expression, or every breakpoint of a session. */
export const DEBUG_CHANNEL_BYTES = PAYLOAD + 256 * 1024;

/** What the page can tell a paused worker. */
export type DebugCommand =
  /** `release`: and stop pausing until the next engine (a reset is coming). */
  | { type: "resume"; action: ResumeAction; release?: boolean }
  | { type: "evaluate"; id: number; expr: string }
  | { type: "setBreakpoints"; breakpoints: Record<string, number[]> }
  | { type: "setOutcomes"; outcomes: OutcomeBreakpoint[] };

export function createDebugChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer(DEBUG_CHANNEL_BYTES);
}

/** True while the worker on the other end is stopped by the debugger. */
export function workerPaused(sab: SharedArrayBuffer): boolean {
  return Atomics.load(new Int32Array(sab, 0, 8), PAUSED) === 1;
}

/** A worker that is gone is not paused (a restart clears the word before the new one starts). */
export function clearPaused(sab: SharedArrayBuffer): void {
  const w = new Int32Array(sab, 0, 8);
  Atomics.store(w, PAUSED, 0);
  Atomics.store(w, ACK, Atomics.load(w, SEQ));
}

// ------------------------------------------------------------------ the page's side

/** Writes commands for a paused worker, one at a time. */
export class DebugChannelWriter {
  readonly #words: Int32Array;
  readonly #bytes: Uint8Array;
  #queue: DebugCommand[] = [];

  constructor(sab: SharedArrayBuffer) {
    this.#words = new Int32Array(sab, 0, 8);
    this.#bytes = new Uint8Array(sab, PAYLOAD);
  }

  get paused(): boolean {
    return Atomics.load(this.#words, PAUSED) === 1;
  }

  /** Queue `cmd` and write what the worker is ready to take. */
  send(cmd: DebugCommand): void {
    this.#queue.push(cmd);
    this.flush();
  }

  /** Write the next queued command if the worker took the previous one. Call on each notice. */
  flush(): void {
    const w = this.#words;
    while (this.#queue.length > 0 && Atomics.load(w, ACK) === Atomics.load(w, SEQ)) {
      const cmd = this.#queue.shift()!;
      const bytes = new TextEncoder().encode(JSON.stringify(cmd));
      if (bytes.length > this.#bytes.length) throw new Error("debug command too large");
      this.#bytes.set(bytes);
      Atomics.store(w, LEN, bytes.length);
      Atomics.add(w, SEQ, 1);
      Atomics.notify(w, SEQ);
    }
  }

  /** Forget queued commands (the worker was replaced). */
  reset(): void {
    this.#queue = [];
  }

  get pending(): number {
    return this.#queue.length;
  }
}

// ------------------------------------------------------------------ the worker's side

export interface PauseLoopOptions {
  sab: SharedArrayBuffer;
  post(n: DebugNotice): void;
  /** Copies the engine's events into the ring: the page must see the bio where it is. */
  flush(): void;
  /** Breakpoint changes made while paused (reloads needed run after the resume). */
  onBreakpoints?(breakpoints: Record<string, number[]>): void;
  /** The page let the engine go for good (a reset): no more pauses on this engine. */
  onRelease?(): void;
}

/**
 * The PauseHook of a worker: announce the pause, then block until the page says how to go on,
 * answering evaluations and breakpoint changes meanwhile.
 */
export function blockingPauseHook(opts: PauseLoopOptions): PauseHook {
  const w = new Int32Array(opts.sab, 0, 8);
  const bytes = new Uint8Array(opts.sab, PAYLOAD);
  return (ctx: PauseContext): ResumeAction => {
    opts.flush();
    let seen = Atomics.load(w, SEQ);
    Atomics.store(w, ACK, seen);
    const pause = Atomics.add(w, PAUSES, 1) + 1;
    Atomics.store(w, PAUSED, 1);
    opts.post({ what: "paused", pause, info: ctx.info });
    try {
      for (;;) {
        Atomics.wait(w, SEQ, seen);
        const seq = Atomics.load(w, SEQ);
        if (seq === seen) continue;
        const len = Atomics.load(w, LEN);
        // Copy out of shared memory before decoding (TextDecoder refuses shared views).
        const text = new TextDecoder().decode(bytes.slice(0, len));
        seen = seq;
        Atomics.store(w, ACK, seq);
        let cmd: DebugCommand;
        try {
          cmd = JSON.parse(text) as DebugCommand;
        } catch {
          continue;
        }
        switch (cmd.type) {
          case "evaluate":
            opts.post({
              what: "evaluated",
              id: cmd.id,
              expr: cmd.expr,
              result: ctx.evaluate(cmd.expr),
            });
            break;
          case "setBreakpoints":
            opts.onBreakpoints?.(cmd.breakpoints);
            opts.post({ what: "ack", seq });
            break;
          case "setOutcomes":
            ctx.runtime.setOutcomes(cmd.outcomes);
            opts.post({ what: "ack", seq });
            break;
          case "resume":
            if (cmd.release) opts.onRelease?.();
            return cmd.action;
        }
      }
    } finally {
      Atomics.store(w, PAUSED, 0);
      opts.post({ what: "resumed", pause });
    }
  };
}
