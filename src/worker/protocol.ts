/**
 * The one protocol between the page and the engine worker (duckdb-wasm's worker_request.ts
 * style). Every request carries an id; every answer names the id it answers. Only control goes
 * through here: high-rate engine events go through the SharedArrayBuffer ring (ring.ts) and disk
 * contents stay in the engine's shared storage, which both sides map.
 *
 *   page                                   worker
 *   ─ { id, type: "runShell", script } ──▶
 *                                      ◀── { id, type: "output", stream, text }   (0..n, streamed)
 *                                      ◀── { id, type: "ok", result: { exitCode } }
 *
 * A request is answered by exactly one "ok" or "error"; "output" only ever precedes it.
 * Messages without an id ("notice") are the worker's own news: a new storage segment to map,
 * new interned event strings, output of a background job that outlived its command.
 */

import type { OutcomeBreakpoint } from "../engine/debug/outcome.ts";
import type { EvalResult, PauseInfo } from "../engine/debug/runtime.ts";
import type { LoadSpec, LoadStats } from "../engine/loadgen.ts";
import type { DiskStoreHandle, StorageHandle } from "../engine/storage.ts";
import type { ContractProblem } from "../engine/contracts.ts";
import type { ModuleInfo, ReloadReport } from "../engine/module.ts";
import type { Completion } from "../shell/completion.ts";
import type { InputState } from "../shell/continuation.ts";

export type RequestId = number;

/** Everything a (re)started worker needs to attach to the page's shared memory. */
export interface InitParams {
  /** Seed for the engine's PRNG and clock: the same seed and script give the same events. */
  seed: number;
  /** The event ring (ring.ts) the worker produces into. */
  ring: SharedArrayBuffer;
  /**
   * Shared disk storage to reattach to (a restart after a hang), or undefined for a fresh
   * engine. The disks listed are re-created over their existing contents.
   */
  storage?: StorageHandle;
  disks?: DiskSnapshot[];
  /**
   * The debugger's command channel (debugChannel.ts): how the page talks to a worker blocked in
   * a breakpoint, and the PAUSED word the watchdog reads.
   */
  debug?: SharedArrayBuffer;
  /**
   * The "current call" cell (src/engine/module.ts, CALL_CELL_BYTES): which user module's code
   * the worker is running, readable by the page after the worker stopped answering.
   */
  callCell?: SharedArrayBuffer;
}

/** A loaded user module as the page keeps it, to load it again in a restarted worker. */
export interface ModuleSnapshot {
  name: string;
  filename: string;
  source: string;
  /** Why it is faulty ("map hung"), or null. */
  faulty: string | null;
  /** The target types it registers. */
  types: string[];
}

export interface DiskSnapshot {
  /** Block device name, e.g. "ram0". */
  name: string;
  major: number;
  minor: number;
  sizeBytes: number;
  store: DiskStoreHandle;
  /**
   * The volatile write cache's per-chunk counts of sectors not yet durable (writecache.ts:
   * Int32 [0] 1 while on, [1] all cached sectors, [2 + c] in chunk c); absent while the disk
   * never had its cache on (`diskcache`).
   */
  cache?: SharedArrayBuffer;
  /** Its disk fault rules (`diskfault`), oldest first. */
  faults?: DiskFaultInfo[];
}

/** A disk fault rule as the disk panel lists it. */
export interface DiskFaultInfo {
  id: number;
  /** The rule as `diskfault add` takes it back: "ram0 --op write --sectors 100-199 --errno EIO". */
  rule: string;
  /** Bios that matched, times it fired, and whether a --once rule is spent. */
  seen: number;
  hits: number;
  spent: boolean;
}

/** A target line of a table, with the block devices it maps onto (iterate_devices). */
export interface TargetInfo {
  start: number;
  length: number;
  type: string;
  /** The constructor arguments as `dmsetup table` prints them. */
  args: string;
  /** Devices this segment maps onto, in table order, with the range of each it uses. */
  maps: Array<{ dev: string; start: number; length: number }>;
}

export interface DmDeviceInfo {
  name: string;
  /** "major:minor" */
  dev: string;
  uuid: string;
  suspended: boolean;
  openCount: number;
  /** Sectors of the live table (0 without one). */
  sectors: number;
  live: TargetInfo[] | null;
  inactive: TargetInfo[] | null;
}

export interface BlockDeviceInfo {
  name: string;
  dev: string;
  sectors: number;
  /** "ram" for brd disks, "dm" for mapped devices, others as the engine adds them. */
  kind: string;
}

/** One target's status lines (dm_target's `status` with STATUSTYPE_INFO and _TABLE). */
export interface TargetStatus {
  start: number;
  length: number;
  type: string;
  info: string;
  table: string;
}

/** The engine as the views need it, at one instant. */
export interface EngineState {
  /** Virtual nanoseconds. */
  now: number;
  devices: DmDeviceInfo[];
  blockDevices: BlockDeviceInfo[];
  disks: DiskSnapshot[];
  storage: StorageHandle;
  /** User target modules loaded (insmod), most recently loaded first. */
  modules?: ModuleSnapshot[];
}

