/**
 * The rewrite dmsh applies to a parsed script before just-bash runs it: workarounds 1 to 3 of
 * the just-bash adapter (justbash-adapter.ts, the only caller).
 *
 * just-bash collects a command's stdout and stderr as strings and returns them when the whole
 * script ends; a terminal, though, shows output as it is written. So every command whose output
 * would reach the terminal gets explicit redirections to the terminal's nodes, computed from the
 * redirections, pipes and substitutions around it:
 *
 *     dmsetup info x            ->  dmsetup info x >/.dmsh/1 2>/.dmsh/2
 *     dmsetup table | grep y    ->  dmsetup table 2>/.dmsh/2 | grep y >/.dmsh/1 2>/.dmsh/2
 *     { a; b; } 2>&1 >f         ->  { a 2>/.dmsh/1; b 2>/.dmsh/1; } 2>&1 >f
 *     x=$(c)                    ->  x=$(c 2>/.dmsh/2)
 *
 * A function body cannot know statically where its caller's output goes, so its commands
 * redirect to `$__DMSH_1` / `$__DMSH_2`, which each call site sets as prefix assignments
 * (`/dev/stdout` and `/dev/stderr` stand for "leave it in the result", which just-bash treats
 * as no redirection at all).
 *
 * Background jobs (`cmd &`) become `__dmsh_bg N`, which starts job N concurrently (just-bash
 * would run it to completion first); `$!` reads `__DMSH_BGPID`. The job builtins `jobs`, `wait`,
 * `kill`, `fg` and `bg` become dmsh's (commands/jobs.ts) with the line they are on; once a shell
 * has background jobs, each fork of the shell (an external command, a pipeline, a subshell, a
 * command substitution) is marked with `__dmsh_fork "$?"`, as it may free a job's slot.
 * User redirections come after the added ones, so they win, exactly as in the original.
 */

import type {
  ScriptNode,
  SimpleCommandNode,
  StatementNode,
  WordNode,
  CommandNode,
} from "just-bash";
import { FD_COMMAND } from "./commands/fd.ts";
import {
  FGBG_COMMAND,
  FORK_COMMAND,
  JOBS_COMMAND,
  KILL_COMMAND,
  WAIT_COMMAND,
} from "./commands/jobs.ts";
import { APPLET_BUILTINS, TIME_END, TIME_NOEXEC, TIME_START, TIME_USAGE } from "./commands/time.ts";
import { TTY_DIR } from "./tty.ts";

type RedirectionNode = SimpleCommandNode["redirections"][number];
type AssignmentNode = SimpleCommandNode["assignments"][number];
type FunctionDefNode = Extract<CommandNode, { type: "FunctionDef" }>;

/** Where one of a command's output descriptors goes. */
type Dest =
  /** The terminal's stdout (1) or stderr (2). */
  | { k: "tty"; n: 1 | 2 }
  /** Stays in the command's result stream n (captured by a pipe, a file, a substitution). */
  | { k: "nat"; n: 1 | 2 }
  /** Whatever the function's caller had on its descriptor n ($__DMSH_n). */
  | { k: "dyn"; n: 1 | 2 };

interface Ctx {
  o: Dest;
  e: Dest;
}

const TTY: Ctx = { o: { k: "tty", n: 1 }, e: { k: "tty", n: 2 } };
const NAT1: Dest = { k: "nat", n: 1 };
const NAT2: Dest = { k: "nat", n: 2 };

export const BG_COMMAND = "__dmsh_bg";
/** Stands in for a command that does not exist, to report it as busybox sh does. */
export const MISSING_COMMAND = "__dmsh_missing";
/** Saves the shell's variables for `$(( $(cmd) ))` (see `__dmsh_snap` in commands/system.ts). */
export const SNAP_COMMAND = "__dmsh_snap";
export const BGPID_VAR = "__DMSH_BGPID";
/** Commands that behave differently on a terminal (isatty): they get `__DMSH_STDOUT`. */
const TTY_AWARE = new Set(["ls", "dmsetup"]);
export const STDOUT_VAR = "__DMSH_STDOUT";

