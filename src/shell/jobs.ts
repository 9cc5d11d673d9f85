/**
 * The job table of busybox ash (shell/ash.c, busybox 1.35) in a non-interactive shell: what
 * `jobs`, `wait`, `kill %N`, `fg` and `bg` see. No job control (`set -m` is off in a script), so
 * jobs have no command text and no process groups, and `fg`/`bg` refuse every job.
 *
 * - A job takes the lowest free slot; its number is the slot + 1 (makejob). Making a job (a
 *   background job, and also every fork of the shell: an external command, a pipeline, a
 *   subshell, a command substitution) first frees the lowest job that is done and was waited
 *   for, if it comes before the first free slot (makejob's "reuse" rule).
 * - The current job (`+`) is the newest; the previous (`-`) the one before (set_curjob).
 * - A job that ended is seen by the shell ("reaped", dowait) only when the shell waits: `jobs`,
 *   `wait`, and the end of a foreground command. `jobs` shows a reaped job's end once
 *   (`Done`, `Done(N)`, or the signal's strsignal text) and frees it; `wait` marks jobs as
 *   waited for without freeing them.
 * - `jobs` lines: `[N]+  STATE` padded with spaces to column 33 (showjob), then the command
 *   text, which is empty without job control; each further process of a pipeline adds ` | `.
 */

/** glibc's strsignal texts, by signal number (Linux x86-64). */
const STRSIGNAL = [
  "Unknown signal 0",
  "Hangup",
  "Interrupt",
  "Quit",
  "Illegal instruction",
  "Trace/breakpoint trap",
  "Aborted",
  "Bus error",
  "Floating point exception",
  "Killed",
  "User defined signal 1",
  "Segmentation fault",
  "User defined signal 2",
  "Broken pipe",
  "Alarm clock",
  "Terminated",
  "Stack fault",
  "Child exited",
  "Continued",
  "Stopped (signal)",
  "Stopped",
  "Stopped (tty input)",
  "Stopped (tty output)",
  "Urgent I/O condition",
  "CPU time limit exceeded",
  "File size limit exceeded",
  "Virtual timer expired",
  "Profiling timer expired",
  "Window changed",
  "I/O possible",
  "Power failure",
  "Bad system call",
];

/** busybox's signal names (libbb/u_signal_names.c), by number; `kill -l` lists 1 to 31. */
export const SIGNAL_NAMES = [
  "EXIT",
  "HUP",
  "INT",
  "QUIT",
  "ILL",
  "TRAP",
  "ABRT",
  "BUS",
  "FPE",
  "KILL",
  "USR1",
  "SEGV",
  "USR2",
  "PIPE",
  "ALRM",
  "TERM",
  "STKFLT",
  "CHLD",
  "CONT",
  "STOP",
  "TSTP",
  "TTIN",
  "TTOU",
  "URG",
  "XCPU",
  "XFSZ",
  "VTALRM",
  "PROF",
  "WINCH",
  "POLL",
  "PWR",
  "SYS",
];

/** NSIG on Linux: signal numbers are 0 to 64. */
export const NSIG = 65;
export const SIGINT = 2;
export const SIGKILL = 9;
export const SIGPIPE = 13;

/** glibc strsignal(3). */
export function strsignal(sig: number): string {
  if (sig >= 34 && sig < NSIG) return `Real-time signal ${sig - 34}`;
  return STRSIGNAL[sig] ?? `Unknown signal ${sig}`;
}

/** busybox get_signum: a number below NSIG, or a name with or without SIG (any case); else -1. */
export function signum(name: string): number {
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    return n < NSIG ? n : -1;
  }
  let n = name.toUpperCase();
  if (n.startsWith("SIG")) n = n.slice(3);
  const i = SIGNAL_NAMES.indexOf(n);
  if (i >= 0) return i;
  if (n === "IO") return 29;
  if (n === "IOT") return 6;
  return -1;
}

/**
 * Signals a background job of a non-interactive shell does not die of: SIGINT and SIGQUIT are
 * ignored (forkchild: "asynchronous commands ignore SIGINT and SIGQUIT"), SIGCHLD, SIGCONT,
 * SIGURG and SIGWINCH are ignored by default. Stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU)
 * would stop it: dmsh does not model stopped processes and leaves the job running.
 */
export function killsBackgroundJob(sig: number): boolean {
  return sig !== 0 && ![2, 3, 17, 18, 19, 20, 21, 22, 23, 28].includes(sig);
}

