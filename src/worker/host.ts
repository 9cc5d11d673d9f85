/**
 * The worker's side of the protocol: owns one Engine and one dmsh shell, answers requests,
 * copies engine events into the shared ring, and announces shared-storage segments.
 *
 * It talks to a port (the worker's global scope, or one end of a MessageChannel in tests), so
 * the same code runs in a browser worker and in Node.
 *
 * Ordering: shell commands (runShell) run one at a time, in arrival order, like the lines typed
 * at one terminal. Nothing else ever queues behind them: control requests (reset, interrupt,
 * loadTable, restore, getState, validateTable, pace, load and module requests) are handled at
 * once, even while a command waits for ever (a write to a suspended device, a target that keeps
 * a bio), as another process on the machine would act. A ping therefore goes unanswered only
 * while the thread itself is stuck, which is what the page's watchdog measures.
 *
 * `interrupt` is Ctrl-C: the foreground command is answered at once with exit status 130 and its
 * later output is dropped (a process killed by SIGINT prints nothing more); the shell's waits
 * fail with EINTR so that the script unwinds. `reset` does the same to every command queued or
 * running, then builds a new engine. The table editor's loads run in a shell of their own (a
 * second terminal), so a hung console does not hold them either.
 *
 * In the browser the engine is paced (BROWSER_ENGINE, pacer.ts): virtual time follows wall time
 * at the page's chosen speed. Tests build eager hosts, whose commands jump the clock.
 */

import { describeRule } from "../engine/diskfault.ts";
import {
  CHUNK_SIZE,
  Engine,
  NS_PER_US,
  RECORD_SLOTS,
  DmError,
  TableFormatError,
  parseTable,
  deviceAreas,
  isMappedDevice,
  type MappedDevice,
  type TargetSpec,
  type Table,
  type StorageHandle,
} from "../engine/index.ts";
import type { Completion } from "../shell/completion.ts";
import type { InputState } from "../shell/continuation.ts";
import type {
  DiskSnapshot,
  DmDeviceInfo,
  EngineState,
  InitParams,
  LoadReport,
  Params,
  RequestType,
  Result,
  Stream,
  TableProblem,
  TargetInfo,
  WorkerMessage,
  WorkerRequest,
  WorkerStartup,
} from "./protocol.ts";
import { WorkerDebugger } from "./debugHost.ts";
import { Pacer } from "./pacer.ts";
import { rebuildPlan, type RebuildStep } from "./rebuild.ts";
import { RingProducer } from "./ring.ts";

export const ENGINE_VERSION = "dm-playground engine (Linux 6.1 device-mapper)";

export interface Port {
  postMessage(message: WorkerMessage): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
}

/** What the host needs of dmsh: run a script, streaming its output, to an exit code. */
export interface ShellLike {
  run(
    script: string,
    opts: { onOutput: (stream: Stream, text: string) => void; stdin?: string },
  ): Promise<number>;
  /** Ctrl-C: the running script stops; processes waiting on I/O give up (EINTR). */
  interrupt?(): void;
  /** Whether typed input is whole or needs more lines (bash's "> "); absent: always whole. */
  inputState?(script: string): InputState;
  /** Tab completion of the line before the cursor; absent: nothing to offer. */
  complete?(line: string): Promise<Completion>;
  /** The terminal's width, for COLUMNS from the next command on. */
  setColumns?(columns: number): void;
  /** Write (or with null delete) a file in the shell's file system (the target editor's files). */
  writeFile?(path: string, content: string | null): Promise<void>;
}

export type ShellFactory = (engine: Engine) => ShellLike;

/** How the host builds its engines. */
export interface HostOptions {
  /** "eager" (the default: tests) jumps the clock; "paced" runs it with wall time (pacer.ts). */
  drive?: "eager" | "paced";
  /** RamDisk.latency of every RAM disk, in virtual ns (default 0). */
  ramDiskLatency?: number;
}

/**
 * The browser's engine: paced, with RAM disks that take 50 virtual µs per bio so that bios
 * visibly travel. Chosen here, once; headless dmsh and the golden tests keep latency 0.
 */