export interface RewriteResult {
  script: ScriptNode;
  /** Background jobs by id, each a script to start concurrently. */
  jobs: Map<number, ScriptNode>;
  /** How many processes each job has (a pipeline's commands; 1 for anything else). */
  jobProcs: Map<number, number>;
  /** Top-level function definitions (to keep for later runs of the same shell). */
  functions: FunctionDefNode[];
}

function lit(value: string): WordNode {
  return { type: "Word", parts: [{ type: "Literal", value }] };
}

/**
 * `time P` -> `{ __dmsh_tstart; P; __dmsh_tend [-p]; }`: the time is taken on the engine's
 * clock (commands/time.ts), not just-bash's wall clock. busybox's time is an applet that execs
 * P's first command: `noexec(c)` gives the word it would fail to execute (a builtin, a function,
 * an assignment), which replaces the command by `__dmsh_tnoexec WORD`; `time` alone is
 * `__dmsh_tusage`.
 */
function timedPipeline(
  p: StatementNode["pipelines"][number],
  noexec: (c: SimpleCommandNode) => WordNode | null,
): StatementNode["pipelines"][number] {
  const call = (name: string, args: (string | WordNode)[]): StatementNode => ({
    type: "Statement",
    pipelines: [
      {
        type: "Pipeline",
        commands: [
          {
            type: "SimpleCommand",
            assignments: [],
            name: lit(name),
            args: args.map((a) => (typeof a === "string" ? lit(a) : a)),
            redirections: [],
          },
        ],
        negated: false,
      },
    ],
    operators: [],
    background: false,
  });
  const first = p.commands[0];
  if (
    p.commands.length === 1 &&
    first?.type === "SimpleCommand" &&
    !first.name &&
    first.assignments.length === 0
  ) {
    const usage = call(TIME_USAGE, []).pipelines[0]!;
    return { ...usage, commands: [{ ...usage.commands[0]!, redirections: first.redirections }] };
  }
  let commands = p.commands;
  // `time ! cmd`: `!` is time's first argument there, not the shell's negation.
  const word = p.negated ? lit("!") : first?.type === "SimpleCommand" ? noexec(first) : null;
  if (first?.type === "SimpleCommand" && word) {
    const replaced: SimpleCommandNode = {
      type: "SimpleCommand",
      assignments: [],
      name: lit(TIME_NOEXEC),
      args: [word],
      redirections: first.redirections,
    };
    commands = [replaced, ...p.commands.slice(1)];
  }
  // `time cmd 2>f`: the redirections are time's own, so its report follows them too.
  let redirections: RedirectionNode[] = [];
  const only = commands.length === 1 ? commands[0] : undefined;
  if (only?.type === "SimpleCommand" && only.redirections.length > 0) {
    redirections = only.redirections;
    commands = [{ ...only, redirections: [] }];
  }
  const untimed: StatementNode = {
    type: "Statement",
    pipelines: [{ ...p, commands, timed: false, timePosix: false, negated: false }],
    operators: [],
    background: false,
  };
  return {
    type: "Pipeline",
    commands: [
      {
        type: "Group",
        body: [call(TIME_START, []), untimed, call(TIME_END, p.timePosix ? ["-p"] : [])],
        redirections,
      },
    ],
    negated: false,
  };
}

/** `"${__DMSH_n:-/dev/stdout}"`: the caller's destination for descriptor n. */
function dynWord(n: 1 | 2): WordNode {
  return {
    type: "Word",
    parts: [
      {
        type: "DoubleQuoted",
        parts: [
          {
            type: "ParameterExpansion",
            parameter: `__DMSH_${n}`,
            operation: {
              type: "DefaultValue",
              word: lit(n === 1 ? "/dev/stdout" : "/dev/stderr"),
              checkEmpty: true,
            },
          },
        ],
      },
    ],
  };
}

/** The value a callee's $__DMSH_n gets for a destination. */
function destWord(d: Dest): WordNode {
  switch (d.k) {
    case "tty":
      return lit(`${TTY_DIR}/${d.n}`);
    case "nat":
      return lit(d.n === 1 ? "/dev/stdout" : "/dev/stderr");
    case "dyn":
      return dynWord(d.n);
  }
}

/** The redirection that sends descriptor `fd` to `d`, or null when it stays where it is. */
function redirFor(fd: 1 | 2, d: Dest): RedirectionNode | null {
  if (d.k === "nat" && d.n === fd) return null;
  return { type: "Redirection", fd, operator: ">", target: destWord(d) };
}

