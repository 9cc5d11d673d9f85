/**
 * dmsh's adapter to just-bash: the one place dmsh (index.ts) meets the interpreter, and where
 * each workaround for how just-bash behaves lives, one comment each. dmsh wants a busybox sh
 * whose output reaches a terminal as it is written; just-bash is a sandboxed bash that returns a
 * script's output when it ends. The workarounds:
 *
 *  1. Output streams in the order it is written. just-bash collects a command's stdout and
 *     stderr as strings and hands them back when the whole script ends, so the script is
 *     rewritten before it runs (`rewrite`, rewrite.ts): every command whose output reaches the
 *     terminal gets explicit redirections to the terminal's nodes (tty.ts), which write at once.
 *  2. Background jobs run concurrently. just-bash runs `cmd &` to completion before going on;
 *     the rewrite turns it into `__dmsh_bg N`, which starts job N alongside (rewrite.ts).
 *  3. `$(( $(cmd) ))` sees the shell's variables. just-bash runs that command in a nested
 *     interpreter started from the shell's saved state; the rewrite saves it first
 *     (`__dmsh_snap`, rewrite.ts and commands/system.ts).
 *  4. Running a rewritten AST. `Bash.exec` takes text only; the AST is handed over through a
 *     marker command (`__dmsh_script N`) that a transform plugin replaces by the pending AST
 *     (`JustBash.exec`).
 *  5. Parsing. The browser build of just-bash does not export `parse`; `Bash.transform` parses
 *     (and runs the transform plugins, which leave a plain script alone) (`JustBash.parse`).
 *  6. The shell's state across runs. just-bash keeps variables, functions, the working directory
 *     and `$?` in a private `state`, with no API to carry them from one exec to the next as an
 *     interactive shell does; dmsh reads and writes it (`JustBash.state`).
 *  7. just-bash's builtins are not exported; the rewrite must know them (a call to one is never
 *     a shell function call): `JUST_BASH_BUILTINS`.
 *  8. A script just-bash gives up on (e.g. a NUL byte in a command name) throws from `exec`;
 *     dmsh reports it as the shell's error, status 2, not as a crash (`JustBash.exec`).
 *  9. The sandbox's defense-in-depth guard refuses host code that schedules timers, which is
 *     what dmsh's commands are (the engine's clock): it is off (`JustBash` constructor).
 *
 * Elsewhere, where just-bash's data types are met: commands receive stdin and return output as
 * latin1 "byte strings" (commands/command.ts, util.ts); within one command just-bash writes
 * stdout before stderr, so a command that wrote stderr first is replayed in order (tty.ts,
 * util.ts); `printf` and `ls`/`tr` replace just-bash's own where bytes and Linux's formats
 * differ (commands/printf.ts, commands/tools.ts); scripts/patch-just-bash.mjs patches its byte
 * accounting at install time.
 */

import {
  Bash,
  getCommandNames,
  type BashOptions,
  type ExecResult,
  type ScriptNode,
} from "just-bash";
import { rewriteScript, type RewriteOptions, type RewriteResult } from "./rewrite.ts";

/** Workaround 7: just-bash's own builtins, which it does not export. */
export const JUST_BASH_BUILTINS: readonly string[] = [
  ":",
  "true",
  "false",
  "cd",
  "export",
  "unset",
  "exit",
  "local",
  "set",
  "break",
  "continue",
  "return",
  "eval",
  "shift",
  "getopts",
  "compgen",
  "complete",
  "compopt",
  "pushd",
  "popd",
  "dirs",
  "source",
  ".",
  "read",
  "mapfile",
  "readarray",
  "declare",
  "typeset",
  "readonly",
  "let",
  "command",
  "shopt",
  "exec",
  "test",
  "[",
  "echo",
  "printf",
  "pwd",
  "alias",
  "unalias",
  "type",
  "hash",
  "ulimit",
  "umask",
  "trap",
  "times",
  "wait",
  "kill",
  "jobs",
  "fg",
  "bg",
  "disown",
  "suspend",
  "fc",
  "history",
  "help",
  "enable",
  "builtin",
  "caller",
];

const BUILTIN_SET: ReadonlySet<string> = new Set(JUST_BASH_BUILTINS);

/** Every name just-bash runs as a command: its builtins and its own commands. */
export function justBashCommandNames(): string[] {
  return [...JUST_BASH_BUILTINS, ...getCommandNames()];
}

/** Workaround 6: the part of just-bash's private state dmsh carries from run to run. */
export interface BashState {
  env: Map<string, string>;
  lastExitCode: number;
  functions: Map<string, unknown>;
  cwd: string;
}

/** The marker command of workaround 4. */
const MARKER = "__dmsh_script";

/** What `exec` answers: just-bash's result, with the script's variables when it returns them. */
export type JustBashResult = ExecResult & { env?: Record<string, string> };

/** A just-bash interpreter as dmsh drives it. */
export class JustBash {
  readonly bash: Bash;
  /** Workaround 4: ASTs waiting for their marker to be run. */
  readonly #pending = new Map<number, ScriptNode>();
  #nextScript = 1;

  constructor(opts: Omit<BashOptions, "defenseInDepth">) {
    // Workaround 9: dmsh's commands are host code that schedules timers.
    this.bash = new Bash({ ...opts, defenseInDepth: false });
    // Workaround 4: the marker command stands for the AST registered under its number.
    this.bash.registerTransformPlugin({
      name: "dmsh",
      transform: ({ ast }) => {
        const st = ast.statements;
        const cmd = st.length === 1 ? st[0]!.pipelines[0]?.commands[0] : undefined;
        if (cmd?.type === "SimpleCommand" && cmd.args.length === 1) {
          const name = cmd.name?.parts[0];
          const arg = cmd.args[0]!.parts[0];
          if (name?.type === "Literal" && name.value === MARKER && arg?.type === "Literal") {
            const id = Number(arg.value);
            const script = this.#pending.get(id);
            if (script) {
              this.#pending.delete(id);
              return { ast: script };
            }
          }
        }
        return { ast };
      },
    });
  }

  /** Workaround 5: parse a script (throws just-bash's syntax error). */
  parse(script: string): ScriptNode {
    return this.bash.transform(script).ast;
  }

  /** Workaround 6: the interpreter's variables, functions, working directory and `$?`. */
  get state(): BashState {
    return (this.bash as unknown as { state: BashState }).state;
  }

  /** Workarounds 1 to 3: the rewrite that streams output, runs jobs, saves state for `$((`. */
  rewrite(script: ScriptNode, opts: RewriteOptions): RewriteResult {
    return rewriteScript(script, { builtins: BUILTIN_SET, ...opts });
  }

  /**
   * Run an AST (workaround 4). A script just-bash gives up on answers as the shell's error,
   * status 2 (workaround 8).
   */
  async exec(
    script: ScriptNode,
    opts: { stdin?: string; env?: Record<string, string>; signal?: AbortSignal },
  ): Promise<JustBashResult> {
    const id = this.#nextScript++;
    this.#pending.set(id, script);
    try {
      return await this.bash.exec(`${MARKER} ${id}`, { rawScript: true, ...opts });
    } catch (e) {
      // just-bash throws, rather than failing the script, when it cannot run it at all; what it
      // throws is an Error with its reason (anything else is not just-bash's and goes on).
      if (!(e instanceof Error)) throw e;
      return { stdout: "", stderr: `sh: ${e.message}\n`, exitCode: 2 };
    } finally {
      this.#pending.delete(id);
    }
  }
}
