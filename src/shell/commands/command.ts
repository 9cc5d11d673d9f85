/**
 * How a dmsh command is written: a function from argv to an exit status that writes through an
 * `Out` (so stdout and stderr keep their order), registered by name.
 */

import { defineCommand, type Command, type CommandContext, type ExecResult } from "just-bash";
import type { DmShell } from "../index.ts";
import { FsError, Out, resolvePath } from "../util.ts";

export interface Io {
  readonly shell: DmShell;
  readonly ctx: CommandContext;
  readonly out: Out;
  /** stdin as a byte string. */
  stdin(): string;
  /** An absolute path for `p` relative to the working directory. */
  path(p: string): string;
  /** Whether the run was interrupted since this command started (it should stop: EINTR). */
  interrupted(): boolean;
}

export type CommandFn = (args: string[], io: Io) => Promise<number> | number;

export interface DmshCommand {
  name: string;
  run: CommandFn;
}

export function command(name: string, run: CommandFn): DmshCommand {
  return { name, run };
}

/** A just-bash command that runs `cmd` against `shell`. */
export function toJustBash(shell: DmShell, cmd: DmshCommand): Command {
  return defineCommand(cmd.name, async (args, ctx): Promise<ExecResult> => {
    // Whatever an earlier command left held on the terminal goes out first.
    shell.terminal.flush();
    // Background sleepers whose time the clock has passed are awake by now.
    shell.wakeSleepers();
    const out = new Out();
    const startInterrupts = shell.ctx.interrupts;
    const io: Io = {
      shell,
      ctx,
      out,
      // A ByteString is a latin1 string at run time; the browser build of just-bash does not
      // export latin1FromBytes, which is this cast.
      stdin: () => ctx.stdin as unknown as string,
      path: (p) => resolvePath(ctx.cwd, p),
      interrupted: () => shell.ctx.interrupts !== startInterrupts,
    };
    let status: number;
    try {
      status = await cmd.run(args, io);
    } catch (e) {
      if (shell.killed(ctx.env)) throw killed();
      if (e instanceof FsError && e.code === "EINTR") {
        out.e(`${cmd.name}: ${e.text}\n`);
        status = 130;
      } else {
        // A bug in dmsh must not take the shell down: report it like a crashed program.
        out.e(`${cmd.name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 139;
      }
    }
    // A signal killed the background job this command belongs to: the job's script stops here
    // (just-bash ends a run whose signal is aborted when a command throws).
    if (shell.killed(ctx.env)) throw killed();
    if (out.interleaved) shell.terminal.expect(out.segments);
    return out.result(status);
  });
}

function killed(): Error {
  return new Error("killed by a signal");
}

/** GNU-style parse of `--long[=v]`, `-x v`, `-xv` options; options may follow operands. */
export interface OptSpec {
  /** Long name -> takes an argument. */
  long: Record<string, boolean>;
  /** Short letter -> [long name it means, takes an argument]. */
  short: Record<string, [string, boolean]>;
  /** Stop at the first operand (POSIX order), as busybox applets do. */
  posix?: boolean;
}

export type ParsedOpts =
  { ok: true; opts: Map<string, string[]>; operands: string[] } | { ok: false; error: string };

export function getopt(args: string[], spec: OptSpec, prog: string): ParsedOpts {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => {
    const l = opts.get(k);
    if (l) l.push(v);
    else opts.set(k, [v]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      // Unambiguous prefixes are accepted, as getopt_long does.
      let key = name in spec.long ? name : undefined;
      if (key === undefined) {
        const cands = Object.keys(spec.long).filter((k) => k.startsWith(name));
        if (cands.length === 1) key = cands[0];
        else if (cands.length > 1)
          return { ok: false, error: `${prog}: option '${a}' is ambiguous\n` };
      }
      if (key === undefined) return { ok: false, error: `${prog}: unrecognized option '${a}'\n` };
      if (spec.long[key]) {
        if (eq >= 0) add(key, a.slice(eq + 1));
        else if (i + 1 < args.length) add(key, args[++i]!);
        else return { ok: false, error: `${prog}: option '--${key}' requires an argument\n` };
      } else {
        if (eq >= 0)
          return { ok: false, error: `${prog}: option '--${key}' doesn't allow an argument\n` };
        add(key, "");
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const s = spec.short[c];
        if (!s) return { ok: false, error: `${prog}: invalid option -- '${c}'\n` };
        const [key, hasArg] = s;
        if (hasArg) {
          if (j + 1 < a.length) add(key, a.slice(j + 1));
          else if (i + 1 < args.length) add(key, args[++i]!);
          else return { ok: false, error: `${prog}: option requires an argument -- '${c}'\n` };
          break;
        }
        add(key, "");
      }
      continue;
    }
    operands.push(a);
    if (spec.posix) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { ok: true, opts, operands };
}
