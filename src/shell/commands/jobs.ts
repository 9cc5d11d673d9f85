/**
 * busybox ash's job builtins in a script (shell/ash.c 1.35: jobscmd, waitcmd, killcmd,
 * fg_bgcmd) over the shell's job table (../jobs.ts). The rewrite (rewrite.ts) renames them and
 * passes the line they are on, for ash's error messages
 * (`/scenario.sh: wait: line 3: %5: no such job`, status 2):
 *
 *     jobs [-lp] [%JOB...]        ->  __dmsh_jobs LINE WHERE ...   (WHERE: see below)
 *     wait [PID|%JOB...]          ->  __dmsh_wait LINE ...
 *     kill [-SIG|-s SIG] PID|%JOB ->  __dmsh_kill LINE ...
 *     fg|bg [%JOB]                ->  __dmsh_fgbg LINE fg|bg ...
 *
 * and marks every fork of the shell with `__dmsh_fork "$?"` (the job table's makejob rule).
 *
 * WHERE is `main` for the shell itself, `direct` for a child process forked for the `jobs`
 * command alone (`jobs | cat`, `$(jobs)`: ash keeps the job list for it, as it was at the fork),
 * `nested` in any other child (a subshell, a pipeline of compound commands): ash cleared the
 * job list there.
 */

import type { DmShell } from "../index.ts";
import { JobTable, NSIG, SIGNAL_NAMES, signum, type Job } from "../jobs.ts";
import { command, type DmshCommand } from "./command.ts";

export const JOBS_COMMAND = "__dmsh_jobs";
export const WAIT_COMMAND = "__dmsh_wait";
export const KILL_COMMAND = "__dmsh_kill";
export const FGBG_COMMAND = "__dmsh_fgbg";
export const FORK_COMMAND = "__dmsh_fork";

/** ash_msg: `SCRIPT: CMD: line N: MSG` in a script, `sh: CMD: MSG` at the console. */
function ashMsg(shell: DmShell, cmd: string, line: string | undefined, msg: string): string {
  return shell.scriptName === null
    ? `sh: ${cmd}: ${msg}\n`
    : `${shell.scriptName}: ${cmd}: line ${line ?? 0}: ${msg}\n`;
}

/** ash nextopt: leading `-xyz` options from `allowed`; returns them and the operands, or the bad one. */
function nextopt(
  args: string[],
  allowed: string,
): { opts: Set<string>; operands: string[] } | { bad: string } {
  const opts = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-") || a === "-") break;
    if (a === "--") {
      i++;
      break;
    }
    for (const c of a.slice(1)) {
      if (!allowed.includes(c)) return { bad: c };
      opts.add(c);
    }
  }
  return { opts, operands: args.slice(i) };
}

export const jobs = command(JOBS_COMMAND, (args, { shell, out }) => {
  const [line, where, ...rest] = args;
  const p = nextopt(rest, "lp");
  if ("bad" in p) {
    out.e(ashMsg(shell, "jobs", line, `illegal option -${p.bad}`));
    return 2;
  }
  const mode = { pids: p.opts.has("l"), pidOnly: p.opts.has("p") };
  const table = where === "nested" ? new JobTable() : shell.jobs;
  // The shell sees the jobs that ended (showjobs: dowait); a child cannot wait for its parent's.
  const main = where === "main";
  if (main) table.reap();
  const show = (job: Job) => {
    const list = table.list;
    const mark = list[0] === job ? "+" : list[1] === job ? "-" : " ";
    out.o(JobTable.line(job, mark, mode));
    if (main && job.reaped) table.free(job);
  };
  if (p.operands.length === 0) {
    for (const job of [...table.list]) show(job);
    return 0;
  }
  for (const name of p.operands) {
    const job = table.get(name);
    if (typeof job === "string") {
      out.e(ashMsg(shell, "jobs", line, job));
      return 2;
    }
    show(job);
  }
  return 0;
});

export const wait = command(WAIT_COMMAND, async (args, { shell, out }) => {
  const [line, ...rest] = args;
  const p = nextopt(rest, "n");
  if ("bad" in p) {
    out.e(ashMsg(shell, "wait", line, `illegal option -${p.bad}`));
    return 2;
  }
  // `wait -n` in busybox 1.35 (kernel tool): 127 with no job at all, else it waits for every
  // job and answers 0, as `wait` does (its DOWAIT_JOBSTATUS status is lost in dowait's loop).
  if (p.opts.has("n") && p.operands.length === 0 && shell.jobs.list.length === 0) return 127;
  const targets: (number | Job)[] = [];
  for (const a of p.operands) {
    if (a.startsWith("%")) {
      const job = shell.jobs.get(a);
      if (typeof job === "string") {
        out.e(ashMsg(shell, "wait", line, job));
        return 2;
      }
      targets.push(job);
    } else if (/^\d+$/.test(a)) targets.push(Number(a));
    else {
      out.e(ashMsg(shell, "wait", line, `Illegal number: ${a}`));
      return 2;
    }
  }
  return shell.waitJobs(targets);
});