function literalOf(w: WordNode | null | undefined): string | null {
  if (!w || w.parts.length !== 1) return null;
  const p = w.parts[0]!;
  return p.type === "Literal" ? p.value : null;
}

/**
 * The context inside a construct (a compound command, a function call, a function defined with
 * redirections) whose own redirections just-bash still applies to its result: a descriptor
 * those redirections leave alone keeps its destination; one they change is left in the result
 * (just-bash routes it) unless it now goes straight to the terminal, which may be written early.
 */
function inside(outer: Ctx, after: Ctx): Ctx {
  const pick = (fd: 1 | 2, before: Dest, now: Dest): Dest => {
    if (now === before) return now;
    return now.k === "tty" ? now : fd === 1 ? NAT1 : NAT2;
  };
  return { o: pick(1, outer.o, after.o), e: pick(2, outer.e, after.e) };
}

/** Where descriptors 1 and 2 go after `redirs` are applied in order. */
function applyRedirs(ctx: Ctx, redirs: readonly RedirectionNode[]): Ctx {
  let { o, e } = ctx;
  const set = (fd: number, d: Dest) => {
    if (fd === 1) o = d;
    else if (fd === 2) e = d;
  };
  for (const r of redirs) {
    if (r.fdVariable) continue;
    const op = r.operator;
    if (op === "&>" || op === "&>>") {
      o = NAT1;
      e = NAT2;
      continue;
    }
    if (op === "<" || op === "<<" || op === "<<-" || op === "<<<") continue;
    const fd = r.fd ?? (op === "<&" || op === "<>" ? 0 : 1);
    if (op === ">&" || op === "<&") {
      const target = r.target.type === "Word" ? literalOf(r.target) : null;
      if (target === "1") set(fd, o);
      else if (target === "2") set(fd, e);
      else if (target !== null && /^\d+$/.test(target)) set(fd, fd === 2 ? NAT2 : NAT1);
      else if (target === "-") set(fd, fd === 2 ? NAT2 : NAT1);
      else if (r.fd === null && op === ">&") {
        // `>&file`: both to the file.
        o = NAT1;
        e = NAT2;
      } else set(fd, fd === 2 ? NAT2 : NAT1);
      continue;
    }
    set(fd, fd === 2 ? NAT2 : NAT1);
  }
  return { o, e };
}

/** Names that are never shell functions unless the script defines them. */
export interface RewriteOptions {
  /** Commands and builtins (a call to one of these needs no $__DMSH_n assignments). */
  commands: ReadonlySet<string>;
  /** Function names defined by earlier runs of this shell. */
  functions: ReadonlySet<string>;
  /** First id for background jobs (ids are unique per shell). */
  nextJobId: number;
  /** The shell's builtins (a command that is not a program: `time wait` cannot run it). */
  builtins?: ReadonlySet<string>;
}

/** Ids of statements' device holds (`__dmsh_fd hold ID`); unique within the process. */
let nextHold = 1;