export const BROWSER_ENGINE: HostOptions = { drive: "paced", ramDiskLatency: 50 * NS_PER_US };

/** Flush events to the ring after this many, so the page sees long commands progress. */
const PUMP_BATCH = 64;

/**
 * Wall milliseconds an interrupted command has to unwind before the console gets a new shell (a
 * command deaf to signals must not hold the console; the old shell's variables are lost then).
 */
export const INTERRUPT_GRACE_MS = 1000;

/** A runShell request, queued or running in the console's shell. */
interface ShellRun {
  readonly id: number;
  readonly script: string;
  /** Its answer went out (it was interrupted, or dropped by a reset): later output is dropped. */
  answered: boolean;
}

export class EngineHost {
  #port: Port;
  #createShell: ShellFactory;
  #engine: Engine | null = null;
  #shell: ShellLike | null = null;
  #ring: RingProducer | null = null;
  #pumped = 0;
  #sinceFlush = 0;
  #stringsSent = 0;
  #unlisten: (() => void) | null = null;
  #flushTimer: ReturnType<typeof setInterval> | null = null;
  /** runShell requests not yet started, and the one running (the console's foreground). */
  #shellRuns: ShellRun[] = [];
  #foreground: ShellRun | null = null;
  /** The table editor's shell (a second terminal on the same engine), made on first use. */
  #controlShell: ShellLike | null = null;
  /** The tail of the table editor's loads: one at a time, but never behind the console. */
  #controlQueue: Promise<unknown> = Promise.resolve();