/**
 * kill: ash turns each `%JOB` into the pids of the job's processes not yet waited for, then
 * runs busybox's kill applet (procps/kill.c), whose messages start `sh: `. The status is the
 * number of pids that could not be signalled.
 */
export const kill = command(KILL_COMMAND, (args, { shell, out }) => {
  const [line, ...argv] = args;
  const targets: (string | number[])[] = [];
  const listing = argv[0] === "-l";
  for (const [i, a] of argv.entries()) {
    if (!listing && a.startsWith("%")) {
      const job = shell.jobs.get(a);
      if (typeof job === "string") {
        out.e(ashMsg(shell, "kill", line, job));
        return 2;
      }
      targets[i] = job.reaped ? [] : job.pids;
    } else targets[i] = a;
  }
  if (listing) {
    if (argv.length === 1) {
      let text = "";
      for (let n = 1; n < 32; n++) text += `${String(n).padStart(2)}) ${SIGNAL_NAMES[n]}\n`;
      out.o(text);
      return 0;
    }
    for (const a of argv.slice(1)) {
      if (/^\d/.test(a)) {
        if (!/^\d+$/.test(a)) {
          out.e(`sh: unknown signal '${a}'\n`);
          return 1;
        }
        const n = Number(a) & 0x7f;
        out.o(`${SIGNAL_NAMES[n] ?? String(n)}\n`);
      } else {
        const n = signum(a);
        if (n < 0) {
          out.e(`sh: unknown signal '${a}'\n`);
          return 1;
        }
        out.o(`${n}\n`);
      }
    }
    return 0;
  }
  let sig = 15;
  let i = 0;
  const first = argv[0];
  if (first !== undefined && first.startsWith("-")) {
    let name = first.slice(1);
    i = 1;
    if (name !== "-") {
      if (name === "s" && argv[1] !== undefined) {
        name = argv[1];
        i = 2;
      }
      sig = signum(name);
      if (sig < 0 || sig >= NSIG) {
        out.e(`sh: bad signal name '${name}'\n`);
        return 1;
      }
    }
  }
  const whom = targets.slice(i);
  if (whom.length === 0) {
    out.e("sh: you need to specify whom to kill\n");
    return 1;
  }
  let errors = 0;
  const send = (pid: number) => {
    const job = shell.jobs.byPid(pid);
    // A job's process exists until the shell waits for it (a zombie takes signals too); pid 1,
    // init, takes them and goes on.
    if (job && !job.reaped) shell.signalJob(job, sig);
    else if (pid !== 1) {
      out.e(`sh: can't kill pid ${pid}: No such process\n`);
      errors++;
    }
  };
  for (const t of whom) {
    if (Array.isArray(t)) {
      for (const pid of t) send(pid);
      continue;
    }
    if (!/^-?\d+$/.test(t)) {
      out.e(`sh: invalid number '${t}'\n`);
      errors++;
      continue;
    }
    send(Number(t));
  }
  return errors;
});

/** fg, bg: a script has no job control, so no job can be brought to the foreground. */
export const fgbg = command(FGBG_COMMAND, (args, { shell, out }) => {
  const [line, name = "fg", ...rest] = args;
  const p = nextopt(rest, "");
  if ("bad" in p) {
    out.e(ashMsg(shell, name, line, `illegal option -${p.bad}`));
    return 2;
  }
  const spec = p.operands[0];
  const job = shell.jobs.get(spec);
  const msg =
    typeof job === "string" ? job : `job ${spec ?? "(null)"} not created under job control`;
  out.e(ashMsg(shell, name, line, msg));
  return 2;
});

/** `__dmsh_fork "$?"`: the shell forks (DmShell.forked); `$?` goes on unchanged. */
export const fork = command(FORK_COMMAND, (args, { shell }) => {
  shell.forked();
  return Number(args[0] ?? "0") || 0;
});

export const jobCommands: DmshCommand[] = [jobs, wait, kill, fgbg, fork];