export function rewriteScript(script: ScriptNode, opts: RewriteOptions): RewriteResult {
  const jobs = new Map<number, ScriptNode>();
  const jobProcs = new Map<number, number>();
  const defined = new Set(opts.functions);
  collectFunctionNames(script, defined);
  let nextJob = opts.nextJobId;
  // Forks matter to the job table only once the shell has had background jobs.
  const markForks = opts.nextJobId > 1 || hasBackground(script);
  /**
   * Which process the words being rewritten run in: the shell (null), a child forked for the
   * command alone (`jobs | cat`), or another child (a subshell, a substitution's body...).
   */
  let child: null | "direct" | "nested" = null;
  const within = <T>(where: null | "direct" | "nested", f: () => T): T => {
    const prev = child;
    child = where;
    try {
      return f();
    } finally {
      child = prev;
    }
  };
  /** Whether ash forks to run pipeline `p` (an external command, a pipeline, a subshell). */
  const forks = (p: StatementNode["pipelines"][number]): boolean => {
    if (p.timed) return false;
    if (p.commands.length > 1) return true;
    const c = p.commands[0];
    if (!c) return false;
    if (c.type === "Subshell") return true;
    if (c.type !== "SimpleCommand" || !c.name) return false;
    // `[` parses as a glob.
    const g = c.name.parts.length === 1 ? c.name.parts[0] : undefined;
    const n = g?.type === "Glob" ? g.pattern : literalOf(c.name);
    if (n === null) return true;
    if (n.includes("/")) return true;
    if (defined.has(n) || n.startsWith("__dmsh") || opts.builtins?.has(n)) return false;
    return opts.commands.has(n);
  };

  const isFunctionCall = (name: WordNode): boolean => {
    const n = literalOf(name);
    if (n === null) return true; // `$cmd args`: could be anything
    return defined.has(n) || !opts.commands.has(n);
  };

  /** The word busybox's `time` could not execute, if `c` is not a program (timedPipeline). */
  const timeNoExec = (c: SimpleCommandNode): WordNode | null => {
    const a = c.assignments[0];
    if (a) {
      const parts = [{ type: "Literal", value: `${a.name}=` }, ...(a.value?.parts ?? [])];
      return { type: "Word", parts } as WordNode;
    }
    const n = literalOf(c.name);
    if (n === null || n.includes("/")) return null;
    const builtin = opts.builtins?.has(n) === true && !APPLET_BUILTINS.has(n);
    return builtin || defined.has(n) || !opts.commands.has(n) ? lit(n) : null;
  };

  const statements = (list: StatementNode[], ctx0: Ctx): StatementNode[] => {
    let ctx = ctx0;
    const out: StatementNode[] = [];
    for (const st of list) {
      if (needsSnapStatement(st)) out.push(snapStatement());
      const held = st.background ? [] : heldRedirections(st);
      const rewritten = statement(st, ctx);
      if (held.length > 0) {
        // The statement's redirections hold their devices open while it runs (fdtable.ts).
        const id = String(nextHold++);
        out.push(fdMarker(["hold", id], held), rewritten, fdMarker(["release", id], []));
      } else out.push(rewritten);
      const exec = execRedirections(st);
      if (exec) out.push(fdMarker(["exec"], exec, true));
      ctx = afterExec(st, ctx);
    }
    return out;
  };

  const statement = (st: StatementNode, ctx: Ctx): StatementNode => {
    if (st.background) {
      const job: StatementNode = {
        ...st,
        background: false,
        pipelines: within("nested", () => st.pipelines.map((p) => pipeline(p, ctx))),
      };
      const id = nextJob++;
      const only = st.pipelines.length === 1 ? st.pipelines[0] : undefined;
      jobProcs.set(id, only ? Math.max(1, only.commands.length) : 1);
      const held = heldRedirections(st);
      const hold = String(nextHold++);
      jobs.set(id, {
        type: "Script",
        statements:
          held.length > 0
            ? [fdMarker(["hold", hold], held), job, fdMarker(["release", hold], [])]
            : [job],
      });
      const cmd: SimpleCommandNode = {
        type: "SimpleCommand",
        assignments: [],
        name: lit(BG_COMMAND),
        args: [lit(String(id))],
        redirections: [],
      };
      return {
        type: "Statement",
        pipelines: [{ type: "Pipeline", commands: [cmd], negated: false }],
        operators: [],
        background: false,
      };
    }
    return {
      ...st,
      pipelines: st.pipelines.map((p) => {
        const rewritten = pipeline(p, ctx);
        const c = p.commands[0]!;
        if (markForks && child === null && forks(p)) {
          // `{ __dmsh_fork "$?" && :; P; }`, negated outside as P was.
          const stmt: StatementNode = {
            type: "Statement",
            pipelines: [{ ...rewritten, negated: false }],
            operators: [],
            background: false,
          };
          return {
            type: "Pipeline",
            commands: [{ type: "Group", body: [forkMarker(), stmt], redirections: [] }],
            negated: p.negated,
          };
        }
        // `a && exec 3< dev && b`: the exec's descriptors change where it runs.
        if (st.pipelines.length === 1 || p.commands.length !== 1 || !isBareExec(c))
          return rewritten;
        const rs = c.redirections.filter((r) => !r.fdVariable && r.target.type === "Word");
        const stmt: StatementNode = {
          type: "Statement",
          pipelines: [{ ...rewritten, negated: false }],
          operators: [],
          background: false,
        };
        return {
          type: "Pipeline",
          commands: [
            { type: "Group", body: [stmt, fdMarker(["exec"], rs, true)], redirections: [] },
          ],
          negated: p.negated,
        };
      }),
    };
  };

  const pipeline = (
    p: StatementNode["pipelines"][number],
    ctx: Ctx,
  ): StatementNode["pipelines"][number] => {
    if (p.timed) return pipeline(timedPipeline(p, timeNoExec), ctx);
    const last = p.commands.length - 1;
    // Each command of a pipeline runs in a child of its own.
    const where = (c: CommandNode) =>
      p.commands.length === 1
        ? child
        : child === null && soleCommand(c)?.type === "SimpleCommand"
          ? "direct"
          : "nested";
    return {
      ...p,
      commands: p.commands.map((c, i) => {
        if (i === last) return within(where(c), () => command(c, ctx));
        const merged = p.pipeStderr?.[i] === true;
        return within(where(c), () => command(c, { o: NAT1, e: merged ? NAT1 : ctx.e }));
      }),
    };
  };

  const command = (c: CommandNode, ctx: Ctx): CommandNode => {
    switch (c.type) {
      case "SimpleCommand":
        return simple(c, ctx);
      case "FunctionDef": {
        const callers: Ctx = { o: { k: "dyn", n: 1 }, e: { k: "dyn", n: 2 } };
        const fctx = inside(callers, applyRedirs(callers, c.redirections));
        words(c.redirections, ctx.e);
        const body = command(c.body, fctx) as FunctionDefNode["body"];
        const held = c.redirections.filter(holdsDevice);
        if (held.length === 0) return { ...c, body };
        // `f() { ...; } < dev`: every call holds the device while the body runs.
        const id = String(nextHold++);
        const wrapped: FunctionDefNode["body"] = {
          type: "Group",
          body: [
            fdMarker(["hold", id], held),
            {
              type: "Statement",
              pipelines: [{ type: "Pipeline", commands: [body], negated: false }],
              operators: [],
              background: false,
            },
            fdMarker(["release", id], []),
          ],
          redirections: [],
        };
        return { ...c, body: wrapped };
      }
      default: {
        const inner = inside(ctx, applyRedirs(ctx, c.redirections));
        words(c.redirections, ctx.e);
        return compound(c, inner);
      }
    }
  };

  const compound = (
    c: Exclude<CommandNode, SimpleCommandNode | FunctionDefNode>,
    ctx: Ctx,
  ): CommandNode => {
    switch (c.type) {
      case "If":
        return {
          ...c,
          clauses: c.clauses.map((cl) => ({
            condition: statements(cl.condition, ctx),
            body: statements(cl.body, ctx),
          })),
          elseBody: c.elseBody ? statements(c.elseBody, ctx) : null,
        };
      case "For":
        if (c.words) words(c.words, ctx.e);
        return { ...c, body: statements(c.body, ctx) };
      case "CStyleFor":
        words([c.init, c.condition, c.update], ctx.e);
        return { ...c, body: statements(c.body, ctx) };
      case "While":
      case "Until":
        return { ...c, condition: statements(c.condition, ctx), body: statements(c.body, ctx) };
      case "Case":
        words([c.word], ctx.e);
        return {
          ...c,
          items: c.items.map((it) => {
            words(it.patterns, ctx.e);
            return { ...it, body: statements(it.body, ctx) };
          }),
        };
      case "Subshell": {
        const body = within("nested", () => statements(c.body, ctx));
        // A subshell that changes its descriptors (exec) or starts jobs is a process of its
        // own: it inherits the shell's descriptors and closes its own when it ends.
        if (!forksDescriptors(c.body)) return { ...c, body };
        return { ...c, body: [fdMarker(["fork"], []), ...body, fdMarker(["exit"], [])] };
      }
      case "Group":
        return { ...c, body: statements(c.body, ctx) };
      case "ArithmeticCommand":
      case "ConditionalCommand":
        words([c.expression], ctx.e);
        return c;
    }
  };

  const simple = (c: SimpleCommandNode, ctx: Ctx): SimpleCommandNode => {
    words([c.name, c.args, c.assignments, c.redirections], ctx.e);
    if (!c.name) return c;
    let name = c.name;
    let args = c.args;
    const lit0 = literalOf(name);
    const line = lit(String(c.line ?? 0));
    if (lit0 !== null && JOB_BUILTINS.has(lit0) && !defined.has(lit0)) {
      // The job builtins, with the line for their error messages (commands/jobs.ts).
      if (lit0 === "jobs") {
        name = lit(JOBS_COMMAND);
        args = [line, lit(child === null ? "main" : child), ...args];
      } else if (lit0 === "wait" || lit0 === "kill") {
        name = lit(lit0 === "wait" ? WAIT_COMMAND : KILL_COMMAND);
        args = [line, ...args];
      } else {
        name = lit(FGBG_COMMAND);
        args = [line, lit(lit0), ...args];
      }
    } else if (
      lit0 !== null &&
      lit0 !== "" &&
      !lit0.includes("/") &&
      !opts.commands.has(lit0) &&
      !defined.has(lit0)
    ) {
      // Not a command, builtin or function: sh reports it with the line it is on.
      name = lit(MISSING_COMMAND);
      args = [lit(String(c.line ?? 0)), lit(lit0), ...args];
    }
    const added: RedirectionNode[] = [];
    // `exec 3< f` writes nothing, and redirections added to it would stay for the rest of the
    // shell's life: a function's `>/dev/stdout` would then reach the terminal.
    if (!isBareExec(c)) {
      const r1 = redirFor(1, ctx.o);
      const r2 = redirFor(2, ctx.e);
      if (r1) added.push(r1);
      if (r2) added.push(r2);
    }
    let assignments = c.assignments;
    const after = applyRedirs(ctx, c.redirections);
    const callee = inside(ctx, after);
    const assign = (name: string, d: Dest): AssignmentNode => ({
      type: "Assignment",
      name,
      value: destWord(d),
      append: false,
      array: null,
    });
    if (isFunctionCall(name))
      assignments = [assign("__DMSH_1", callee.o), assign("__DMSH_2", callee.e), ...assignments];
    const n = literalOf(name);
    if (n !== null && TTY_AWARE.has(n)) assignments = [assign(STDOUT_VAR, after.o), ...assignments];
    return { ...c, name, args, assignments, redirections: [...added, ...c.redirections] };
  };

  /** Rewrite the substitutions inside words (their stdout is captured, stderr goes on). */
  const words = (node: unknown, e: Dest): void => {
    if (Array.isArray(node)) {
      for (const n of node) words(n, e);
      return;
    }
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; body?: ScriptNode; parameter?: string };
    if (n.type === "CommandSubstitution" || n.type === "ProcessSubstitution") {
      const body = n.body!;
      // The substitution is a child; one that runs `jobs` alone sees the shell's jobs.
      const cmd = soleCommand({ type: "Group", body: body.statements, redirections: [] });
      const direct =
        child === null && cmd?.type === "SimpleCommand" && literalOf(cmd.name) === "jobs";
      const inner = within(direct ? "direct" : "nested", () =>
        statements(body.statements, { o: NAT1, e }),
      );
      const mark = markForks && child === null && !isSnap(body);
      n.body = { ...body, statements: mark ? [forkMarker(), ...inner] : inner };
      return;
    }
    if (n.type === "Statement") return;
    if (n.type === "ParameterExpansion" && n.parameter === "!") n.parameter = BGPID_VAR;
    const parts = (node as { parts?: unknown }).parts;
    if (Array.isArray(parts)) {
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i] as { type?: string };
        if (p?.type === "ArithmeticExpansion" && hasArithSubst(p)) parts.splice(i++, 0, snapPart());
      }
    }
    for (const v of Object.values(node)) if (v && typeof v === "object") words(v, e);
  };

  const out = { ...script, statements: statements(script.statements, TTY) };
  const functions = out.statements.flatMap((st) =>
    st.pipelines.flatMap((p) =>
      p.commands.filter((c): c is FunctionDefNode => c.type === "FunctionDef"),
    ),
  );
  return { script: out, jobs, jobProcs, functions };
}

