/**
 * The console's transcript, kept outside React and outside the (lazily loaded) terminal: output
 * that arrives before the console mounts (the default scenario at boot) is replayed into it.
 * Text is terminal text: "\r\n" line ends and ANSI colours.
 */

type Listener = (text: string) => void;

const MAX_BACKLOG = 256 * 1024;
let backlog = "";
const listeners = new Set<Listener>();

export const ansi = {
  // Grey (xterm 256-colour 245, 5.6:1 on the console), not SGR 2: xterm draws faint text at
  // half opacity, under WCAG AA's 4.5:1.
  dim: (s: string) => `\x1b[38;5;245m${s}\x1b[39m`,
  red: (s: string) => `\x1b[31m${s}\x1b[39m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[39m`,
  cyan: (s: string) => `\x1b[36m${s}\x1b[39m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
};

export const PROMPT = `${ansi.cyan("dmsh")}${ansi.dim("#")} `;

/** Plain text (with "\n" line ends) as terminal text. */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

export function writeConsole(text: string): void {
  backlog += text;
  if (backlog.length > MAX_BACKLOG) backlog = backlog.slice(backlog.length - MAX_BACKLOG / 2);
  for (const l of listeners) l(text);
}

/** Subscribes to new console text; returns the backlog so far and an unsubscribe. */
export function attachConsole(listener: Listener): { backlog: string; detach: () => void } {
  listeners.add(listener);
  return { backlog, detach: () => listeners.delete(listener) };
}

export function clearConsoleBacklog(): void {
  backlog = "";
}
