import type { StateCreator } from "zustand";
import type { OutcomeBreakpoint } from "../../engine/debug/outcome.ts";
import type { EvalResult, StackFrame } from "../../engine/debug/runtime.ts";
import type { AppState } from "./index.ts";

/**
 * Where the engine worker is stopped by the debugger (contract C, shared by the editor and the
 * Debugger panel). Trees (`locals`, `private`, `bio`) are the worker serializer's JSON-able
 * snapshots (src/engine/debug/serialize.ts), not live objects.
 */
export interface PausedFrame {
  /** User module file, e.g. "dm-proxy.ts" (the name given to insmod). */
  file: string;
  /** 1-based line in that file (the source line: instrumentation keeps line numbers). */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** Enclosing function ("map", "ctr", "<module>" at top level). */
  fn: string;
  reason: "breakpoint" | "step" | "outcome";
  /** e.g. "map returned KILL on top (254:2) bio 17". */
  detail?: string;
  /** Serialized snapshot of the locals in scope, by name. */
  locals: Record<string, unknown>;
  /** Serialized `t.private` of the target instance being called. */
  private?: unknown;
  /** Serialized bio being mapped / completed, if any. */
  bio?: unknown;
  /** The bio's id (the Inspector and the flow select it). */
  bioId?: number;
  /** The target op chain in progress, outermost first, and the user frame on top. */
  stack?: StackFrame[];
  /** The outcome breakpoint that matched (reason "outcome"). */
  outcome?: number;
}

/** A watch expression and its value in the paused frame (null: not evaluated yet). */
export interface Watch {
  id: number;
  expr: string;
  result: EvalResult | null;
}

/**
 * Breakpoints and the paused frame.
 *
 * NOTE: the paused frame is `debugPaused`, not `paused` as first written in contract C:
 * `paused: boolean` already exists in PaceSlice (virtual time paused) and the store is flat.
 */
export interface DebugSlice {
  /** file -> sorted 1-based line numbers with a line breakpoint. */
  breakpoints: Record<string, number[]>;
  /** Adds the breakpoint at file:line, or removes it when present. */
  toggleBreakpoint(file: string, line: number): void;
  /** Where the engine is stopped, or null when it runs. */
  debugPaused: PausedFrame | null;
  /** Breakpoints on outcomes (src/engine/debug/outcome.ts). */
  outcomeBreakpoints: OutcomeBreakpoint[];
  watches: Watch[];
  /** The debugger's last word: a reload to take probes, an error. */
  debugMessage: string;
}

/** `breakpoints` with file:line toggled (pure; sorted, no empty lists kept). */
export function toggledBreakpoints(
  breakpoints: Record<string, number[]>,
  file: string,
  line: number,
): Record<string, number[]> {
  const lines = breakpoints[file] ?? [];
  const next = lines.includes(line)
    ? lines.filter((l) => l !== line)
    : [...lines, line].sort((a, b) => a - b);
  const out = { ...breakpoints };
  if (next.length > 0) out[file] = next;
  else delete out[file];
  return out;
}

export const createDebugSlice: StateCreator<AppState, [], [], DebugSlice> = (set) => ({
  breakpoints: {},
  toggleBreakpoint: (file, line) =>
    set((s) => ({ breakpoints: toggledBreakpoints(s.breakpoints, file, line) })),
  debugPaused: null,
  outcomeBreakpoints: [],
  watches: [],
  debugMessage: "",
});
