/**
 * `__dmsh_fd`: the marker commands the rewrite (rewrite.ts) places so that a redirection of a
 * block device holds it open as long as bash would hold the descriptor (fdtable.ts). Each one
 * takes the status the shell had (`$?`) and exits with it, so `$?` is what it would have been
 * without the marker; the rewrite follows each with `&& :` so that it never trips `set -e`.
 *
 *     __dmsh_fd hold ID STATUS OP TARGET [OP TARGET...]    a statement starts
 *     __dmsh_fd release ID STATUS                           it ended
 *     __dmsh_fd exec STATUS FD OP TARGET [FD OP TARGET...]  an `exec` changed descriptors
 *                                                           (FD is `d` when none is named)
 *     __dmsh_fd fork / __dmsh_fd exit STATUS                a subshell starts / ends
 *
 * The process a marker runs in is `$__DMSH_PROC` (unset in the main shell).
 */

import { SHELL_PROC } from "../fdtable.ts";
import { command } from "./command.ts";

export const FD_COMMAND = "__dmsh_fd";
export const PROC_VAR = "__DMSH_PROC";

export const fdMarker = command(FD_COMMAND, async (args, { shell, ctx }) => {
  const proc = ctx.env.get(PROC_VAR) || SHELL_PROC;
  const fds = shell.fds;
  const status = (s: string | undefined) => Number(s ?? "0") || 0;
  const path = (p: string) => (p.startsWith("/") ? p : `${ctx.cwd.replace(/\/$/, "")}/${p}`);
  switch (args[0]) {
    case "hold": {
      const pairs: [string, string][] = [];
      for (let i = 3; i + 1 < args.length; i += 2) pairs.push([args[i]!, path(args[i + 1]!)]);
      fds.hold(proc, args[1]!, pairs);
      return status(args[2]);
    }
    case "release":
      await fds.release(proc, args[1]!);
      return status(args[2]);
    case "exec": {
      const s = status(args[1]);
      // A failed exec changed nothing.
      if (s !== 0) return s;
      const triples: [string, string, string][] = [];
      for (let i = 2; i + 2 < args.length; i += 3) {
        const op = args[i + 1]!;
        const target = args[i + 2]!;
        const dup = (op === "<&" || op === ">&") && /^(\d+-?|-)$/.test(target);
        triples.push([args[i] === "d" ? "" : args[i]!, op, dup ? target : path(target)]);
      }
      await fds.exec(proc, triples);
      return 0;
    }
    case "fork": {
      const id = fds.fork(proc, "subshell");
      await ctx.assignShellVariable?.(PROC_VAR, id);
      return status(args[1]);
    }
    case "exit":
      if (proc !== SHELL_PROC) await fds.exit(proc);
      return status(args[1]);
    default:
      return 2;
  }
});