export interface TableProblem {
  /** 1-based line of the table text, 0 when the problem is the table as a whole. */
  line: number;
  /** The kernel's text, as dmesg shows it. */
  message: string;
  /**
   * Not a rejection: the dry run could not check this (a target whose constructor does I/O,
   * features.ctrDoesIo, is not run; the load checks it).
   */
  unchecked?: true;
}

export type Stream = "stdout" | "stderr";

/** When a worker got where (epoch ms): diagnostics for the startup benchmark. */
export interface WorkerStartup {
  /** The Worker object was created (the worker's time origin). */
  created: number;
  /** Its module graph (dmsh, the engine) was fetched and compiled, and began evaluating. */
  evaluating: number;
  /** Everything evaluated; the host listens. */
  loaded: number;
  /** The engine and shell were built for init. */
  ready: number;
}

/**
 * How fast virtual time runs in the browser: virtual nanoseconds per wall millisecond
 * (PACE_REAL_TIME is 1x; slow motion down to 1e-4x), or "max": everything due runs as fast as
 * the engine goes, jumping to the next scheduled entry. Pacing changes only when clock entries
 * run, never their order or their virtual times.
 */
export type PaceSpeed = number | "max";

/** 1x: one virtual millisecond per wall millisecond. */
export const PACE_REAL_TIME = 1_000_000;
/** The slowest slow motion: 1e-4x. */
export const PACE_MIN_SPEED = PACE_REAL_TIME * 1e-4;

export interface PaceSettings {
  speed: PaceSpeed;
  /** Paused: virtual time stands still; `step` runs one clock entry at a time. */
  paused: boolean;
}

export interface PaceState extends PaceSettings {
  /** Virtual nanoseconds. */
  now: number;
  /** Clock entries scheduled (0: nothing will happen until someone acts). */
  pending: number;
  /** Virtual time of the next entry (what a step would run), null when none is scheduled. */
  next: number | null;
  /**
   * Whether the pacer lagged behind the chosen speed since the last report (the engine could
   * not run what fell due in time, so virtual time was let slip).
   */
  lagging: boolean;
}

export interface StepResult {
  /** False when nothing was scheduled: the clock did not move. */
  ran: boolean;
  /** Events the entry produced, with those of the processes it woke (at the same instant). */
  events: number;
  /** Virtual time after the step (the entry's time). */
  now: number;
  pending: number;
}

/** Load generators as the Load panel and `loadgen list` show them, at virtual time `now`. */
export interface LoadReport {
  now: number;
  generators: LoadStats[];
}

/**
 * The requests, and what a successful answer carries, in one map: the request and response
 * unions below are derived from it, so a new request is one line here and one case in the
 * worker's switch (which TypeScript checks for exhaustiveness).
 */
