/**
 * dmsh: the shell of dm-playground. A just-bash interpreter with device-mapper's tools (dmsetup,
 * modprobe, dd, blockdev, hexdump, md5sum...) as commands, a /dev backed by the engine, and a
 * terminal that shows stdout and stderr in the order they were written, as they are written.
 *
 *     const shell = createShell(engine);
 *     const status = await shell.run("dmsetup ls", { onOutput: (stream, text) => ... });
 *
 * The same shell runs headless (tests, the `dmsh` CLI) and in the browser's worker.
 */

import { shellAbortSignal } from "../engine/callCell.ts";
import { MountableFs, type ExecResult, type ScriptNode } from "just-bash";
import { Engine } from "../engine/index.ts";
import { commands } from "./commands/index.ts";
import { complete, type Completion } from "./completion.ts";
import { inputState, type InputState } from "./continuation.ts";
import { DmshContext } from "./context.ts";
import { DevFs } from "./devfs.ts";
import { FdTables, SHELL_PROC } from "./fdtable.ts";
import { JobTable, killsBackgroundJob, SIGINT, SIGPIPE, strsignal, type Job } from "./jobs.ts";
import { PROC_VAR } from "./commands/fd.ts";
import { SparseFs } from "./sparsefs.ts";
import { ProcFs, SysFs } from "./sysfs.ts";
import {
  JustBash,
  justBashCommandNames,
  type BashState,
  type JustBashResult,
} from "./justbash-adapter.ts";
import { Terminal, TtyFs, TTY_DIR, type Sink } from "./tty.ts";
import { bytesOf, utf8Bytes, type Stream } from "./util.ts";

export type { Stream } from "./util.ts";

/** The environment variable that names the background job a command runs in (DmShell.jobOf). */
const JOB_VAR = "__DMSH_JOB";

export interface RunOptions {
  /** Output as it is written, decoded as UTF-8 (chunks never split a character). */
  onOutput?: (stream: Stream, chunk: string) => void;
  /** Output as raw bytes, as it is written (exactly what Linux would write). */
  onBytes?: (stream: Stream, bytes: Uint8Array) => void;
  /** Standard input of the script. */
  stdin?: string;
}

export interface ShellOptions {
  /**
   * The script's name in shell error messages (`NAME: line 3: foo: not found`), as busybox sh
   * prints them when running a script file; without one, messages read `sh: foo: not found`.
   */
  scriptName?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Working directory (default /tmp, as on the machine the golden outputs come from). */
  cwd?: string;
}

export class DmShell {
  readonly engine: Engine;
  readonly ctx: DmshContext;
  /** The interpreter, through the adapter that holds every just-bash workaround. */
  readonly jb: JustBash;
  readonly fs: MountableFs;
  readonly devfs: DevFs;
  /** Which descriptors of which process hold a block device open (fdtable.ts). */
  readonly fds: FdTables;
  /** The root file system, whose large files are sparse (sparsefs.ts). */
  readonly files: SparseFs;
  readonly terminal: Terminal;
  /** See ShellOptions.scriptName. */
  scriptName: string | null;
  /**
   * Reads a file of the host machine (the dmsh CLI sets it): `insmod PATH` falls back to it when
   * PATH is not in dmsh's own file system. Null in the browser.
   */
  readHostFile: ((path: string) => string | null) | null = null;
  readonly #jobScripts = new Map<number, { script: ScriptNode; procs: number }>();
  /** Background jobs (jobs.ts). */
  readonly jobs = new JobTable();
  /** Jobs by the value of JOB_VAR in their commands' environment (a killed job's commands stop). */
  readonly #jobKeys = new Map<string, Job>();
  #nextJobKey = 1;
  readonly #commandNames: Set<string>;
  #nextJob = 1;
  #nextPid = 100;
  /** Aborts the run in progress (Ctrl-C). */
  #abort: AbortController | null = null;
  /** Processes inside `wait`. */
  #inWait = 0;
  /** Runs of the shell in progress (the foreground process). */
  #foreground = 0;
  /** Processes in `sleep` under the eager drive, waiting for their turn (see `sleep`). */
  readonly #sleepers: { until: number; wake: () => void; job?: Job }[] = [];
  #pumping = false;
  #sink: Sink = () => {};
  /** See setColumns. */
  #columns: number | null = null;

