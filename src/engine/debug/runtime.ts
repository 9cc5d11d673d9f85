/**
 * The debugger's engine side: the object user modules see as `__dm_debug` (the probes
 * instrument.ts inserts call it), the target-call observer that steps into target calls and
 * matches outcome breakpoints, and the pause itself.
 *
 * A pause is a call to the `PauseHook` that returns only when the user resumes: in tests a
 * callback, in the worker a loop blocked on Atomics.wait (src/worker/debugChannel.ts). Nothing
 * in the engine runs while it is paused, so what the hook is shown is the engine's state at
 * that instant, and `evaluate` runs in the paused frame (a direct eval next to the statement,
 * or, for an outcome, a function of `t`, `bio`, `result`).
 *
 *   continue  run until the next breakpoint
 *   stepOver  stop at the next statement of user code at the same depth of instrumented
 *             function calls or shallower (the rest of this function, then its caller's)
 *   stepInto  stop on entry to the next call the engine makes into a user target (the first
 *             statement of that operation when its module is instrumented)
 *
 * Instrumentation is decided per file when the module loader evaluates it: a file with a line
 * breakpoint (or every file, with `instrumentAll`) gets probes. Setting the first breakpoint
 * in a file loaded without probes needs the module reloaded: `setBreakpoints` says which.
 */

import type { Bio } from "../bio.ts";
import type { BlockDevice } from "../blockdev.ts";
import type { EventLog } from "../events.ts";
import { EV, RECORD_SLOTS } from "../events.ts";
import type { Target } from "../target.ts";
import {
  BIO_OPS,
  BLK_STATUSES,
  type BioOp,
  type BlkStatus,
  type EndIoResult,
  type MapState,
} from "../types.ts";
import { instrument, type ProbeSite } from "./instrument.ts";
import {
  deviceNames,
  describeOutcome,
  matchOutcome,
  type OutcomeBreakpoint,
  type OutcomeFacts,
  type OutcomePoint,
} from "./outcome.ts";
import { Serializer, serialize, type TreeNode } from "./serialize.ts";

// ------------------------------------------------------------------ what the engine offers

/** A guarded call into a target (contract A, src/engine/guard.ts). */
export interface DebugTargetCall {
  readonly op: string;
  readonly target: Target;
  readonly module: string;
  readonly mdName: string;
  readonly bio?: Bio;
  readonly args?: readonly string[];
}

export interface DebugCallObserver {
  enter?(call: DebugTargetCall): void;
  exit?(call: DebugTargetCall, outcome: { result?: unknown; error?: unknown }): void;
}

/** The parts of the Engine the debugger uses (structural, so tests can pass a real Engine). */
export interface DebuggableEngine {
  readonly events: EventLog;
  readonly devices: Map<number, BlockDevice>;
  readonly dm: { list(): Iterable<MappedDeviceLike> };
  readonly targetCalls?: { add(obs: DebugCallObserver): () => void };
  readonly modules?: {
    instrument?: ((js: string, filename: string) => string) | undefined;
    debugRuntime?: unknown;
  };
}

interface MappedDeviceLike {
  readonly dmName: string;
  readonly name: string;
  readonly devName: string;
  readonly dev: number;
  readonly live: { readonly targets: readonly Target[] } | null;
}

// ------------------------------------------------------------------ what a pause shows

export type PauseReason = "breakpoint" | "step" | "outcome";
export type ResumeAction = "continue" | "stepOver" | "stepInto";

/** One entry of the call stack, outermost first. */
export interface StackFrame {
  /** "map · proxy #0 on top (254:2) · bio 17" or "map · dm-proxy.ts:12". */
  label: string;
  file?: string;
  line?: number;
}

