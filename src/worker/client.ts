/**
 * The page's side of the worker protocol: one promise per request, streamed shell output, and
 * a watchdog.
 *
 * Watchdog: the client pings every `pingIntervalMs`. A worker that has said nothing at all for
 * `hangTimeoutMs` while a ping was due to be answered is hung (user code in an endless loop, or
 * `debugHang`): it is terminated, a new worker is started and handed the SAME shared storage
 * and event ring, the mapped devices are rebuilt from the last known state (rebuild.ts), and
 * `onRestart` tells the UI. Disk contents survive because they never lived in the worker.
 *
 * Requests in flight when a worker dies are rejected with WorkerRestartedError; they are not
 * retried (the command that hung would only hang again).
 */

import type {
  EngineState,
  InitParams,
  ModuleSnapshot,
  Params,
  RequestId,
  RequestType,
  Result,
  Stream,
  WorkerMessage,
  WorkerNotice,
  WorkerRequest,
  WorkerStartup,
} from "./protocol.ts";
import type { StorageHandle } from "../engine/storage.ts";
import type { ContractProblem } from "../engine/contracts.ts";
import {
  CALL_CELL_BYTES,
  CALL_OP_LINUX,
  readCallCell,
  requestShellInterrupt,
  shellBeat,
} from "../engine/callCell.ts";
import type { ModuleInfo, ReloadReport } from "../engine/module.ts";
import { clearPaused, workerPaused } from "./debugChannel.ts";

/** The part of a Worker the client uses (a MessagePort or a fake in tests will do). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((ev: { data: WorkerMessage }) => void) | null;
  onerror?: ((ev: unknown) => void) | null;
}

export class WorkerRestartedError extends Error {
  constructor(reason: string) {
    super(`the engine worker was restarted (${reason})`);
    this.name = "WorkerRestartedError";
  }
}

export interface RestartReport {
  reason: string;
  /** Restarts so far, this one included. */
  count: number;
  /** The devices rebuilt on the new worker. */
  devices: string[];
  /** What the rebuild script printed (empty when all went well). */
  output: string;
  ok: boolean;
  /**
   * The user module whose code was running when the worker stopped answering (the current-call
   * cell, src/engine/module.ts): it is marked faulty and not loaded again; devices whose tables
   * use it are not rebuilt (`notRebuilt`).
   */
  hung?: { module: string; op: string };
  notRebuilt?: string[];
}

export type ClientStatus = "starting" | "ready" | "restarting" | "failed";

export interface ClientOptions {
  createWorker: () => WorkerLike;
  ring: SharedArrayBuffer;
  /**
   * The debugger's channel (debugChannel.ts), handed to every worker. Its PAUSED word tells a
   * worker stopped at a breakpoint from a hung one: the watchdog never restarts a paused worker.
   */
  debug?: SharedArrayBuffer;
  seed: number;
  pingIntervalMs?: number;
  hangTimeoutMs?: number;
  now?: () => number;
  onNotice?: (n: WorkerNotice) => void;
  onRestart?: (r: RestartReport) => void;
  onStatus?: (s: ClientStatus) => void;
}

interface Pending {
  type: RequestType;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onOutput: ((stream: Stream, text: string) => void) | undefined;
}

export class EngineClient {
  readonly ring: SharedArrayBuffer;
  /** The current-call cell the worker writes before running user module code (module.ts). */
  readonly callCell = new SharedArrayBuffer(CALL_CELL_BYTES);
  #opts: ClientOptions;
  #worker: WorkerLike | null = null;
  #nextId: RequestId = 1;
  #pending = new Map<RequestId, Pending>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #lastHeard = 0;
  #lastTick = 0;
  /** Milliseconds of unanswered silence counted by the watchdog (see #tick). */
  #silence = 0;
  #pingOutstanding = false;
  /** The shell heartbeat last seen (callCell.ts SHELL_BEAT_WORD). */
  #lastBeat = 0;
  /** The watchdog only judges a worker that finished init (building an engine may be slow). */
  #armed = false;
  #restarts = 0;
  #status: ClientStatus = "starting";
  /** The last state the worker reported, and the storage segments announced since. */
  #state: EngineState | null = null;
  #storage: StorageHandle | null = null;
  #disposed = false;
  /** User modules loaded, to load them again in a restarted worker. */
  #modules = new Map<string, ModuleSnapshot>();
  /** Modules that hung: not loaded again automatically. */
  #faulty = new Map<string, string>();

