/**
 * Is a typed script whole, or would bash print its continuation prompt (PS2, "> ") and read
 * another line? An interactive bash keeps reading while its parser hits the end of the input
 * inside a construct: an unterminated here-document, `for … do` without `done`, `if … then`
 * without `fi`, `while`, `case`, `{`, `(`, an open quote or `$(`, a line ending in `\`, `|`,
 * `&&` or `||`. Any other syntax error is an error at once.
 *
 * The answer comes from just-bash's own parser (the one dmsh runs scripts with), not from
 * patterns over the text: parse, then judge the error (or the tree) by where it stopped.
 *
 * Known gap: `$((` left open parses without complaint in just-bash, so it is run (and fails)
 * where bash would ask for more.
 */

import { parse } from "just-bash";

/** Whether the input is a whole script (to run, or to report a syntax error for). */
export type InputState =
  | { complete: true }
  /** More lines are needed; `reason` is the parser's complaint about the end of input. */
  | { complete: false; reason: string };

/** Text the parser cannot have produced from a script: marks where a trailing `\` was. */
const SENTINEL = "__dmsh_continued_line__";

export function inputState(script: string): InputState {
  let ast: unknown;
  try {
    ast = parse(script);
  } catch (e) {
    return judgeError(e);
  }
  if (hasOpenHereDoc(ast)) return { complete: false, reason: "here-document not terminated" };
  if (endsInEmptyCommand(ast))
    return { complete: false, reason: "a command is expected after the operator" };
  if (endsInLineContinuation(script))
    return { complete: false, reason: "the line ends in a backslash" };
  return { complete: true };
}

function judgeError(e: unknown): InputState {
  const err = e as { message?: unknown; token?: { type?: unknown } };
  const message = typeof err.message === "string" ? err.message : String(e);
  // The lexer and `${`/`$(`/backquote scanning report running out of text in these words.
  if (/unexpected EOF while looking for matching/.test(message))
    return { complete: false, reason: message };
  // The parser stopped at the end of the input, wanting more (`done`, `fi`, `}`, a body...).
  // A redirection with no target is bash's "syntax error near unexpected token `newline'",
  // not a reason to wait.
  if (err.token?.type === "EOF" && !/Expected redirection target/.test(message))
    return { complete: false, reason: message };
  return { complete: true };
}

/** Walks every object in the tree (the AST is plain data). */
function some(node: unknown, test: (n: Record<string, unknown>) => boolean): boolean {
  if (Array.isArray(node)) return node.some((n) => some(n, test));
  if (node === null || typeof node !== "object") return false;
  const o = node as Record<string, unknown>;
  if (test(o)) return true;
  return Object.values(o).some((v) => some(v, test));
}

function hasOpenHereDoc(ast: unknown): boolean {
  return some(ast, (n) => n.type === "HereDoc" && n.terminated === false);
}

interface Cmd {
  type: string;
  name?: unknown;
  args?: unknown[];
  assignments?: unknown[];
  redirections?: unknown[];
}

/** `a |`, `a &&`, `a ||` at the end: just-bash puts an empty command after the operator. */
function endsInEmptyCommand(ast: unknown): boolean {
  const statements = (ast as { statements?: unknown[] }).statements ?? [];
  const last = statements[statements.length - 1] as
    { pipelines: Array<{ commands: Cmd[] }> } | undefined;
  if (!last) return false;
  const pipeline = last.pipelines[last.pipelines.length - 1];
  if (!pipeline) return false;
  const cmd = pipeline.commands[pipeline.commands.length - 1];
  const empty =
    cmd?.type === "SimpleCommand" &&
    cmd.name === null &&
    !cmd.args?.length &&
    !cmd.assignments?.length &&
    !cmd.redirections?.length;
  return empty && (pipeline.commands.length > 1 || last.pipelines.length > 1);
}

/**
 * A last line ending in an unescaped `\` outside quotes and comments joins the next line. The
 * parser drops a `\` at the very end, so ask it where that `\` is: put a marker word in its
 * place; if the marker reaches the tree, the `\` was live shell text (in a comment it vanishes).
 */
function endsInLineContinuation(script: string): boolean {
  const trailing = /\\+$/.exec(script)?.[0].length ?? 0;
  if (trailing % 2 === 0) return false;
  let ast: unknown;
  try {
    ast = parse(script.slice(0, -1) + SENTINEL);
  } catch {
    return false;
  }
  return some(ast, (n) =>
    Object.values(n).some((v) => typeof v === "string" && v.includes(SENTINEL)),
  );
}