/** What the page is told when the engine stops (the store's PausedFrame, plus extras). */
export interface PauseInfo {
  /** The user module's file ("dm-proxy.ts"), "" when the stop is not in user code. */
  file: string;
  /** 1-based; 0 when not at a statement (an outcome, an uninstrumented call entry). */
  line: number;
  column?: number;
  fn: string;
  reason: PauseReason;
  detail?: string;
  locals: Record<string, TreeNode>;
  private?: TreeNode;
  bio?: TreeNode;
  /** The bio's id, for the page's Inspector and flow. */
  bioId?: number;
  /** The target op chain (guarded calls in progress) and the user frame on top. */
  stack: StackFrame[];
  /** The outcome breakpoint that matched. */
  outcome?: number;
}

export type EvalResult = { ok: true; value: TreeNode } | { ok: false; error: string };

export interface PauseContext {
  readonly info: PauseInfo;
  /** Evaluates `expr` in the paused frame. Breakpoints do not fire while it runs. */
  evaluate(expr: string): EvalResult;
  /** The runtime (to change breakpoints while paused). */
  readonly runtime: DebugRuntime;
}

/** Blocks until the user resumes; returns how. */
export type PauseHook = (ctx: PauseContext) => ResumeAction;

// ------------------------------------------------------------------ the runtime

interface FileRecord {
  id: number;
  /** Base name, as the editor names files ("dm-proxy.ts"). */
  file: string;
  /** The module name the loader derives from it ("dm_proxy"). */
  module: string;
  instrumented: boolean;
  probes: ProbeSite[];
  /** line -> column of the first probe on it (a line breakpoint stops there only). */
  firstCol: Map<number, number>;
  /** Sorted probe lines. */
  lines: number[];
  /** Effective breakpoint lines (each requested line moved to the next line with a probe). */
  bps: Set<number>;
}

interface CallRecord {
  call: DebugTargetCall;
  /** The bio as map/end_io was given it (map moves it). */
  sector: number;
  sectors: number;
  op: BioOp | undefined;
}

/** The file's base name ("./a/dm-proxy.ts" -> "dm-proxy.ts"). */
export function fileBase(filename: string): string {
  return filename.replace(/^.*[\\/]/, "");
}

/** Linux's module name for a file: base name without extension, "-" -> "_". */
export function moduleNameOf(filename: string): string {
  return fileBase(filename)
    .replace(/\.[^.]*$/, "")
    .replace(/-/g, "_");
}

export class DebugRuntime {
  /** The one check every probe makes: a breakpoint is set somewhere, or a step is pending. */
  on = false;
  /** Instrumented function frames on the stack (the probes' functions count it). */
  depth = 0;
  /** Instrument every user module, breakpoints or not. */
  instrumentAll = false;

  #hook: PauseHook;
  #files: FileRecord[] = [];
  #byName = new Map<string, FileRecord>();
  #requested = new Map<string, number[]>();
  #outcomes: OutcomeBreakpoint[] = [];
  #paused = false;
  #stepOver = false;
  #stepDepth = 0;
  #stepInto = false;
  #breakNext = false;
  #calls: CallRecord[] = [];
  #engine: DebuggableEngine | null = null;
  #unlistenEvents: (() => void) | null = null;
  #unobserve: (() => void) | null = null;
  /** bio id -> op, for "complete" breakpoints that name an op (bio_complete carries none). */
  #ops = new Map<number, BioOp>();