  constructor(opts: ClientOptions) {
    this.#opts = opts;
    this.ring = opts.ring;
  }

  get status(): ClientStatus {
    return this.#status;
  }

  get restarts(): number {
    return this.#restarts;
  }

  /** The last engine state fetched with getState. */
  get state(): EngineState | null {
    return this.#state;
  }

  /** The shared storage as known to the page: the last state plus segments announced since. */
  get storage(): StorageHandle | null {
    return this.#storage;
  }

  #now(): number {
    return (this.#opts.now ?? (() => performance.now()))();
  }

  #setStatus(s: ClientStatus): void {
    this.#status = s;
    this.#opts.onStatus?.(s);
  }

  /** Starts the first worker and initialises a fresh engine. */
  async start(): Promise<WorkerStartup> {
    this.#spawn();
    const { startup } = await this.call("init", {
      seed: this.#opts.seed,
      ring: this.ring,
      callCell: this.callCell,
      ...(this.#opts.debug ? { debug: this.#opts.debug } : {}),
    });
    this.#arm();
    this.#setStatus("ready");
    return startup;
  }

  call<T extends RequestType>(
    type: T,
    params: Params<T>,
    onOutput?: (stream: Stream, text: string) => void,
  ): Promise<Result<T>> {
    const worker = this.#worker;
    if (!worker || this.#disposed) return Promise.reject(new Error("engine worker not running"));
    const id = this.#nextId++;
    return new Promise<Result<T>>((resolve, reject) => {
      this.#pending.set(id, {
        type,
        resolve: resolve as (v: unknown) => void,
        reject,
        onOutput,
      });
      worker.postMessage({ id, type, params } as WorkerRequest);
    });
  }

  runShell(script: string, onOutput: (stream: Stream, text: string) => void) {
    return this.call("runShell", { script }, onOutput);
  }

  /** Fetches the engine's state and remembers it for a possible restart. */
  async refreshState(): Promise<EngineState> {
    const state = await this.call("getState", {});
    this.#state = state;
    if (state.modules) {
      this.#modules = new Map(state.modules.map((m) => [m.name, m]));
      // Loaded again (by hand: a faulty module never is automatically): no longer faulty.
      for (const m of state.modules) this.#faulty.delete(m.name);
    }
    this.#storage = mergeStorage(state.storage, this.#storage);
    return state;
  }

  /**
   * A reset replaced the engine inside the worker: its state and its storage (new buffers) are
   * no longer the last known ones. Segments of the old storage must not be merged into the new
   * one, and a restart before the next getState must not rebuild the old devices.
   */
  forgetEngine(): void {
    this.#state = null;
    this.#storage = null;
  }

  /**
   * Ctrl-C for a console command that keeps the worker too busy to read messages (a shell
   * loop): the shell sees it before its next statement. Harmless when nothing runs.
   */
  interruptShell(): void {
    requestShellInterrupt(this.callCell);
  }

  /** Restarts the worker now (the watchdog's action, also usable by hand). */
  async restart(reason: string): Promise<RestartReport> {
    this.#disarm();
    this.#setStatus("restarting");
    this.#worker?.terminate();
    this.#worker = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(new WorkerRestartedError(reason));
    this.#restarts++;
    if (this.#opts.debug) clearPaused(this.#opts.debug);

    // Whose code was running when the worker stopped answering: that module is faulty.
    const hung = readCallCell(this.callCell);
    new Int32Array(this.callCell, 0, 4).fill(0);
    if (hung) this.#faulty.set(hung.module, `${CALL_OP_LINUX[hung.op]} hung`);

    let state = this.#state;
    this.#spawn();
    const init: InitParams = { seed: this.#opts.seed, ring: this.ring, callCell: this.callCell };
    if (this.#opts.debug) init.debug = this.#opts.debug;
    if (state && this.#storage) {
      init.storage = this.#storage;
      init.disks = state.disks;
    }
    let report: RestartReport;
    try {
      await this.call("init", init);
      // User modules first (all but the faulty ones), then the devices that do not use those.
      const lines: string[] = [];
      const faultyTypes = new Set<string>();
      for (const m of [...this.#modules.values()].reverse()) {
        const why = this.#faulty.get(m.name);
        if (why) {
          for (const t of m.types) faultyTypes.add(t);
          continue;
        }
        try {
          await this.call("insmod", { filename: m.filename, source: m.source });
        } catch (e) {
          lines.push(`insmod ${m.filename}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const uses = (d: EngineState["devices"][number]) =>
        [...(d.live ?? []), ...(d.inactive ?? [])].some((t) => faultyTypes.has(t.type));
      const notRebuilt = state?.devices.filter(uses).map((d) => d.name) ?? [];
      if (state && notRebuilt.length)
        state = { ...state, devices: state.devices.filter((d) => !uses(d)) };
      if (hung)
        lines.unshift(
          `${hung.module}: ${CALL_OP_LINUX[hung.op]} hung; the module is marked faulty and was not loaded again` +
            (notRebuilt.length ? `; not rebuilt: ${notRebuilt.join(", ")}` : ""),
        );
      const restored = state?.devices.length
        ? await this.call("restore", { devices: state.devices })
        : { ok: true, output: "" };
      if (restored.output) lines.push(restored.output);
      report = {
        reason,
        count: this.#restarts,
        devices: state?.devices.map((d) => d.name) ?? [],
        output: lines.join("\n"),
        ok: restored.ok && !hung,
        ...(hung ? { hung: { module: hung.module, op: CALL_OP_LINUX[hung.op] } } : {}),
        ...(notRebuilt.length ? { notRebuilt } : {}),
      };
      await this.refreshState();
      this.#arm();
      this.#setStatus("ready");
    } catch (e) {
      report = {
        reason,
        count: this.#restarts,
        devices: [],
        output: e instanceof Error ? e.message : String(e),
        ok: false,
      };
      this.#setStatus("failed");
    }
    this.#opts.onRestart?.(report);
    return report;
  }

  // ---- user target modules (src/engine/module.ts) ----------------------------------------

  /**
   * insmod a module. One from a shared link or a file (`origin`) runs only with `consent`
   * (the user agreed). Loading a module by hand clears its faulty mark.
   */
  async insmod(
    filename: string,
    source: string,
    opts: { origin?: "editor" | "link" | "file"; consent?: boolean } = {},
  ): Promise<ModuleInfo> {
    const info = await this.call("insmod", { filename, source, ...opts });
    this.#faulty.delete(info.name);
    this.#modules.set(info.name, {
      name: info.name,
      filename,
      source,
      faulty: null,
      types: await this.#typesOf(info.name),
    });
    return info;
  }

  async #typesOf(name: string): Promise<string[]> {
    const state = await this.refreshState().catch(() => null);
    return state?.modules?.find((m) => m.name === name)?.types ?? [];
  }

  async rmmod(name: string): Promise<void> {
    await this.call("rmmod", { name });
    this.#modules.delete(name.replace(/-/g, "_"));
  }

  lsmod(): Promise<ModuleInfo[]> {
    return this.call("lsmod", {});
  }

  async reloadModule(name: string, filename: string, source: string): Promise<ReloadReport> {
    const report = await this.call("reloadModule", { name, filename, source });
    const m = this.#modules.get(report.module);
    if (m) this.#modules.set(report.module, { ...m, filename, source, faulty: null });
    this.#faulty.delete(report.module);
    return report;
  }

  moduleProblems(name?: string): Promise<ContractProblem[]> {
    return this.call("moduleProblems", name === undefined ? {} : { name });
  }

  /** Modules marked faulty by the watchdog (they hung), with why: "map hung". */
  get faultyModules(): ReadonlyMap<string, string> {
    return this.#faulty;
  }

  dispose(): void {
    this.#disposed = true;
    this.#disarm();
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#pending.values()) p.reject(new Error("engine client disposed"));
    this.#pending.clear();
  }

  #spawn(): void {
    const worker = this.#opts.createWorker();
    worker.onmessage = (ev) => {
      if (this.#worker === worker) this.#receive(ev.data);
    };
    worker.onerror = (ev) => {
      // An uncaught error inside the worker (not a request's failure: those come back as
      // "error" answers). Nothing to do but log it; a hang is the watchdog's business.
      console.error("engine worker error", ev);
    };
    this.#worker = worker;
    this.#lastHeard = this.#now();
    this.#pingOutstanding = false;
  }

  #receive(m: WorkerMessage): void {
    this.#lastHeard = this.#now();
    if (m.type === "notice") {
      if (m.kind === "segment" && this.#storage) {
        const pool = this.#storage[m.pool];
        pool.segments[m.index] = m.sab;
      }
      this.#opts.onNotice?.(m);
      return;
    }
    const p = this.#pending.get(m.id);
    if (!p) return;
    switch (m.type) {
      case "output":
        p.onOutput?.(m.stream, m.text);
        return;
      case "ok":
        this.#pending.delete(m.id);
        p.resolve(m.result);
        return;
      case "error":
        this.#pending.delete(m.id);
        p.reject(new Error(m.message));
        return;
    }
  }

  #arm(): void {
    this.#armed = true;
    this.#lastHeard = this.#now();
    this.#lastTick = this.#lastHeard;
    this.#silence = 0;
    this.#pingOutstanding = false;
    if (this.#timer === null) {
      this.#timer = setInterval(() => this.#tick(), this.#opts.pingIntervalMs ?? 250);
    }
  }

  #disarm(): void {
    this.#armed = false;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * Silence is measured in ticks the page itself was awake for: if the page's own thread
   * stalls (a long render), the worker's answer may sit in the queue behind this tick, and the
   * stall must not count as the worker's. Each tick adds at most two intervals of silence.
   */
  #tick(): void {
    if (!this.#armed || !this.#worker) return;
    const now = this.#now();
    const interval = this.#opts.pingIntervalMs ?? 250;
    const sinceTick = now - this.#lastTick;
    this.#lastTick = now;
    if (this.#lastHeard >= now - sinceTick) this.#silence = 0;
    else if (this.#pingOutstanding) this.#silence += Math.min(sinceTick, 2 * interval);
    // Stopped at a breakpoint: blocked on purpose, however long the user looks around.
    if (this.#opts.debug && workerPaused(this.#opts.debug)) this.#silence = 0;
    // A shell that keeps beating is busy running a long loop, not hung: Ctrl-C reaches it
    // through shared memory (interruptShell).
    const beat = shellBeat(this.callCell);
    if (beat !== this.#lastBeat) {
      this.#lastBeat = beat;
      this.#silence = 0;
    }
    if (this.#silence > (this.#opts.hangTimeoutMs ?? 1500)) {
      void this.restart(`no answer for ${Math.round(now - this.#lastHeard)} ms`);
      return;
    }
    if (!this.#pingOutstanding) {
      this.#pingOutstanding = true;
      this.call("ping", {}).then(
        () => (this.#pingOutstanding = false),
        () => (this.#pingOutstanding = false),
      );
    }
  }
}

/** The state's storage handle, keeping segments the page learned of after it was taken. */
function mergeStorage(fresh: StorageHandle, known: StorageHandle | null): StorageHandle {
  if (!known) return fresh;
  for (const pool of ["data", "pages"] as const) {
    const k = known[pool].segments;
    const f = fresh[pool].segments;
    for (let i = f.length; i < k.length; i++) {
      const sab = k[i];
      if (sab) f[i] = sab;
    }
  }
  return fresh;
}