  constructor(engine: Engine, opts: ShellOptions = {}) {
    this.engine = engine;
    this.terminal = new Terminal((stream, bytes) => this.#sink(stream, bytes));
    this.ctx = new DmshContext(engine, this.terminal);
    this.devfs = new DevFs(this.ctx);
    this.fds = new FdTables(this.ctx, (path) =>
      path.startsWith("/dev/") ? this.devfs.openableBlockDevice(path.slice(4)) : null,
    );
    const base = new SparseFs(engine.storage);
    this.files = base;
    this.fs = new MountableFs({ base });
    this.fs.mount("/dev", this.devfs);
    this.fs.mount("/proc", new ProcFs(this.ctx));
    this.fs.mount("/sys", new SysFs(this.ctx));
    this.fs.mount(TTY_DIR, new TtyFs(() => this.terminal));
    const cwd = opts.cwd ?? "/tmp";
    const custom = commands(this);
    this.#commandNames = new Set([...justBashCommandNames(), ...custom.map((c) => c.name)]);
    this.scriptName = opts.scriptName ?? null;
    this.jb = new JustBash({
      fs: this.fs,
      cwd,
      env: { HOME: "/tmp", PATH: "/sbin:/bin", DM_DISABLE_UDEV: "1", ...opts.env },
      customCommands: custom,
      sleep: (ms) => engine.sleep(ms * 1e6),
      executionLimits: { maxCommandCount: 1e7, maxLoopIterations: 1e7 },
    });
    for (const d of ["/tmp", "/root", "/etc", "/proc", "/sys"])
      void base.mkdir(d, { recursive: true });
    if (engine.drive === "eager") {
      // A process waiting on I/O moves time only as far as the others allow (Engine.waitFor).
      const prev = engine.eagerPeers;
      engine.eagerPeers = {
        othersRunning: () => this.runningJobs > 0 || (prev?.othersRunning() ?? false),
        allBlocked: (engineWaiters) =>
          engineWaiters + this.#sleepers.length + this.#inWait >=
            (this.#foreground > 0 ? 1 : 0) + this.runningJobs &&
          (prev?.allBlocked(0) ?? true),
        nextWakeup: () => {
          const a = this.nextWakeup();
          const b = prev?.nextWakeup();
          return a === undefined ? b : b === undefined ? a : Math.min(a, b);
        },
        wakeSleepers: () => {
          this.wakeSleepers();
          prev?.wakeSleepers();
        },
      };
    }
  }

  /** Command names the rewrite treats as never being shell functions. */
  get commandNames(): ReadonlySet<string> {
    return this.#commandNames;
  }

  #state(): BashState {
    return this.jb.state;
  }

  /**
   * Writes `content` to `path` (an absolute path; its directory is created), or deletes the
   * file when `content` is null: how the target editor keeps its files where `insmod` finds
   * them. A missing file to delete is not an error.
   */
  async writeFile(path: string, content: string | null): Promise<void> {
    if (!path.startsWith("/")) throw new Error(`writeFile: ${path}: not an absolute path`);
    if (content === null) {
      if (await this.fs.exists(path)) await this.fs.rm(path);
      return;
    }
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    await this.fs.mkdir(dir, { recursive: true });
    await this.fs.writeFile(path, content);
  }

  /**
   * Run a script (one console line or a whole file) to its exit status. Output streams through
   * `onOutput`/`onBytes` as it is written. Variables, functions and the working directory carry
   * over to the next run.
   */
  async run(script: string, opts: RunOptions = {}): Promise<number> {
    const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
    this.#sink = (stream, bytes) => {
      opts.onBytes?.(stream, bytes);
      if (opts.onOutput) {
        const text = decoders[stream].decode(bytes, { stream: true });
        if (text) opts.onOutput(stream, text);
      }
    };
    let status: number;
    try {
      status = await this.#run(script, opts.stdin);
    } finally {
      this.terminal.flush();
      if (opts.onOutput) {
        for (const stream of ["stdout", "stderr"] as const) {
          const rest = decoders[stream].decode();
          if (rest) opts.onOutput(stream, rest);
        }
      }
    }
    return status;
  }