  /** The debugger (debugHost.ts): breakpoints, and pauses on the page's debug channel. */
  readonly #debug = new WorkerDebugger(
    (event) => this.#port.postMessage({ type: "notice", kind: "debug", event }),
    () => this.#pump(),
  );
  #debugChannel: SharedArrayBuffer | undefined = undefined;
  /** The page's current-call cell (module.ts), kept across resets. */
  #callCell: SharedArrayBuffer | undefined = undefined;

  #startup: Omit<WorkerStartup, "ready">;
  #options: HostOptions;
  /** Paces the engine's clock (paced drive only); keeps its pace across resets. */
  #pacer: Pacer | null = null;

  constructor(
    port: Port,
    createShell: ShellFactory,
    startup?: Omit<WorkerStartup, "ready">,
    options: HostOptions = {},
  ) {
    this.#port = port;
    this.#createShell = createShell;
    this.#options = options;
    if (options.drive === "paced") this.#pacer = new Pacer({ afterRun: () => this.#pump() });
    const now = performance.timeOrigin + performance.now();
    this.#startup = startup ?? { created: now, evaluating: now, loaded: now };
    port.onmessage = (ev) => this.#receive(ev.data);
  }

  get engine(): Engine | null {
    return this.#engine;
  }

  /** Stops the host's timer (tests; a worker simply ends). */
  close(): void {
    if (this.#flushTimer !== null) clearInterval(this.#flushTimer);
    this.#flushTimer = null;
    this.#unlisten?.();
    this.#pacer?.close();
  }

  #receive(req: WorkerRequest): void {
    if (req.type === "runShell") {
      this.#shellRuns.push({ id: req.id, script: req.params.script, answered: false });
      this.#nextShellRun();
      return;
    }
    const run = () =>
      this.#handle(req).then(
        (result) => {
          this.#pump();
          this.#port.postMessage({ id: req.id, type: "ok", result });
        },
        (e: unknown) => {
          this.#pump();
          this.#port.postMessage({
            id: req.id,
            type: "error",
            message: e instanceof Error ? e.message : String(e),
          });
        },
      );
    if (req.type === "loadTable") this.#controlQueue = this.#controlQueue.then(run);
    else void run();
  }

  /** Answers a shell run once; what its command does afterwards is not the page's business. */
  #answerRun(run: ShellRun, outcome: { exitCode: number } | { error: unknown }): void {
    if (run.answered) return;
    run.answered = true;
    this.#pump();
    if ("exitCode" in outcome) {
      this.#port.postMessage({ id: run.id, type: "ok", result: { exitCode: outcome.exitCode } });
    } else {
      const e = outcome.error;
      this.#port.postMessage({
        id: run.id,
        type: "error",
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }

  /** Starts the next queued shell run if the console's shell is free. */
  #nextShellRun(): void {
    if (this.#foreground) return;
    const run = this.#shellRuns.shift();
    if (!run) return;
    const shell = this.#shell;
    if (!shell) {
      this.#answerRun(run, { error: new Error("engine not initialised") });
      this.#nextShellRun();
      return;
    }
    this.#foreground = run;
    void this.#runShell(run, shell)
      .then(
        (exitCode) => this.#answerRun(run, { exitCode }),
        (error: unknown) => this.#answerRun(run, { error }),
      )
      .then(() => {
        // A run replaced (reset, or a new shell after an interrupt) no longer holds the console.
        if (this.#foreground !== run) return;
        this.#foreground = null;
        this.#nextShellRun();
      });
  }

  /**
   * Ctrl-C on the console: the foreground command is answered with 130 now, and its shell told
   * to stop. Queued commands (typed ahead) still run, as in a terminal.
   */
  #interrupt(): Result<"interrupt"> {
    const run = this.#foreground;
    if (!run || run.answered) return { interrupted: false };
    this.#answerRun(run, { exitCode: 130 });
    const shell = this.#shell;
    shell?.interrupt?.();
    setTimeout(() => {
      if (this.#foreground !== run || !this.#engine) return;
      // Still running after the signal: give the console a new shell rather than hold it.
      this.#foreground = null;
      this.#shell = this.#createShell(this.#engine);
      this.#port.postMessage({
        type: "notice",
        kind: "output",
        stream: "stderr",
        text: "dmsh: the interrupted command did not stop; this is a new shell (variables and functions are gone)\n",
      });
      this.#nextShellRun();
    }, INTERRUPT_GRACE_MS);
    return { interrupted: true };
  }

  /** A reset: every shell run, queued or running, is answered with 130 and forgotten. */
  #abandonShellRuns(): void {
    const runs = [...(this.#foreground ? [this.#foreground] : []), ...this.#shellRuns];
    this.#shellRuns = [];
    this.#foreground = null;
    this.#shell?.interrupt?.();
    this.#controlShell?.interrupt?.();
    for (const run of runs) this.#answerRun(run, { exitCode: 130 });
  }

  async #handle(req: WorkerRequest): Promise<Result<RequestType>> {
    switch (req.type) {
      case "init":
        return this.#init(req.params);
      case "reset":
        this.#abandonShellRuns();
        this.#start({ seed: req.params.seed, ring: this.#requireRing().sab });
        return { engineVersion: ENGINE_VERSION };
      case "runShell":
        throw new Error("runShell is queued, not handled here"); // see #receive
      case "interrupt":
        return this.#interrupt();
      case "validateTable":
        return this.#validate(req.params);
      case "loadTable":
        return this.#loadTable(req.id, req.params);
      case "getState":
        return this.state();
      case "targetStatus":
        return this.#targetStatus(req.params.name);
      // The console's own questions: they read the shell, never wait for its command.
      case "shellInput":
        return this.#shell?.inputState?.(req.params.script) ?? { complete: true };
      case "complete":
        return (
          (await this.#shell?.complete?.(req.params.line)) ?? {
            from: req.params.line.length,
            word: "",
            candidates: [],
          }
        );
      case "setColumns":
        this.#shell?.setColumns?.(req.params.columns);
        return {};
      case "restore":
        return this.#restore(rebuildPlan(req.params.devices));
      case "ping":
        return { now: this.#requireEngine().now };
      case "writeFile": {
        const shell = this.#requireShell();
        if (!shell.writeFile) throw new Error("this shell has no file system");
        await shell.writeFile(req.params.path, req.params.content);
        return {};
      }
      case "setPace":
        return this.#requirePacer().set(req.params);
      case "getPace":
        return this.#requirePacer().state();
      case "step":
        return this.#requirePacer().step();
      case "loadStart":
        return { ...this.#requireEngine().load.start(req.params.spec) };
      case "loadStop":
        this.#requireEngine().load.stop(req.params.id);
        return this.#loadReport();
      case "loadList":
        if (req.params.prune) this.#requireEngine().load.prune();
        return this.#loadReport();
      case "debugConfig":
        return this.#debug.config(req.params);
      case "insmod":
        return this.#insmod(req.params);
      case "rmmod":
        this.#requireEngine().modules.rmmod(req.params.name);
        return {};
      case "lsmod":
        return this.#requireEngine().modules.list();
      case "reloadModule":
        return this.#requireEngine().modules.reload(
          req.params.name,
          req.params.source,
          req.params.filename,
        );
      case "moduleProblems":
        return this.#requireEngine().modules.problems(req.params.name);
      case "debugHang":
        for (;;) {
          // An endless loop, like a user's target that never returns: only the watchdog ends it.
        }
    }
  }

  /**
   * insmod from the page. Code from a shared link or a file runs only after the user agreed:
   * without `consent` such a module is refused before anything of it is evaluated.
   */
  #insmod(p: Params<"insmod">): Result<"insmod"> {
    const engine = this.#requireEngine();
    const untrusted = p.origin === "link" || p.origin === "file";
    if (untrusted && !p.consent)
      throw new Error(
        `${p.filename}: loaded from a ${p.origin}: it runs only after you agree (insmod with consent)`,
      );
    const mod = engine.modules.insmod(p.filename, p.source, { untrusted });
    return engine.modules.list().find((m) => m.name === mod.name)!;
  }

  #requireEngine(): Engine {
    if (!this.#engine) throw new Error("engine not initialised");
    return this.#engine;
  }

  #requirePacer(): Pacer {
    if (!this.#pacer) throw new Error("the engine is not paced (headless drive)");
    return this.#pacer;
  }

  #loadReport(): LoadReport {
    const engine = this.#requireEngine();
    return { now: engine.now, generators: engine.load.list() };
  }

  #requireShell(): ShellLike {
    if (!this.#shell) throw new Error("engine not initialised");
    return this.#shell;
  }

  #requireRing(): RingProducer {
    if (!this.#ring) throw new Error("engine not initialised");
    return this.#ring;
  }

  #init(params: InitParams): Result<"init"> {
    this.#start(params);
    return {
      engineVersion: ENGINE_VERSION,
      startup: { ...this.#startup, ready: performance.timeOrigin + performance.now() },
    };
  }

  /** A new engine: fresh, or reattached to the disks a previous worker left in shared memory. */
  #start(params: InitParams): void {
    this.#unlisten?.();
    const engine = attachEngine(params.seed, params.storage, params.disks, this.#options);
    this.#engine = engine;
    this.#pacer?.attach(engine);
    this.#shell = this.#createShell(engine);
    this.#controlShell = null;
    this.#ring ??= new RingProducer(params.ring);
    if (this.#ring.recordWords !== RECORD_SLOTS)
      throw new Error(
        `the event ring holds records of ${this.#ring.recordWords} words, not ${RECORD_SLOTS}`,
      );
    this.#debugChannel = params.debug ?? this.#debugChannel;
    this.#callCell = params.callCell ?? this.#callCell;
    if (this.#callCell) engine.modules.attachCallCell(this.#callCell);
    this.#debug.attach(engine, this.#debugChannel);
    // From the engine's first event: a restarted worker's engine recreates the disks it was
    // handed (disk_create) before this, and the page rebuilds the stack from the events.
    this.#pumped = 0;
    this.#stringsSent = 0;
    this.#sinceFlush = 0;
    this.#unlisten = engine.events.listen(() => {
      if (++this.#sinceFlush >= PUMP_BATCH) this.#pump();
    });
    // Events that happen between requests (timers on the virtual clock, background load) reach
    // the ring within a frame; within a request they are flushed in batches and at its end.
    this.#flushTimer ??= setInterval(() => {
      if (this.#sinceFlush > 0) this.#pump();
    }, 16);
    for (const pool of ["data", "pages"] as const) {
      engine.storage[pool].onSegment = (index, sab) =>
        this.#port.postMessage({ type: "notice", kind: "segment", pool, index, sab });
    }
  }

  /** Copies events the page has not seen into the ring (dropping, and counting, on overflow). */
  #pump(): void {
    const engine = this.#engine;
    const ring = this.#ring;
    if (!engine || !ring) return;
    this.#sinceFlush = 0;
    const log = engine.events;
    if (log.strings.length > this.#stringsSent) {
      const from = this.#stringsSent;
      this.#port.postMessage({
        type: "notice",
        kind: "strings",
        from,
        strings: log.strings.slice(from),
      });
      this.#stringsSent = log.strings.length;
    }
    if (this.#pumped < log.oldest) {
      ring.countDropped(log.oldest - this.#pumped); // overwritten in the log before we got here
      this.#pumped = log.oldest;
    }
    // One block copy per stretch (what does not fit is dropped and counted).
    ring.pushRecords(log.records, log.capacity, this.#pumped, log.seq - this.#pumped);
    this.#pumped = log.seq;
  }

  async #runShell(run: ShellRun, shell: ShellLike): Promise<number> {
    let finished = false;
    try {
      return await shell.run(run.script, {
        // The shell keeps writing here until the next command: what background jobs print
        // after this command's answer goes out as a notice, for the console to show as is.
        // An interrupted command prints nothing more (a process killed by SIGINT).
        onOutput: (stream, text) => {
          if (!finished && run.answered) return;
          this.#port.postMessage(
            finished
              ? { type: "notice", kind: "output", stream, text }
              : { id: run.id, type: "output", stream, text },
          );
        },
      });
    } finally {
      finished = true;
    }
  }

  /** The table editor's shell: dmsh on the same engine, apart from the console's. */
  #requireControlShell(): ShellLike {
    this.#controlShell ??= this.#createShell(this.#requireEngine());
    return this.#controlShell;
  }

  /**
   * The editor's Load: dmsetup create/load (and resume) run in the control shell with the table
   * on their stdin, their output streamed to the page. Problems are the kernel's err and warn
   * lines; the first is placed on the line of the target the load failed at (the table is
   * parsed by the engine's one grammar, table.ts, and the failing target is the one whose ctr
   * the guard saw fail, or the one after the last that succeeded).
   */
  async #loadTable(id: number, p: Params<"loadTable">): Promise<Result<"loadTable">> {
    const engine = this.#requireEngine();
    const exists = engine.dm.byName(p.name) !== undefined;
    const name = shellWord(p.name);
    const script = exists
      ? `dmsetup load ${name}${p.resume ? `\ndmsetup resume ${name}` : ""}`
      : p.resume
        ? `dmsetup create ${name}`
        : `dmsetup create ${name} --notable\ndmsetup load ${name}`;
    let specs: TargetSpec[] = [];
    let formatError: TableFormatError | null = null;
    try {
      specs = parseTable(p.table);
    } catch (e) {
      if (!(e instanceof TableFormatError)) throw e;
      formatError = e; // dmsetup says so itself; the table never reaches the kernel
    }
    const klogBefore = engine.klog.lines.length;
    // Targets of this load: how many ctrs succeeded, and which one failed.
    let constructed = 0;
    let ctrFailed: number | undefined;
    const unobserve = engine.targetCalls.add({
      exit: (call, outcome) => {
        if (call.op !== "ctr" || call.mdName !== p.name) return;
        if ("error" in outcome) ctrFailed = call.target.index;
        else constructed = call.target.index + 1;
      },
    });
    let output = "";
    let exitCode: number;
    try {
      exitCode = await this.#requireControlShell().run(`set -e\n${script}`, {
        stdin: p.table,
        onOutput: (stream, text) => {
          output += text;
          this.#port.postMessage({ id, type: "output", stream, text });
        },
      });
    } finally {
      unobserve();
    }
    if (formatError)
      return {
        exitCode,
        output,
        problems: [
          {
            line: formatError.line,
            message: `Invalid format on line ${formatError.line} of table`,
          },
        ],
      };
    const logged = engine.klog.lines
      .slice(klogBefore)
      .filter((l) => l.level === "err" || l.level === "warn");
    // dm_table_add_target failed (rather than the table as a whole, or the resume).
    const perTarget = logged.some(
      (l) => l.text === "device-mapper: ioctl: error adding target to table",
    );
    const at = perTarget ? (specs[ctrFailed ?? constructed]?.line ?? 0) : 0;
    const problems = logged.map((l, i) => ({ line: i === 0 ? at : 0, message: l.text }));
    return { exitCode, output, problems };
  }

  /**
   * Validation is the engine's dry-run table load (dm.validate): the kernel's own checks and
   * constructors on this engine's devices, so the messages are exactly those a real load would
   * print; the table is then destroyed and its log lines and events withdrawn. The table is
   * parsed once, by the engine's grammar (table.ts), so every problem has its line.
   */
  async #validate(p: Params<"validateTable">): Promise<TableProblem[]> {
    const engine = this.#requireEngine();
    let specs: TargetSpec[];
    try {
      specs = parseTable(p.table);
    } catch (e) {
      if (!(e instanceof TableFormatError)) throw e;
      // dmsetup's own complaint: the table never reaches the kernel.
      return [{ line: e.line, message: `Invalid format on line ${e.line} of table` }];
    }
    const specLines = specs.map((s) => s.line ?? 0);
    // The kernel's dry run (dm.validate): constructors run and are undone, nothing changes.
    // With the resume's own checks: a table the editor accepts also goes live (Load & resume).
    const r = engine.dm.validate(p.name ?? null, specs, { resume: true });
    if (r.ok && r.unchecked) {
      const at = specs.findIndex((s) => s.type === r.unchecked);
      return [
        {
          line: specs[at]?.line ?? 0,
          message: `${r.unchecked}: not checked here (its constructor reads its devices); the load checks it`,
          unchecked: true,
        },
      ];
    }
    if (r.ok) return [];
    if (r.atResume) {
      // The load would pass; DM_DEV_SUSPEND would fail swapping it in (dm_swap_table).
      const only = specLines.length === 1 ? (specLines[0] ?? 0) : 0;
      return [
        ...r.log.map((message, i) => ({ line: i === 0 ? only : 0, message })),
        {
          line: 0,
          message: `device-mapper: resume ioctl on ${p.name ?? ""}  failed: Invalid argument (Load would pass; the resume would fail and leave the device suspended)`,
        },
      ];
    }
    const msgs = r.log.length ? r.log : [`Command failed: ${r.errno ?? "EINVAL"}`];
    const line = r.failedTarget === undefined ? 0 : (specLines[r.failedTarget] ?? 0);
    // The first line names the failing target; the ones after it are the ioctl's epilogue.
    return msgs.map((message, i) => ({ line: i === 0 ? line : 0, message }));
  }

  async #restore(plan: RebuildStep[]): Promise<Result<"restore">> {
    const engine = this.#requireEngine();
    const problems: string[] = [];
    for (const step of plan) {
      try {
        await runStep(engine, step);
      } catch (e) {
        // An ioctl refusing the step is a problem of the plan; anything else is a bug, thrown on.
        if (!(e instanceof DmError)) throw e;
        problems.push(`${step.op} ${step.name}: ${e.message}`);
      }
    }
    return { ok: problems.length === 0, output: problems.join("\n") };
  }

  /** `dmsetup status` and `dmsetup table` of one device, target by target. */
  async #targetStatus(name: string): Promise<Result<"targetStatus">> {
    const dm = this.#requireEngine().dm;
    const info = await dm.statusAsync(name, "INFO");
    const table = await dm.statusAsync(name, "TABLE");
    return info.map((l, i) => ({
      start: l.start,
      length: l.length,
      type: l.type,
      info: l.params,
      table: table[i]?.params ?? "",
    }));
  }

  /** The engine's devices, tables and shared disks, as the page draws them. */
  state(): EngineState {
    const engine = this.#requireEngine();
    const devices: DmDeviceInfo[] = engine.dm
      .list()
      .slice()
      .sort((a, b) => a.minor - b.minor)
      .map((md) => ({
        name: md.dmName,
        dev: md.devName,
        uuid: md.uuid,
        suspended: md.suspended,
        openCount: md.openCount,
        sectors: md.sizeSectors,
        live: describeTable(engine, md, md.live, false),
        inactive: describeTable(engine, md, md.inactive, true),
      }));
    const blockDevices = [...engine.devices.values()]
      .sort((a, b) => a.dev - b.dev)
      .map((d) => ({
        name: d.name,
        dev: d.devName,
        sectors: d.sizeSectors,
        kind: isMappedDevice(d) ? "dm" : d.name.startsWith("ram") ? "ram" : "block",
      }));
    const disks: DiskSnapshot[] = engine.ramDisks.map((d) => ({
      name: d.name,
      major: d.major,
      minor: d.minor,
      sizeBytes: d.disk.sizeBytes,
      store: d.disk.handle(),
      ...(d.cacheDirty ? { cache: d.cacheDirty } : {}),
      faults: engine.diskFaults.list(d.name).map((r) => ({
        id: r.id,
        rule: describeRule(r),
        seen: r.seen,
        hits: r.hits,
        spent: r.spent,
      })),
    }));
    const modules = engine.modules.loaded().map((m) => ({
      name: m.name,
      filename: m.filename,
      source: m.source,
      faulty: m.faulty,
      types: m.types.map((t) => t.name),
    }));
    return {
      now: engine.now,
      devices,
      blockDevices,
      disks,
      storage: engine.storage.handle(),
      modules,
    };
  }
}

