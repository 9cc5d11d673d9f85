/**
 * The debugger's actions on the page side: its channel to the worker (created once, handed to
 * every worker the client starts), the notices the worker sends (paused, resumed, evaluated),
 * and the commands the panel and the keys give.
 *
 * A running worker reads messages: breakpoint changes go as a `debugConfig` request. A paused
 * one is blocked in Atomics.wait: everything goes through the channel (debugChannel.ts).
 */

import type { OutcomeBreakpoint } from "../../engine/debug/outcome.ts";
import type { ResumeAction } from "../../engine/debug/runtime.ts";
import { createDebugChannel, DebugChannelWriter } from "../../worker/debugChannel.ts";
import type { DebugNotice } from "../../worker/protocol.ts";
import { getClient } from "../session.ts";
import { useAppStore } from "../store/index.ts";
import type { PausedFrame } from "../store/debugSlice.ts";

let channel: SharedArrayBuffer | null = null;
let writer: DebugChannelWriter | null = null;
let nextWatchId = 1;
let nextOutcomeId = 1;

/** The channel every engine worker gets at init (the client passes it on). */
export function debugChannel(): SharedArrayBuffer {
  if (!channel) {
    channel = createDebugChannel();
    writer = new DebugChannelWriter(channel);
    watchStore();
  }
  return channel;
}

function requireWriter(): DebugChannelWriter {
  debugChannel();
  return writer!;
}

/** A notice from the worker's debugger (session.ts routes them here). */
export function onDebugNotice(n: DebugNotice): void {
  writer?.flush();
  switch (n.what) {
    case "paused": {
      const { info } = n;
      const frame: PausedFrame = {
        file: info.file,
        line: info.line,
        fn: info.fn,
        reason: info.reason,
        locals: info.locals,
        stack: info.stack,
      };
      if (info.column !== undefined) frame.column = info.column;
      if (info.detail !== undefined) frame.detail = info.detail;
      if (info.private !== undefined) frame.private = info.private;
      if (info.bio !== undefined) frame.bio = info.bio;
      if (info.bioId !== undefined) frame.bioId = info.bioId;
      if (info.outcome !== undefined) frame.outcome = info.outcome;
      const s = useAppStore.getState();
      useAppStore.setState({
        debugPaused: frame,
        watches: s.watches.map((w) => ({ ...w, result: null })),
        // The bio it stopped on, as the Inspector shows it.
        ...(info.bioId !== undefined ? { selectedBio: info.bioId } : {}),
      });
      for (const w of s.watches) requireWriter().send({ type: "evaluate", id: w.id, expr: w.expr });
      // A debugger shows its pane when it stops: the panel's head and its paused section (where,
      // call stack, locals) come into view, whatever was scrolled before.
      requestAnimationFrame(() => showPausedFrame());
      return;
    }
    case "resumed":
      useAppStore.setState({ debugPaused: null });
      return;
    case "evaluated":
      useAppStore.setState((s) => ({
        watches: s.watches.map((w) => (w.id === n.id ? { ...w, result: n.result } : w)),
      }));
      return;
    case "reloaded":
      useAppStore.setState({
        debugMessage: [
          n.modules.length ? `Reloaded ${n.modules.join(", ")} with breakpoint probes.` : "",
          ...n.errors,
        ]
          .filter(Boolean)
          .join(" "),
      });
      return;
    case "ack":
      return;
  }
}

/** Continue (F8), step over (F10), step into the next target call (F11). */
export function resumeDebugger(action: ResumeAction): void {
  const w = requireWriter();
  if (!w.paused) return;
  w.send({ type: "resume", action });
  // The worker's "resumed" notice confirms; clear now so the keys do not resend.
  useAppStore.setState({ debugPaused: null });
}

/**
 * Let a paused engine go for good: it continues and stops at no breakpoint until it is replaced.
 * A reset calls this first: the worker must run to read the reset request at all.
 */
export function releaseDebugger(): void {
  const w = requireWriter();
  if (!w.paused) return;
  w.send({ type: "resume", action: "continue", release: true });
  useAppStore.setState({ debugPaused: null });
}

export function addWatch(expr: string): void {
  const e = expr.trim();
  if (!e) return;
  const id = nextWatchId++;
  useAppStore.setState((s) => ({ watches: [...s.watches, { id, expr: e, result: null }] }));
  const w = requireWriter();
  if (w.paused) w.send({ type: "evaluate", id, expr: e });
}