/**
 * The one command a brace group holds (`{ jobs; }`: ash's parser keeps no node for the braces),
 * or the command itself.
 */
function soleCommand(c: CommandNode): CommandNode | null {
  if (c.type !== "Group") return c;
  if (c.redirections.length > 0 || c.body.length !== 1) return null;
  const st = c.body[0]!;
  if (st.background || st.pipelines.length !== 1) return null;
  const p = st.pipelines[0]!;
  if (p.negated || p.timed || p.commands.length !== 1) return null;
  return soleCommand(p.commands[0]!);
}

/** The job builtins dmsh runs itself (commands/jobs.ts). */
const JOB_BUILTINS = new Set(["jobs", "wait", "kill", "fg", "bg"]);

/** `__dmsh_fork "$?" && :` (commands/jobs.ts): the shell forks here. */
function forkMarker(): StatementNode {
  return fdMarkerNamed(FORK_COMMAND, [], [], false);
}

/** Whether a script starts background jobs (at any depth). */
function hasBackground(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasBackground);
  if (!node || typeof node !== "object") return false;
  if ((node as { type?: string; background?: boolean }).type === "Statement") {
    if ((node as { background?: boolean }).background) return true;
  }
  return Object.values(node).some((v) => v && typeof v === "object" && hasBackground(v));
}