/** One job: a background command (`cmd &`), its processes and how it ended. */
export interface Job {
  /** Job number (`%N`): its slot in the table + 1. */
  no: number;
  /** Its processes' ids, first to last: `$!` is the last, `jobs -p` prints the first. */
  pids: number[];
  /** Resolves with the exit status when it ends. */
  done: Promise<number>;
  /** Exit status once ended (128 + N when killed by signal N); null while running. */
  status: number | null;
  /** The signal that kills or killed it (0: none). */
  signal: number;
  /** The shell has seen it end (dowait): `jobs` shows it as ended. */
  reaped: boolean;
  /** `wait` waited for it: the next job made may take its slot. */
  waited: boolean;
  /** Aborted when a signal kills it: the job's script stops. */
  readonly abort: AbortController;
}

/** The job table and the current-job list of one shell. */
export class JobTable {
  readonly #slots: (Job | undefined)[] = [];
  /** Jobs, current first (ash's curjob / prev_job list). */
  readonly #cur: Job[] = [];

  /** Jobs in the current-job list order (the current job first). */
  get list(): readonly Job[] {
    return this.#cur;
  }

  /** Jobs still running. */
  get running(): number {
    let n = 0;
    for (const j of this.#cur) if (j.status === null) n++;
    return n;
  }

  /**
   * A fork of the shell (makejob): frees the lowest job that is done and waited for, if no free
   * slot comes before it. Returns the slot a new job would take.
   */
  fork(): number {
    for (let i = 0; ; i++) {
      const j = this.#slots[i];
      if (!j) return i;
      if (j.waited && j.status !== null) {
        this.free(j);
        return i;
      }
    }
  }

  /** A new background job in the lowest free slot: it becomes the current job. */
  add(make: (no: number) => Job): Job {
    const slot = this.fork();
    const job = make(slot + 1);
    this.#slots[slot] = job;
    this.#cur.unshift(job);
    return job;
  }

  /** The shell sees every job that ended (dowait). */
  reap(): void {
    for (const j of this.#cur) if (j.status !== null) j.reaped = true;
  }

  free(job: Job): void {
    const i = this.#cur.indexOf(job);
    if (i >= 0) this.#cur.splice(i, 1);
    if (this.#slots[job.no - 1] === job) this.#slots[job.no - 1] = undefined;
  }

  /** The job whose last process is `pid` (what `wait PID` looks for). */
  byLastPid(pid: number): Job | undefined {
    return this.#cur.find((j) => j.pids[j.pids.length - 1] === pid);
  }

  /** The job with a process `pid`. */
  byPid(pid: number): Job | undefined {
    return this.#cur.find((j) => j.pids.includes(pid));
  }

  /**
   * ash getjob: `%N`, `%%`, `%+`, `%-`, `%STRING` (a command starting with STRING) or `%?STRING`;
   * no name means the current job. Returns the job or the error text.
   */
  get(name: string | undefined): Job | string {
    const cur = this.#cur[0];
    if (name === undefined || name === "%" || name === "%%" || name === "%+") {
      return cur ?? "No current job";
    }
    if (!name.startsWith("%")) return `${name}: no such job`;
    const p = name.slice(1);
    if (p === "-") return this.#cur[1] ?? "No previous job";
    if (/^\d+$/.test(p)) {
      const j = this.#slots[Number(p) - 1];
      return j ?? `${name}: no such job`;
    }
    // Without job control every command text is empty: "%" + STRING matches only "%?" (empty).
    const matches = this.#cur.filter(() => p === "?" || p === "");
    if (matches.length === 1) return matches[0]!;
    return matches.length > 1 ? `${name}: ambiguous` : `${name}: no such job`;
  }

  /**
   * showjob: the line `jobs` prints for a job (`-l`: with process ids, `-p`: only the first
   * pid). `mark` is the job's place in the current-job list at the time (`+`, `-` or space).
   */
  static line(job: Job, mark: string, mode: { pids: boolean; pidOnly: boolean }): string {
    if (mode.pidOnly) return `${job.pids[0]}\n`;
    let s = `[${job.no}]${mark}  `;
    const indent = s.length;
    if (mode.pids) s += `${job.pids[0]} `;
    s += !job.reaped ? "Running" : statusText(job);
    // fprintf("%s%*c%s%s", s, 33 - col, ' ', "", cmd): %*c prints one character at least.
    let text = s + " ".repeat(Math.max(1, 33 - s.length));
    for (let i = 1; i < job.pids.length; i++) {
      if (mode.pids) {
        const lead = `${" ".repeat(indent)}${job.pids[i]} `;
        text += "\n" + lead + " ".repeat(Math.max(1, 33 - lead.length)) + "| ";
      } else text += " | ";
    }
    return text + "\n";
  }
}

/** sprint_status48 for an ended job: `Done`, `Done(N)` or the signal's text. */
function statusText(job: Job): string {
  if (job.signal !== 0) return strsignal(job.signal);
  const st = job.status ?? 0;
  return st === 0 ? "Done" : `Done(${st})`;
}