  constructor(hook: PauseHook) {
    this.#hook = hook;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /**
   * Become the engine's debugger: the module loader's instrument hook and `__dm_debug`, and an
   * observer of target calls. Returns the detach function.
   */
  attach(engine: DebuggableEngine): () => void {
    this.#engine = engine;
    const modules = engine.modules as
      { instrument?: (js: string, filename: string) => string; debugRuntime?: unknown } | undefined;
    if (modules) {
      modules.instrument = (js, filename) => this.instrumentModule(js, filename);
      modules.debugRuntime = this;
    }
    this.#syncObserver();
    this.#syncEventListener();
    return () => {
      this.#unobserve?.();
      this.#unobserve = null;
      this.#unlistenEvents?.();
      this.#unlistenEvents = null;
      if (modules) {
        if (modules.debugRuntime === this) modules.debugRuntime = undefined;
        delete modules.instrument;
      }
      this.#engine = null;
    };
  }

  // ---------------------------------------------------------------- configuration

  /**
   * The module loader's hook: `js` (transpiled, line numbers of the source) with probes when
   * the file needs them, else unchanged. Either way the file is known from now on.
   */
  instrumentModule(js: string, filename: string): string {
    const file = fileBase(filename);
    let rec = this.#byName.get(file);
    if (!rec) {
      rec = {
        id: this.#files.length,
        file,
        module: moduleNameOf(file),
        instrumented: false,
        probes: [],
        firstCol: new Map(),
        lines: [],
        bps: new Set(),
      };
      this.#files.push(rec);
      this.#byName.set(file, rec);
    }
    const wanted = this.instrumentAll || (this.#requested.get(file)?.length ?? 0) > 0;
    if (!wanted) {
      rec.instrumented = false;
      rec.probes = [];
      rec.firstCol = new Map();
      rec.lines = [];
      rec.bps = new Set();
      return js;
    }
    const out = instrument(js, rec.id);
    rec.instrumented = true;
    rec.probes = out.probes;
    rec.firstCol = new Map();
    for (const p of out.probes) {
      const c = rec.firstCol.get(p.line);
      if (c === undefined || p.column < c) rec.firstCol.set(p.line, p.column);
    }
    rec.lines = [...rec.firstCol.keys()].sort((a, b) => a - b);
    this.#resolve(rec);
    this.#updateOn();
    return out.code;
  }

  /**
   * Line breakpoints, file (base name) -> 1-based lines; replaces all. Returns the modules
   * (names, as lsmod shows them) loaded without probes that now need a reload to get them.
   */
  setBreakpoints(lines: Record<string, readonly number[]>): string[] {
    this.#requested = new Map(
      Object.entries(lines)
        .filter(([, l]) => l.length > 0)
        .map(([f, l]) => [fileBase(f), [...l]]),
    );
    const reload: string[] = [];
    for (const rec of this.#files) {
      this.#resolve(rec);
      if (!rec.instrumented && (this.#requested.get(rec.file)?.length ?? 0) > 0)
        reload.push(rec.module);
    }
    this.#updateOn();
    return reload;
  }

  /** Outcome breakpoints; replaces all. */
  setOutcomes(list: readonly OutcomeBreakpoint[]): void {
    this.#outcomes = list.map((b) => ({ ...b }));
    this.#syncEventListener();
    this.#syncObserver();
  }

  get outcomes(): readonly OutcomeBreakpoint[] {
    return this.#outcomes;
  }

  /** Files the runtime has seen, with whether they carry probes. */
  files(): Array<{ file: string; module: string; instrumented: boolean; lines: number[] }> {
    return this.#files.map((r) => ({
      file: r.file,
      module: r.module,
      instrumented: r.instrumented,
      lines: [...r.bps].sort((a, b) => a - b),
    }));
  }