/** The `$(__dmsh_snap)` substitution the rewrite adds (not a fork of the script's). */
function isSnap(body: ScriptNode): boolean {
  const c = body.statements[0]?.pipelines[0]?.commands[0];
  return c?.type === "SimpleCommand" && literalOf(c.name) === SNAP_COMMAND;
}

/** Whether an arithmetic expression somewhere under `node` runs a command (`$(( $(cmd) ))`). */
function hasArithSubst(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasArithSubst);
  if (!node || typeof node !== "object") return false;
  if ((node as { type?: string }).type === "ArithCommandSubst") return true;
  return Object.values(node).some((v) => v && typeof v === "object" && hasArithSubst(v));
}

/**
 * just-bash runs the command of `$(( $(cmd) ))` in a nested interpreter that starts from the
 * shell's saved variables, not the running script's. `$(__dmsh_snap)` (it expands to nothing)
 * saves the running script's variables just before the arithmetic is evaluated.
 */
function snapScript(): ScriptNode {
  const cmd: SimpleCommandNode = {
    type: "SimpleCommand",
    assignments: [],
    name: lit(SNAP_COMMAND),
    args: [],
    redirections: [],
  };
  return {
    type: "Script",
    statements: [
      {
        type: "Statement",
        pipelines: [{ type: "Pipeline", commands: [cmd], negated: false }],
        operators: [],
        background: false,
      },
    ],
  };
}

