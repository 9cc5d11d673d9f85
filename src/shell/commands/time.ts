/**
 * `time COMMAND` on virtual time, as busybox's time applet prints it (Debian 12's busybox, which
 * the kernel tool runs): `real\t0m 1.00s` / `user\t0m 0.00s` / `sys\t0m 0.00s` on stderr, or with
 * `-p` `real 1.00` / `user 0.00` / `sys 0.00`. Times are truncated to hundredths, as busybox does
 * (time.c: `elapsed_ms / 1000, (elapsed_ms / 10) % 100`).
 *
 * Real time is the engine's clock (virtual time), as a Linux box reports its own clock: `time
 * sleep 1` says 1.00 s at any playback speed. User and system time are 0: dmsh's processes
 * spend no modelled CPU time.
 *
 * just-bash parses `time` as a keyword; the rewrite (rewrite.ts) turns a timed pipeline P into
 * `{ __dmsh_tstart; P; __dmsh_tend [-p]; }`, whose status is P's.
 */

import { NS_PER_MS } from "../../engine/index.ts";
import type { DmShell } from "../index.ts";
import { command } from "./command.ts";

export const TIME_START = "__dmsh_tstart";
export const TIME_END = "__dmsh_tend";

/** Virtual start times of the timed pipelines running, innermost last, per shell. */
const started = new WeakMap<DmShell, number[]>();

/** busybox's `%um %u.%02us` (with hours from one hour on: `%uh %um %02us`). */
function clockText(ms: number): string {
  const cs = Math.floor(ms / 10) % 100;
  const s = Math.floor(ms / 1000);
  if (ms >= 3600 * 1000) {
    return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m ${String(s % 60).padStart(2, "0")}s`;
  }
  return `${Math.floor(s / 60)}m ${s % 60}.${String(cs).padStart(2, "0")}s`;
}

function posixText(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String(Math.floor(ms / 10) % 100).padStart(2, "0")}`;
}

export const timeStart = command(TIME_START, (_args, { shell }) => {
  const stack = started.get(shell) ?? [];
  stack.push(shell.engine.now);
  started.set(shell, stack);
  return 0;
});

/** Prints the times of the innermost timed pipeline; its status is the pipeline's (`$?`). */
export const timeEnd = command(TIME_END, (args, { shell, ctx, out }) => {
  const status = Number(ctx.env.get("?") ?? "0") || 0;
  const from = started.get(shell)?.pop() ?? shell.engine.now;
  const ms = Math.floor((shell.engine.now - from) / NS_PER_MS);
  if (args[0] === "-p") out.e(`real ${posixText(ms)}\nuser 0.00\nsys 0.00\n`);
  else out.e(`real\t${clockText(ms)}\nuser\t${clockText(0)}\nsys\t${clockText(0)}\n`);
  return status;
});

export const timeCommands = [timeStart, timeEnd];
