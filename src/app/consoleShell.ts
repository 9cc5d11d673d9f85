/**
 * What the console asks the worker's shell besides running commands: whether typed input is a
 * whole script (bash's continuation prompt), Tab completion, and the terminal's width. These
 * requests are answered at once, even while a command runs (host.ts), and never fail loudly:
 * with no engine, input counts as whole and nothing completes.
 */

import type { CompletionResult } from "./lineEditor.ts";
import { getClient } from "./session.ts";

/** True when `script` is whole (run it, or let the shell report its syntax error). */
export async function isWholeScript(script: string): Promise<boolean> {
  const c = getClient();
  if (!c) return true;
  try {
    return (await c.call("shellInput", { script })).complete;
  } catch {
    return true;
  }
}

/** Candidates for the word before the cursor; `line` is the line up to the cursor. */
export async function completeLine(line: string): Promise<CompletionResult> {
  const c = getClient();
  if (!c) return { from: line.length, candidates: [] };
  try {
    return await c.call("complete", { line });
  } catch {
    return { from: line.length, candidates: [] };
  }
}

/** Tells the shell the terminal's width (COLUMNS for the next command). */
export function setShellColumns(columns: number): void {
  getClient()
    ?.call("setColumns", { columns })
    .catch(() => {
      // A worker being replaced: the next command sends it again.
    });
}