function snapPart(): WordNode["parts"][number] {
  return { type: "CommandSubstitution", body: snapScript(), legacy: false };
}

function snapStatement(): StatementNode {
  return snapScript().statements[0]!;
}

/** `(( n += $(cmd) ))`, `for ((...))`, `[[ ... ]]` at a statement's own level. */
function needsSnapStatement(st: StatementNode): boolean {
  return st.pipelines.some(
    (p) =>
      p.commands.some(
        (c) =>
          (c.type === "ArithmeticCommand" || c.type === "ConditionalCommand") &&
          hasArithSubst(c.expression),
      ) ||
      p.commands.some(
        (c) => c.type === "CStyleFor" && hasArithSubst([c.init, c.condition, c.update]),
      ),
  );
}

/** `exec >f 2>&1` (exec with only redirections) changes where everything after it writes. */
function afterExec(st: StatementNode, ctx: Ctx): Ctx {
  if (st.background || st.pipelines.length !== 1) return ctx;
  const p = st.pipelines[0]!;
  if (p.commands.length !== 1) return ctx;
  const c = p.commands[0]!;
  if (c.type !== "SimpleCommand" || literalOf(c.name) !== "exec" || c.args.length > 0) return ctx;
  return applyRedirs(ctx, c.redirections);
}

function collectFunctionNames(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectFunctionNames(n, into);
    return;
  }
  if (!node || typeof node !== "object") return;
  const n = node as { type?: string; name?: unknown };
  if (n.type === "FunctionDef" && typeof n.name === "string") into.add(n.name);
  for (const v of Object.values(node))
    if (v && typeof v === "object") collectFunctionNames(v, into);
}

/** Redirection operators that open a file (fdtable.ts). */
const OPENING = new Set(["<", "<>", ">", ">>", ">|", "&>", "&>>", ">&", "<&"]);
/** Files that are never block devices. */
const NOT_DEVICES =
  /^\/dev\/(null|zero|u?random|full|tty|console|stdin|stdout|stderr|fd\/.*|mapper\/control)$/;