export function removeWatch(id: number): void {
  useAppStore.setState((s) => ({ watches: s.watches.filter((w) => w.id !== id) }));
}

export function addOutcomeBreakpoint(bp: Omit<OutcomeBreakpoint, "id">): void {
  const id = nextOutcomeId++;
  useAppStore.setState((s) => ({ outcomeBreakpoints: [...s.outcomeBreakpoints, { ...bp, id }] }));
}

export function updateOutcomeBreakpoint(id: number, change: Partial<OutcomeBreakpoint>): void {
  useAppStore.setState((s) => ({
    outcomeBreakpoints: s.outcomeBreakpoints.map((b) => (b.id === id ? { ...b, ...change } : b)),
  }));
}

export function removeOutcomeBreakpoint(id: number): void {
  useAppStore.setState((s) => ({
    outcomeBreakpoints: s.outcomeBreakpoints.filter((b) => b.id !== id),
  }));
}

/** Remove one line breakpoint, or every one of a file (line undefined). */
export function clearLineBreakpoint(file: string, line?: number): void {
  useAppStore.setState((s) => {
    const next = { ...s.breakpoints };
    const lines = (next[file] ?? []).filter((l) => line !== undefined && l !== line);
    if (lines.length) next[file] = lines;
    else delete next[file];
    return { breakpoints: next };
  });
}

// ---------------------------------------------------------------- keeping the worker in step

/** Send the breakpoints to the worker: a request while it runs, the channel while paused. */
function sendConfig(parts: { lines?: boolean; outcomes?: boolean }): void {
  const s = useAppStore.getState();
  const w = requireWriter();
  if (w.paused) {
    if (parts.lines) w.send({ type: "setBreakpoints", breakpoints: s.breakpoints });
    if (parts.outcomes) w.send({ type: "setOutcomes", outcomes: s.outcomeBreakpoints });
    return;
  }
  const client = getClient();
  if (!client || client.status !== "ready") return; // sent when it is (watchStore)
  client
    .call("debugConfig", {
      ...(parts.lines ? { breakpoints: s.breakpoints } : {}),
      ...(parts.outcomes ? { outcomes: s.outcomeBreakpoints } : {}),
    })
    .then(
      (r) => {
        if (r.reloaded.length || r.errors.length)
          useAppStore.setState({
            debugMessage: [
              r.reloaded.length
                ? `Reloaded ${r.reloaded.join(", ")} with breakpoint probes (its targets' ctr ran again).`
                : "",
              ...r.errors,
            ]
              .filter(Boolean)
              .join(" "),
          });
      },
      (e: unknown) =>
        useAppStore.setState({ debugMessage: e instanceof Error ? e.message : String(e) }),
    );
}

let watching = false;
/** Breakpoint edits (the editor's gutter, the panel) reach the worker; a new worker gets all. */
function watchStore(): void {
  if (watching) return;
  watching = true;
  useAppStore.subscribe((s, prev) => {
    if (s.breakpoints !== prev.breakpoints) sendConfig({ lines: true });
    if (s.outcomeBreakpoints !== prev.outcomeBreakpoints) sendConfig({ outcomes: true });
    if (s.engineStatus !== prev.engineStatus) {
      if (s.engineStatus === "ready") sendConfig({ lines: true, outcomes: true });
      else if (s.debugPaused) {
        // A worker being replaced is not paused any more.
        writer?.reset();
        useAppStore.setState({ debugPaused: null });
      }
    }
  });
}

/**
 * Brings the Debugger panel's paused section into view: the page or grid scrolls to the panel
 * (its head first), and the panel's own scrollers go back to their top, where the paused frame
 * is (a focus inside the panel may have scrolled them, even the panel's overflow:hidden box).
 */
export function showPausedFrame(): void {
  const panel = document.getElementById("panel-debugger");
  if (!panel) return;
  panel.scrollTop = 0;
  for (const el of panel.querySelectorAll<HTMLElement>(".panel-body, .debugger")) el.scrollTop = 0;
  panel.scrollIntoView({ block: "nearest" });
  panel.querySelector(".dbg-paused")?.scrollIntoView({ block: "nearest" });
}