export interface Requests {
  init: { params: InitParams; result: { engineVersion: string; startup: WorkerStartup } };
  /** Run a dmsh script (a console line or a pasted script); output streams as "output". */
  runShell: { params: { script: string }; result: { exitCode: number } };
  /**
   * Ctrl-C: the running shell command is answered at once with exit status 130 (its later
   * output dropped, as a process killed by SIGINT prints nothing more) and its waits fail with
   * EINTR. `interrupted` is false when no command was running. Never queued behind commands.
   */
  interrupt: { params: Record<string, never>; result: { interrupted: boolean } };
  /** Check a table without loading it: the kernel's messages, empty when it would load. */
  validateTable: { params: { name: string | null; table: string }; result: TableProblem[] };
  /**
   * Load a table into `name` (creating the device if it does not exist), optionally resuming
   * it so the table goes live. Output is what dmsetup printed.
   */
  loadTable: {
    params: { name: string; table: string; resume: boolean };
    result: { exitCode: number; output: string; problems: TableProblem[] };
  };
  getState: { params: Record<string, never>; result: EngineState };
  /**
   * A device's targets as `dmsetup status` and `dmsetup table` print them (INFO and TABLE), for
   * the inspector. Fails as dmsetup would for a device that does not exist.
   */
  targetStatus: { params: { name: string }; result: TargetStatus[] };
  /**
   * Whether typed console input is a whole script or bash would print its continuation prompt
   * "> " and read another line (src/shell/continuation.ts). Answered at once, even while a
   * command runs.
   */
  shellInput: { params: { script: string }; result: InputState };
  /**
   * Tab completion of the console line before the cursor (src/shell/completion.ts): commands,
   * dmsetup subcommands, device names, paths. Answered at once, even while a command runs.
   */
  complete: { params: { line: string }; result: Completion };
  /**
   * The console's width in columns, for the shell's COLUMNS (what `ls` lays out by), from the
   * next command on.
   */
  setColumns: { params: { columns: number }; result: Record<string, never> };
  /**
   * Throw away every device and disk; the page then rebuilds its scenario. Commands running or
   * queued in the console are answered with exit status 130 first (never queued behind them).
   */
  reset: { params: { seed: number }; result: { engineVersion: string } };
  /**
   * Rebuild mapped devices after a restart, over the reattached disks (rebuild.ts). `output`
   * lists what failed, if anything.
   */
  restore: { params: { devices: DmDeviceInfo[] }; result: { ok: boolean; output: string } };
  ping: { params: Record<string, never>; result: { now: number } };
  /**
   * Pace virtual time (fields left out keep their value). Answered at once, even while a
   * command waits on the clock.
   */
  setPace: { params: Partial<PaceSettings>; result: PaceState };
  /** The pace and the clock, as they are now. */
  getPace: { params: Record<string, never>; result: PaceState };
  /** Run exactly one clock entry (pausing first if running). */
  step: { params: Record<string, never>; result: StepResult };
  /** Start a load generator (src/engine/loadgen.ts); defaults fill what the spec leaves out. */
  loadStart: { params: { spec: Partial<LoadSpec> & { device: string } }; result: LoadStats };
  /** Stop one generator, or every one without an id. Bios in flight still complete. */
  loadStop: { params: { id?: number }; result: LoadReport };
  /** Generators and their counters; `prune` first forgets stopped ones with nothing in flight. */
  loadList: { params: { prune?: boolean }; result: LoadReport };
  /**
   * Write a file into dmsh's file system (creating its directory), or delete it with
   * `content: null`: the target editor keeps its files there, so `insmod dm-proxy.ts` in the
   * console (working directory /tmp) loads the file being edited. Answered at once, even while
   * a command runs.
   */
  writeFile: { params: { path: string; content: string | null }; result: Record<string, never> };
  /**
   * insmod a user target module (src/engine/module.ts). A module from a shared link or a file
   * (`origin` "link" or "file") is untrusted: it is refused until the user agreed (`consent`).
   * Errors carry "<file>:<line>:<column>: <what>".
   */
  insmod: {
    params: {
      filename: string;
      source: string;
      origin?: "editor" | "link" | "file";
      consent?: boolean;
    };
    result: ModuleInfo;
  };
  /** rmmod: fails with "Resource temporarily unavailable" while a table uses the module. */
  rmmod: { params: { name: string }; result: Record<string, never> };
  /** lsmod: every loaded module (built-in ones too) with its use count. */
  lsmod: { params: Record<string, never>; result: ModuleInfo[] };
  /** Hot reload: new code for a loaded module, its tables suspended, reloaded, resumed. */
  reloadModule: {
    params: { name: string; filename: string; source: string };
    result: ReloadReport;
  };
  /** Contract-check warnings so far (src/engine/contracts.ts), of one module or all. */
  moduleProblems: { params: { name?: string }; result: ContractProblem[] };
  /** Spin forever: how the end-to-end tests hang the worker to exercise the watchdog. */
  debugHang: { params: Record<string, never>; result: never };
  /**
   * The debugger's breakpoints (each field replaces its list; left out: unchanged). Line
   * breakpoints are file (base name) -> 1-based lines; a module loaded without probes that gets
   * its first breakpoint is reloaded with them (`reloaded`; `errors` says what failed). While
   * the worker is paused the page writes to the debug channel instead (it reads no messages).
   */
  debugConfig: {
    params: { breakpoints?: Record<string, number[]>; outcomes?: OutcomeBreakpoint[] };
    result: { reloaded: string[]; errors: string[] };
  };
}

export type RequestType = keyof Requests;
export type Params<T extends RequestType> = Requests[T]["params"];
export type Result<T extends RequestType> = Requests[T]["result"];

export type WorkerRequest = {
  [T in RequestType]: { id: RequestId; type: T; params: Params<T> };
}[RequestType];

export type WorkerResponse =
  | { id: RequestId; type: "ok"; result: unknown }
  | { id: RequestId; type: "error"; message: string }
  | { id: RequestId; type: "output"; stream: Stream; text: string };

export type WorkerNotice =
  | {
      type: "notice";
      kind: "segment";
      pool: "data" | "pages";
      index: number;
      sab: SharedArrayBuffer;
    }
  | { type: "notice"; kind: "strings"; from: number; strings: string[] }
  /** Shell output written after its command returned: a background job (`cmd &`) finishing. */
  | { type: "notice"; kind: "output"; stream: Stream; text: string }
  /** The debugger: a pause, its end, an evaluation's answer (debugChannel.ts). */
  | { type: "notice"; kind: "debug"; event: DebugNotice };

/** What the debugger in the worker tells the page. `pause` numbers the pauses. */
export type DebugNotice =
  | { what: "paused"; pause: number; info: PauseInfo }
  | { what: "resumed"; pause: number }
  | { what: "evaluated"; id: number; expr: string; result: EvalResult }
  /** A command written to the channel was applied. */
  | { what: "ack"; seq: number }
  /** Modules reloaded to take probes (after a breakpoint was set in them). */
  | { what: "reloaded"; modules: string[]; errors: string[] };

export type WorkerMessage = WorkerResponse | WorkerNotice;

export function isNotice(m: WorkerMessage): m is WorkerNotice {
  return m.type === "notice";
}
