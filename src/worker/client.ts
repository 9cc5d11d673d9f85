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
  /** The watchdog only judges a worker that finished init (building an engine may be slow). */
  #armed = false;
  #restarts = 0;
  #status: ClientStatus = "starting";
  /** The last state the worker reported, and the storage segments announced since. */
  #state: EngineState | null = null;
  #storage: StorageHandle | null = null;
  #disposed = false;

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
    this.#storage = mergeStorage(state.storage, this.#storage);
    return state;
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

    const state = this.#state;
    this.#spawn();
    const init: InitParams = { seed: this.#opts.seed, ring: this.ring };
    if (this.#opts.debug) init.debug = this.#opts.debug;
    if (state && this.#storage) {
      init.storage = this.#storage;
      init.disks = state.disks;
    }
    let report: RestartReport;
    try {
      await this.call("init", init);
      const restored = state?.devices.length
        ? await this.call("restore", { devices: state.devices })
        : { ok: true, output: "" };
      report = {
        reason,
        count: this.#restarts,
        devices: state?.devices.map((d) => d.name) ?? [],
        output: restored.output,
        ok: restored.ok,
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