  /** Each requested line moves to the first line at or after it that has a statement. */
  #resolve(rec: FileRecord): void {
    rec.bps = new Set();
    if (!rec.instrumented) return;
    for (const l of this.#requested.get(rec.file) ?? []) {
      const at = rec.lines.find((x) => x >= l);
      if (at !== undefined) rec.bps.add(at);
    }
  }

  #updateOn(): void {
    this.on =
      this.#stepOver || this.#breakNext || this.#files.some((r) => r.instrumented && r.bps.size);
    this.#syncObserver();
  }

  /**
   * Observe target calls only while something needs them (a line breakpoint, a step, an
   * outcome breakpoint): with no observer the guard costs one branch per call.
   */
  #syncObserver(): void {
    const calls = this.#engine?.targetCalls;
    if (!calls) return;
    const want = this.on || this.#stepInto || this.#outcomes.some((b) => b.enabled);
    if (want && !this.#unobserve) {
      this.#calls = []; // calls already in progress were not seen entering
      this.#unobserve = calls.add(this.#observer);
    } else if (!want && this.#unobserve && !this.#paused) {
      this.#unobserve();
      this.#unobserve = null;
      this.#calls = [];
    }
  }

  // ---------------------------------------------------------------- probes

  /** Called by a probe before a statement (only while `on`). */
  hit(
    fileId: number,
    line: number,
    column: number,
    locals: () => Record<string, unknown>,
    evaluate: (expr: string) => unknown,
  ): void {
    if (this.#paused) return;
    const rec = this.#files[fileId];
    if (!rec) return;
    let reason: PauseReason;
    if (this.#breakNext || (this.#stepOver && this.depth <= this.#stepDepth)) reason = "step";
    else if (rec.bps.has(line) && rec.firstCol.get(line) === column) reason = "breakpoint";
    else return;
    const fn = rec.probes.find((p) => p.line === line && p.column === column)?.fn ?? "";
    let vars: Record<string, unknown>;
    try {
      vars = locals();
    } catch (e) {
      vars = { "<error>": e };
    }
    const call = this.#calls[this.#calls.length - 1]?.call;
    const s = new Serializer();
    const info: PauseInfo = {
      file: rec.file,
      line,
      column,
      fn,
      reason,
      locals: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, s.serialize(v)])),
      stack: [...this.#stack(), { label: `${fn} · ${rec.file}:${line}`, file: rec.file, line }],
    };
    if (call) {
      info.private = serialize(call.target.private);
      if (call.bio) {
        info.bio = serialize(call.bio);
        info.bioId = call.bio.id;
      }
      info.detail = `${call.op} of ${call.target.type.name} #${call.target.index} on ${this.#mdLabel(call.mdName)}${call.bio ? ` · bio ${call.bio.id}` : ""}`;
    }
    this.#pause(info, evaluate);
  }

  // ---------------------------------------------------------------- target calls

  readonly #observer: DebugCallObserver = {
    enter: (call) => {
      const bio = call.bio;
      this.#calls.push({
        call,
        sector: bio?.sector ?? 0,
        sectors: bio?.sectors ?? 0,
        op: bio?.op,
      });
      if (!this.#stepInto || this.#paused) return;
      const rec = this.#moduleRecord(call.module);
      if (!rec) return; // a built-in target: not user code
      this.#stepInto = false;
      if (rec.instrumented) {
        this.#breakNext = true; // its first statement stops
        this.#updateOn();
        return;
      }
      const info = this.#callInfo(
        call,
        "step",
        `entering ${call.op} of ${rec.module} (not instrumented: set a breakpoint in ${rec.file} to step through its lines)`,
      );
      info.file = rec.file;
      this.#pause(info, this.#outcomeEval(call, undefined));
    },
    exit: (call, outcome) => {
      // The call stays on the stack while an outcome pause shows it.
      const rec = this.#calls[this.#calls.length - 1];
      try {
        if (this.#paused || this.#outcomes.length === 0 || !rec) return;
        if (call.op === "map" && call.bio && "result" in outcome) {
          this.#checkOutcome(rec, "map", { mapState: outcome.result as MapState }, outcome.result);
        } else if (call.op === "endIo" && call.bio && "result" in outcome) {
          this.#checkOutcome(
            rec,
            "endio",
            { status: call.bio.status, endIo: outcome.result as EndIoResult },
            outcome.result,
          );
        }
      } finally {
        this.#calls.pop();
      }
    },
  };

  #moduleRecord(module: string): FileRecord | undefined {
    const norm = module.replace(/-/g, "_");
    return this.#files.find((r) => r.module === norm);
  }

  #checkOutcome(
    rec: CallRecord,
    point: OutcomePoint,
    extra: Partial<OutcomeFacts>,
    result: unknown,
  ): void {
    const { call } = rec;
    const facts: OutcomeFacts = {
      point,
      deviceNames: this.#namesOfMd(call.mdName),
      target: call.target.type.name,
      sector: rec.sector,
      sectors: rec.sectors,
      ...(rec.op ? { op: rec.op } : {}),
      ...extra,
    };
    const bp = this.#outcomes.find((b) => matchOutcome(b, facts));
    if (!bp) return;
    const what =
      point === "map"
        ? `map returned ${String(result)}`
        : `end_io returned ${String(result)} with status ${String(extra.status)}`;
    const info = this.#callInfo(
      call,
      "outcome",
      `${what} on ${this.#mdLabel(call.mdName)} (${call.target.type.name} #${call.target.index})${call.bio ? ` bio ${call.bio.id}` : ""}`,
    );
    info.outcome = bp.id;
    info.locals.result = serialize(result);
    this.#pause(info, this.#outcomeEval(call, result));
  }

  /** A pause at a target call (not at a statement): `t`, `bio`, `args` are the locals. */
  #callInfo(call: DebugTargetCall, reason: PauseReason, detail: string): PauseInfo {
    const s = new Serializer();
    const locals: Record<string, TreeNode> = { t: s.serialize(call.target) };
    if (call.bio) locals.bio = s.serialize(call.bio);
    if (call.args) locals.args = s.serialize(call.args);
    const rec = this.#moduleRecord(call.module);
    const info: PauseInfo = {
      file: rec?.file ?? "",
      line: 0,
      fn: call.op,
      reason,
      detail,
      locals,
      private: serialize(call.target.private),
      stack: this.#stack(),
    };
    if (call.bio) {
      info.bio = serialize(call.bio);
      info.bioId = call.bio.id;
    }
    return info;
  }

  #outcomeEval(call: DebugTargetCall | undefined, result: unknown): (expr: string) => unknown {
    return (expr) => {
      // Not user code's frame: a function of what the outcome is about.
      const f = new Function("t", "bio", "result", `"use strict"; return (${expr}\n);`) as (
        t: unknown,
        bio: unknown,
        result: unknown,
      ) => unknown;
      return f(call?.target, call?.bio, result);
    };
  }

  #stack(): StackFrame[] {
    return this.#calls.map(({ call }) => ({
      label: `${call.op} · ${call.target.type.name} #${call.target.index} on ${this.#mdLabel(call.mdName)}${call.bio ? ` · bio ${call.bio.id}` : ""}`,
    }));
  }

  // ---------------------------------------------------------------- events: complete, fault

  #syncEventListener(): void {
    const engine = this.#engine;
    const want = this.#outcomes.some(
      (b) => b.enabled && (b.point === "complete" || b.point === "fault"),
    );
    if (!engine || !want) {
      this.#unlistenEvents?.();
      this.#unlistenEvents = null;
      this.#ops.clear();
      return;
    }
    if (this.#unlistenEvents) return;
    const log = engine.events;
    this.#unlistenEvents = log.listen((seq) => this.#onEvent(log, seq));
  }

  #onEvent(log: EventLog, seq: number): void {
    const r = log.records;
    const o = (seq & (log.capacity - 1)) * RECORD_SLOTS;
    const type = r[o]!;
    if (type === EV.BIO_SUBMIT) {
      const op = BIO_OPS[r[o + 6]! & 0xff];
      if (op) this.#ops.set(r[o + 2]!, op);
      return;
    }
    if (type !== EV.BIO_COMPLETE && type !== EV.TARGET_FAULT) return;
    const bioId = r[o + 2]!;
    const op = this.#ops.get(bioId);
    if (type === EV.BIO_COMPLETE) this.#ops.delete(bioId);
    if (this.#paused) return;
    const dev = r[o + 3]!;
    const bdev = this.#engine?.devices.get(dev);
    const md = this.#mdByDev(dev);
    const names = md
      ? deviceNames(md.dmName, md.name, md.devName)
      : bdev
        ? deviceNames(bdev.name, bdev.name, bdev.devName)
        : [];
    const call = this.#calls[this.#calls.length - 1]?.call;
    if (type === EV.BIO_COMPLETE) {
      const status = BLK_STATUSES[r[o + 6]!] as BlkStatus | undefined;
      const facts: OutcomeFacts = {
        point: "complete",
        deviceNames: names,
        sector: r[o + 4]!,
        sectors: r[o + 5]!,
        ...(op ? { op } : {}),
        ...(status ? { status } : {}),
      };
      const bp = this.#outcomes.find((b) => matchOutcome(b, facts));
      if (!bp) return;
      const summary = {
        id: bioId,
        op: op ?? "?",
        dev: names[0] ?? String(dev),
        sector: r[o + 4]!,
        sectors: r[o + 5]!,
        status: status ?? "?",
        latencyNs: r[o + 7]!,
      };
      this.#eventPause(
        bp,
        `bio ${bioId} completed with status ${status ?? "?"} on ${names[0] ?? dev}`,
        summary,
        bioId,
        call,
      );
      return;
    }
    const index = r[o + 6]!;
    const ti = md?.live?.targets[index];
    const what = log.strings[r[o + 7]!] ?? "";
    const facts: OutcomeFacts = {
      point: "fault",
      deviceNames: names,
      ...(ti ? { target: ti.type.name } : call ? { target: call.target.type.name } : {}),
      ...(op ? { op } : {}),
    };
    const bp = this.#outcomes.find((b) => matchOutcome(b, facts));
    if (!bp) return;
    this.#eventPause(
      bp,
      `target fault on ${names[0] ?? dev}${bioId ? ` bio ${bioId}` : ""}: ${what}`,
      call?.bio && call.bio.id === bioId ? call.bio : bioId ? { id: bioId } : undefined,
      bioId,
      call,
    );
  }

  #eventPause(
    bp: OutcomeBreakpoint,
    detail: string,
    bio: unknown,
    bioId: number,
    call: DebugTargetCall | undefined,
  ): void {
    const info: PauseInfo = call
      ? this.#callInfo(call, "outcome", detail)
      : { file: "", line: 0, fn: "", reason: "outcome", detail, locals: {}, stack: this.#stack() };
    info.detail = `${detail} (breakpoint: ${describeOutcome(bp)})`;
    info.outcome = bp.id;
    if (bio !== undefined) {
      info.bio = serialize(bio);
      info.locals.bio = info.bio;
    }
    if (bioId) info.bioId = bioId;
    this.#pause(info, this.#outcomeEval(call, undefined));
  }

  // ---------------------------------------------------------------- helpers

  #mdByDev(dev: number): MappedDeviceLike | undefined {
    const engine = this.#engine;
    if (!engine) return undefined;
    for (const md of engine.dm.list()) if (md.dev === dev) return md;
    return undefined;
  }

  #mdOf(mdName: string): MappedDeviceLike | undefined {
    const engine = this.#engine;
    if (!engine) return undefined;
    for (const md of engine.dm.list())
      if (md.dmName === mdName || md.devName === mdName || md.name === mdName) return md;
    return undefined;
  }

  #namesOfMd(mdName: string): string[] {
    const md = this.#mdOf(mdName);
    return md ? deviceNames(md.dmName, md.name, md.devName) : [mdName];
  }

  #mdLabel(mdName: string): string {
    const md = this.#mdOf(mdName);
    return md ? `${md.dmName} (${md.devName})` : mdName || "?";
  }

  // ---------------------------------------------------------------- the pause

  #pause(info: PauseInfo, evaluate: (expr: string) => unknown): void {
    // Stepping over from a stop that is not at a statement (an outcome, a call entry): the next
    // statement of user code, wherever it is.
    const depth = info.line > 0 ? this.depth : Infinity;
    this.#paused = true;
    this.#breakNext = false;
    this.#stepOver = false;
    this.#stepInto = false;
    let action: ResumeAction = "continue";
    try {
      action = this.#hook({
        info,
        runtime: this,
        evaluate: (expr) => {
          try {
            return { ok: true, value: serialize(evaluate(expr)) };
          } catch (e) {
            return { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
          }
        },
      });
    } finally {
      this.#paused = false;
    }
    if (action === "stepOver") {
      this.#stepOver = true;
      this.#stepDepth = depth;
    } else if (action === "stepInto") {
      this.#stepInto = true;
    }
    this.#updateOn();
  }
}