  async #run(script: string, stdin: string | undefined): Promise<number> {
    let ast: ScriptNode;
    try {
      ast = this.jb.parse(script);
    } catch (e) {
      this.terminal.write(
        "stderr",
        `sh: syntax error: ${e instanceof Error ? e.message : String(e)}\n`,
      );
      return 2;
    }
    const state = this.#state();
    if (this.#columns !== null) state.env.set("COLUMNS", String(this.#columns));
    const {
      script: rewritten,
      jobs,
      jobProcs,
      functions,
    } = this.jb.rewrite(ast, {
      commands: this.#commandNames,
      functions: new Set(state.functions.keys()),
      nextJobId: this.#nextJob,
    });
    for (const [id, job] of jobs)
      this.#jobScripts.set(id, { script: job, procs: jobProcs.get(id) ?? 1 });
    this.#nextJob += jobs.size;
    const abort = new AbortController();
    this.#abort = abort;
    // In the worker, the signal also hears Ctrl-C through shared memory and beats the shell's
    // heartbeat, so that a long loop is interruptible and never taken for a hang.
    const signal = shellAbortSignal(abort, this.engine.modules.callCell);
    this.#foreground++;
    const running = this.#exec(rewritten, stdin === undefined ? { signal } : { stdin, signal });
    let result: Awaited<typeof running>;
    try {
      result = this.engine.drive === "eager" ? await this.#watchdog(running) : await running;
    } finally {
      if (this.#abort === abort) this.#abort = null;
      this.#foreground--;
    }
    if (abort.signal.aborted) result = { ...result, exitCode: 130 };
    // Statements and subshells the run left unfinished release what they held.
    await this.fds.endRun();
    void this.#pump();
    this.#emitRest(result);
    // Carry the shell's state over to the next run, as an interactive shell would.
    if (result.env) {
      const env = new Map(Object.entries(result.env));
      for (const k of [...env.keys()])
        if (k.startsWith("__DMSH_") && k !== "__DMSH_BGPID") env.delete(k);
      state.env = env;
      const pwd = env.get("PWD");
      if (pwd) state.cwd = pwd;
    }
    for (const f of functions) state.functions.set(f.name, f);
    state.lastExitCode = result.exitCode;
    state.env.set("?", String(result.exitCode));
    return result.exitCode;
  }

  /**
   * Headless runs jump virtual time, so a process waiting on I/O that nothing will ever complete
   * (a write to a suspended device with no resume coming) would hang the run for ever; Linux
   * would hang too. When every process has been waiting, with no timer left and no output, for
   * a few turns of the event loop, the waits are interrupted (EINTR) and the script goes on.
   */
  async #watchdog<T>(running: Promise<T>): Promise<T> {
    let done = false;
    void running.then(
      () => (done = true),
      () => (done = true),
    );
    let last = -1;
    let stuck = 0;
    while (!done) {
      await Promise.race([running, new Promise((r) => setTimeout(r, 0))]);
      if (done) break;
      const progress = this.ctx.progress + this.terminal.written;
      // Every process (the script and each background job) is waiting, and no timer is left.
      const blocked = this.ctx.waiting + this.#inWait >= 1 + this.runningJobs;
      const idle = blocked && this.engine.clock.foreground === 0;
      if (idle && progress === last && this.#sleepers.length > 0) {
        // A sleeper's time comes first (the others wait on I/O that time may complete).
        await this.#pump(true);
        last = -1;
        continue;
      }
      stuck = idle && progress === last ? stuck + 1 : 0;
      last = progress;
      if (stuck >= 3) {
        this.terminal.write(
          "stderr",
          "dmsh: every process is waiting for I/O that cannot complete (a suspended device?): interrupted\n",
        );
        this.ctx.interrupt();
        stuck = 0;
      }
    }
    return running;
  }