function describeTable(
  engine: Engine,
  md: MappedDevice,
  table: Table | null,
  inactive: boolean,
): TargetInfo[] | null {
  if (!table) return null;
  const status = engine.dm.status(md.dmName, "TABLE", { inactive });
  return table.targets.map((ti, i) => {
    // A target whose iterate_devices throws (a reported fault) maps onto nothing we can draw.
    const maps: TargetInfo["maps"] = deviceAreas(md, ti).map((a) => ({
      dev: a.dev.bdev.devName,
      start: Number(a.start),
      length: a.len,
    }));
    return {
      start: ti.begin,
      length: ti.len,
      type: ti.type.name,
      args: status[i]?.params ?? ti.args.join(" "),
      maps,
    };
  });
}

/**
 * An engine over existing shared disks (or fresh ones). brd disks are recreated over their
 * directories, and the storage pools' free lists rebuilt from what those disks still use.
 */
export function attachEngine(
  seed: number,
  storage: StorageHandle | undefined,
  disks: readonly DiskSnapshot[] | undefined,
  options: HostOptions = {},
): Engine {
  const engine = new Engine({ seed, ...(storage ? { storage } : {}), ...options });
  if (disks && disks.length > 0) {
    const sizeKiB = Math.round((disks[0]?.sizeBytes ?? CHUNK_SIZE) / 1024);
    const sorted = [...disks].sort((a, b) => a.minor - b.minor);
    engine.loadBrd(
      sorted.length,
      sizeKiB,
      sorted.map((d) => d.store),
    );
    const data = new Set<number>();
    const pages = new Set<number>();
    for (const d of engine.ramDisks) d.disk.usedRefs(data, pages);
    engine.storage.data.rebuildFreeList(data);
    engine.storage.pages.rebuildFreeList(pages);
  }
  return engine;
}

async function runStep(engine: Engine, step: RebuildStep): Promise<void> {
  switch (step.op) {
    case "create":
      engine.dm.create(step.name, { minor: step.minor, ...(step.uuid ? { uuid: step.uuid } : {}) });
      return;
    case "load":
      await engine.dm.loadAsync(step.name, step.table);
      return;
    case "resume":
      await engine.dm.resume(step.name);
      return;
    case "suspend":
      await engine.dm.suspend(step.name);
      return;
  }
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