/**
 * Whether a redirection may open a block device: it opens a file (not a heredoc, not a dup
 * `2>&1`), named by a word that is not a literal path outside /dev (a variable, a relative path,
 * or a path in /dev that is not a character device).
 */
function holdsDevice(r: RedirectionNode): boolean {
  if (!OPENING.has(r.operator) || r.fdVariable || r.target.type !== "Word") return false;
  const value = literalOf(r.target);
  if (r.operator === ">&" || r.operator === "<&") {
    if (value === null || /^(\d+-?|-)$/.test(value)) return false;
    if (r.operator === "<&" || r.fd !== null) return false;
  }
  if (value === null) return true;
  if (value.startsWith("/dev/")) return !NOT_DEVICES.test(value);
  return !value.startsWith("/");
}

/** The redirections of a statement's commands that may hold a device open while it runs. */
function heldRedirections(st: StatementNode): RedirectionNode[] {
  const out: RedirectionNode[] = [];
  for (const p of st.pipelines) {
    for (const c of p.commands) {
      if (c.type === "FunctionDef" || isBareExec(c)) continue;
      out.push(...c.redirections.filter(holdsDevice));
    }
  }
  return out;
}

/** `exec` with redirections only: they change the shell's own descriptors. */
function isBareExec(c: CommandNode): c is SimpleCommandNode {
  return (
    c.type === "SimpleCommand" &&
    literalOf(c.name) === "exec" &&
    c.args.length === 0 &&
    c.redirections.length > 0
  );
}

/** The redirections of an `exec` statement (the whole statement is one bare exec), or null. */
function execRedirections(st: StatementNode): RedirectionNode[] | null {
  if (st.background || st.pipelines.length !== 1) return null;
  const p = st.pipelines[0]!;
  if (p.commands.length !== 1) return null;
  const c = p.commands[0]!;
  if (!isBareExec(c)) return null;
  const rs = c.redirections.filter((r) => !r.fdVariable && r.target.type === "Word");
  return rs.length > 0 ? rs : null;
}

/** Whether statements (at any depth) run a bare exec or start a background job. */
function forksDescriptors(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(forksDescriptors);
  if (!node || typeof node !== "object") return false;
  const n = node as { type?: string; background?: boolean };
  if (n.type === "Statement" && n.background) return true;
  if (n.type === "SimpleCommand") return isBareExec(n as SimpleCommandNode);
  return Object.values(node).some((v) => v && typeof v === "object" && forksDescriptors(v));
}

/**
 * `__dmsh_fd ARGS... "$?" [FD] OP TARGET... && :` (commands/fd.ts): passes on `$?`, and the
 * `&& :` keeps its status from tripping `set -e` (the statement it follows already decided).
 */
function fdMarker(args: string[], redirs: RedirectionNode[], withFd = false): StatementNode {
  return fdMarkerNamed(FD_COMMAND, args, redirs, withFd);
}

/** A marker command NAME ARGS... "$?" [REDIRECTION WORDS] && : (see fdMarker). */
function fdMarkerNamed(
  name: string,
  args: string[],
  redirs: RedirectionNode[],
  withFd: boolean,
): StatementNode {
  const status: WordNode = {
    type: "Word",
    parts: [
      {
        type: "DoubleQuoted",
        parts: [{ type: "ParameterExpansion", parameter: "?", operation: null }],
      },
    ],
  } as WordNode;
  const words: WordNode[] = [];
  for (const r of redirs) {
    if (withFd) words.push(lit(r.fd === null ? "d" : String(r.fd)));
    words.push(lit(r.operator));
    words.push(structuredClone(r.target as WordNode));
  }
  const cmd = (name: string, argv: WordNode[]): SimpleCommandNode => ({
    type: "SimpleCommand",
    assignments: [],
    name: lit(name),
    args: argv,
    redirections: [],
  });
  return {
    type: "Statement",
    pipelines: [
      {
        type: "Pipeline",
        commands: [cmd(name, [...args.map(lit), status, ...words])],
        negated: false,
      },
      { type: "Pipeline", commands: [cmd(":", [])], negated: false },
    ],
    operators: ["&&"],
    background: false,
  };
}