  #emitRest(r: ExecResult): void {
    this.terminal.write("stdout", r.stdoutKind === "bytes" ? r.stdout : utf8Bytes(r.stdout));
    this.terminal.write("stderr", utf8Bytes(r.stderr));
  }

  /** Run a rewritten AST in just-bash. */
  #exec(
    script: ScriptNode,
    opts: { stdin?: string; env?: Record<string, string>; signal?: AbortSignal },
  ): Promise<JustBashResult> {
    return this.jb.exec(script, opts);
  }

  /**
   * sleep(2) of a process: `ns` of virtual time. Under the eager drive (headless), virtual time
   * jumps, so a sleeping process must not run ahead of the others: the clock moves to the
   * earliest sleeper's wake-up only when every process (the script and each background job)
   * sleeps or is in `wait`, as a `sleep 1 &` still runs while the commands after it do on
   * Linux. The paced drive sleeps on the clock, which moves for everyone.
   */
  sleep(ns: number, job?: Job): Promise<void> {
    // A background job's sleep ends when a signal kills the job (an interruptible sleep).
    if (job?.abort.signal.aborted) return Promise.resolve();
    if (this.engine.drive !== "eager") {
      if (!job) return this.engine.sleep(ns);
      return new Promise((wake) => {
        const killed = () => wake();
        job.abort.signal.addEventListener("abort", killed, { once: true });
        void this.engine.sleep(ns).then(() => {
          job.abort.signal.removeEventListener("abort", killed);
          wake();
        });
      });
    }
    return new Promise((wake) => {
      this.#sleepers.push(
        job ? { until: this.engine.now + ns, wake, job } : { until: this.engine.now + ns, wake },
      );
      void this.#pump();
    });
  }

  /** The background job a command runs in, from its environment (JOB_VAR), if any. */
  jobOf(env: Map<string, string>): Job | undefined {
    const key = env.get(JOB_VAR);
    return key === undefined ? undefined : this.#jobKeys.get(key);
  }

  /** Whether a command runs in a background job that a signal killed. */
  killed(env: Map<string, string>): boolean {
    return this.jobOf(env)?.abort.signal.aborted === true;
  }

  /** The earliest sleeper's wake-up (virtual ns), if any process sleeps. */
  nextWakeup(): number | undefined {
    let first: number | undefined;
    for (const s of this.#sleepers) if (first === undefined || s.until < first) first = s.until;
    return first;
  }

  /** Sleepers whose time has come (the clock moved on for another reason) wake up. */
  wakeSleepers(): void {
    const now = this.engine.now;
    for (let i = 0; i < this.#sleepers.length;) {
      const s = this.#sleepers[i]!;
      if (s.until <= now) {
        this.#sleepers.splice(i, 1);
        s.wake();
      } else i++;
    }
  }

  /** Move virtual time to the next sleeper while every process sleeps or waits (see sleep). */
  async #pump(force = false): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        this.wakeSleepers();
        if (this.#sleepers.length === 0) return;
        const processes = (this.#foreground > 0 ? 1 : 0) + this.runningJobs;
        if (!force && this.#sleepers.length + this.#inWait < processes) return;
        force = false;
        let first = this.#sleepers[0]!;
        for (const s of this.#sleepers) if (s.until < first.until) first = s;
        await this.engine.sleep(first.until - this.engine.now);
        this.wakeSleepers();
        // The woken process runs until it blocks again (and pumps) or ends.
        await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      this.#pumping = false;
    }
  }

  /** `__dmsh_bg N`: start background job N with the shell's variables; returns its pid ($!). */
  startJob(id: number, env: Map<string, string>): number | null {
    const entry = this.#jobScripts.get(id);
    if (!entry) return null;
    const pids: number[] = [];
    for (let i = 0; i < entry.procs; i++) pids.push(this.#nextPid++);
    const vars: Record<string, string> = {};
    for (const [k, v] of env) vars[k] = v;
    // The job is a process: it inherits the shell's descriptors and closes them when it ends.
    const proc = this.fds.fork(env.get(PROC_VAR) || SHELL_PROC, "job");
    vars[PROC_VAR] = proc;
    const job = this.jobs.add((no) => ({
      no,
      pids,
      status: null,
      signal: 0,
      reaped: false,
      waited: false,
      done: Promise.resolve(0),
      abort: new AbortController(),
    }));
    const key = String(this.#nextJobKey++);
    vars[JOB_VAR] = key;
    this.#jobKeys.set(key, job);
    job.done = this.#exec(entry.script, { env: vars, signal: job.abort.signal })
      .then(
        (r) => {
          // A killed job's output ends where it was killed; just-bash's abort text is not Linux's.
          if (job.signal === 0) this.#emitRest(r);
          return job.signal !== 0 ? 128 + job.signal : r.exitCode;
        },
        (e: unknown) => {
          if (job.signal !== 0) return 128 + job.signal;
          this.terminal.write("stderr", `sh: ${e instanceof Error ? e.message : String(e)}\n`);
          return 127;
        },
      )
      .then(async (status) => {
        job.status = status;
        this.#jobKeys.delete(key);
        await this.fds.exit(proc);
        void this.#pump();
        return status;
      });
    return pids[pids.length - 1]!;
  }

  /**
   * kill(2) of a background job's processes with signal `sig` (0 only checks). A job that ignores
   * the signal goes on (killsBackgroundJob); otherwise its script stops: at once if it sleeps, or
   * when the command it runs returns: a process waiting on I/O (a suspended device) is in
   * uninterruptible sleep (D state) on Linux and dies only when the I/O completes.
   */
  signalJob(job: Job, sig: number): void {
    if (job.status !== null || !killsBackgroundJob(sig)) return;
    // The first fatal signal decides how it dies (complete_signal: group exit with that signal).
    if (job.signal === 0) job.signal = sig;
    job.abort.abort();
    for (let i = 0; i < this.#sleepers.length;) {
      const s = this.#sleepers[i]!;
      if (s.job === job) {
        this.#sleepers.splice(i, 1);
        s.wake();
      } else i++;
    }
    void this.#pump();
  }

  /**
   * A fork of the shell (an external command, a pipeline, a subshell, a command substitution):
   * the shell has seen the jobs that ended, and the fork's job may free a waited-for job's slot
   * (jobs.ts).
   */
  forked(): void {
    this.jobs.reap();
    this.jobs.fork();
  }

  /**
   * `wait`: with no operand, every job (status 0); else each job by the pid of its last process
   * (`$!`) or its job spec, the status being the last one's (127 when the first is unknown).
   * A job that a signal killed, seen to end by this wait, prints the signal's text on stderr
   * (waitone: not for SIGINT or SIGPIPE). Returns the status or an error text (status 2).
   */
  async waitJobs(targets: (number | Job)[]): Promise<number> {
    this.#inWait++;
    void this.#pump();
    try {
      return await this.#waitJobs(targets);
    } finally {
      this.#inWait--;
    }
  }

  async #waitJobs(targets: (number | Job)[]): Promise<number> {
    if (targets.length === 0) {
      for (;;) {
        const running = this.jobs.list.filter((j) => j.status === null);
        if (running.length === 0) break;
        await Promise.race(running.map((j) => j.done));
      }
      for (const j of this.jobs.list) {
        j.reaped = true;
        j.waited = true;
      }
      return 0;
    }
    let status = 127;
    for (const t of targets) {
      const job = typeof t === "number" ? this.jobs.byLastPid(t) : t;
      if (!job) continue;
      await job.done;
      if (!job.reaped && job.signal !== 0 && job.signal !== SIGINT && job.signal !== SIGPIPE)
        this.terminal.write("stderr", `${strsignal(job.signal)}\n`);
      job.waited = true;
      // dowait goes on reaping every job that ended, silently (waitone prints only for `job`).
      this.jobs.reap();
      status = job.status ?? 0;
    }
    return status;
  }

  /** Save the running script's variables as the shell's (see `__dmsh_snap`). */
  saveVariables(env: Map<string, string>): void {
    this.#state().env = new Map(env);
  }

  /** Background jobs still running. */
  get runningJobs(): number {
    return this.jobs.running;
  }

  /**
   * Whether typed input is a whole script or bash would print "> " and read on
   * (continuation.ts). Safe while a script runs: it only parses.
   */
  inputState(script: string): InputState {
    return inputState(script);
  }

  /**
   * The terminal's width, which the console reports as it resizes: each later run starts with
   * COLUMNS set to it, as bash's checkwinsize sets it (busybox's `ls` lays out by COLUMNS).
   * Without a terminal (scripts, the golden suite) COLUMNS stays unset: the reference machine's
   * serial console reports no size either.
   */
  setColumns(columns: number): void {
    if (Number.isInteger(columns) && columns > 0) this.#columns = columns;
  }

  /**
   * Tab completion of the word before the cursor (`line` ends at the cursor; completion.ts).
   * Safe while a script runs: it only reads names and directories.
   */
  complete(line: string): Promise<Completion> {
    return complete(
      {
        commandNames: () =>
          [...this.#commandNames, ...this.#state().functions.keys()].filter(
            (n) => !n.startsWith("__"),
          ),
        dmDevices: () => this.engine.dm.list().map((md) => md.dmName),
        cwd: () => this.#state().cwd,
        readdir: async (path) => {
          try {
            const names = await this.fs.readdir(path);
            return await Promise.all(
              names.map(async (name) => {
                const full = `${path.replace(/\/$/, "")}/${name}`;
                const dir = await this.fs.stat(full).then(
                  (st) => st.isDirectory,
                  () => false,
                );
                return { name, dir };
              }),
            );
          } catch {
            return null;
          }
        },
      },
      line,
    );
  }

  /** Ctrl-C: the running script stops; processes waiting on I/O give up with EINTR. */
  interrupt(): void {
    this.#abort?.abort();
    this.ctx.interrupt();
  }
}

/** A shell on `engine` (see DmShell). */
export function createShell(engine: Engine, opts: ShellOptions = {}): DmShell {
  return new DmShell(engine, opts);
}

export interface Transcript {
  /** Everything the script wrote, stdout and stderr interleaved as written, then `exit status N`. */
  output: Uint8Array;
  status: number;
}

/**
 * Run a whole script as `../shared/tools/kernel-dm/run` does on Linux: a fresh engine, both
 * streams to one console (carriage returns dropped, as the tool drops them), then a last line
 * `exit status N`.
 */
export async function runTranscript(
  script: string,
  opts: { seed?: number; engine?: Engine } = {},
): Promise<Transcript> {
  const engine = opts.engine ?? new Engine({ seed: opts.seed ?? 1 });
  // The kernel tool runs the script as /scenario.sh.
  const shell = createShell(engine, { scriptName: "/scenario.sh" });
  const chunks: Uint8Array[] = [];
  const status = await shell.run(script, { onBytes: (_s, b) => chunks.push(b) });
  const tail = bytesOf(`exit status ${status}\n`);
  let len = tail.length;
  for (const c of chunks) len += c.length;
  const out = new Uint8Array(len);
  let n = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) if (c[i] !== 13) out[n++] = c[i]!;
  }
  out.set(tail, n);
  return { output: out.subarray(0, n + tail.length), status };
}
