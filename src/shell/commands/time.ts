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
 * A status other than 0 is reported first: `Command exited with non-zero status N` (time.c
 * summarize). busybox's `time` is an applet that execs its command (BB_EXECVP), not a shell
 * keyword: a shell builtin that is not also an applet (`wait`, `cd`, `jobs`...), a shell function,
 * an assignment word (`time x=2`) or a missing command cannot be executed, and Linux prints
 * `time: can't execute 'wait': No such file or directory` and the times, status 127; the shell
 * itself is left alone (`time cd /` does not change directory). `time` alone prints its usage
 * (status 1).
 *
 * just-bash parses `time` as a keyword; the rewrite (rewrite.ts) turns a timed pipeline P into
 * `{ __dmsh_tstart; P; __dmsh_tend [-p]; }`, whose status is P's, with P's first command replaced
 * by `__dmsh_tnoexec WORD` when busybox could not execute it, or the whole by `__dmsh_tusage`.
 */

import { NS_PER_MS } from "../../engine/index.ts";
import type { DmShell } from "../index.ts";
import { command } from "./command.ts";

export const TIME_START = "__dmsh_tstart";
export const TIME_END = "__dmsh_tend";
/** `__dmsh_tnoexec WORD`: what `time WORD` prints when WORD is not a program. */
export const TIME_NOEXEC = "__dmsh_tnoexec";
/** `__dmsh_tusage`: `time` with no command. */
export const TIME_USAGE = "__dmsh_tusage";

/**
 * Shell builtins that are also busybox applets, so `time NAME` runs the applet (Debian's
 * busybox 1.35 has these as applets; every other ash builtin is the shell's only).
 */
export const APPLET_BUILTINS: ReadonlySet<string> = new Set([
  "[",
  "[[",
  "echo",
  "false",
  "kill",
  "printf",
  "pwd",
  "test",
  "true",
]);

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
  if (status !== 0) out.e(`Command exited with non-zero status ${status}\n`);
  if (args[0] === "-p") out.e(`real ${posixText(ms)}\nuser 0.00\nsys 0.00\n`);
  else out.e(`real\t${clockText(ms)}\nuser\t${clockText(0)}\nsys\t${clockText(0)}\n`);
  return status;
});

/** The child of `time` failing to exec its command (BB_EXECVP_or_die): status 127. */
export const timeNoExec = command(TIME_NOEXEC, (args, { out }) => {
  out.e(`time: can't execute '${args[0] ?? ""}': No such file or directory\n`);
  return 127;
});

export const timeUsage = command(TIME_USAGE, (_args, { out }) => {
  out.e(
    "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n" +
      "Usage: time [-vpa] [-o FILE] PROG ARGS\n\n" +
      "Run PROG, display resource usage when it exits\n\n" +
      "\t-v\tVerbose\n\t-p\tPOSIX output format\n\t-f FMT\tCustom format\n" +
      "\t-o FILE\tWrite result to FILE\n\t-a\tAppend (else overwrite)\n",
  );
  return 1;
});

export const timeCommands = [timeStart, timeEnd, timeNoExec, timeUsage];
