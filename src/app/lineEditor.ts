/**
 * A readline for the console: line editing, history, paste, continuation lines and Tab
 * completion, on a terminal that understands VT100 (xterm.js). Pure: it turns key input into
 * terminal output and actions for the console, so it is tested without a terminal.
 *
 * Paste: a pasted text (bracketed-paste mode, or several characters with a newline arriving
 * in one chunk) is inserted at the cursor and read as a terminal reads typeahead: its first
 * line is submitted, and the rest comes back as a "typeahead" action that the console feeds
 * again once that line has run and the next prompt is shown. So N pasted commands run one by
 * one, each with its output before the next prompt; a heredoc or a loop that spans lines stays
 * together through continuation (below); an unfinished last line ends up in the editor.
 *
 * Continuation: whether a submitted script is whole is the shell's call (its parser, in the
 * worker). When it is not, the console hands it back with `continueInput`; the editor then
 * shows bash's continuation prompt "> " and the next Enter submits the lines so far plus the
 * new one. Ctrl-C abandons them all.
 *
 * Completion: Tab asks the console for candidates (an action: they come from the worker);
 * `applyCompletion` inserts the single candidate or the longest common prefix, and a second
 * Tab that adds nothing lists the candidates in columns, as readline does.
 */

export interface Terminal {
  write(data: string): void;
  /** Columns, for redrawing lines that wrap. */
  readonly cols: number;
}

export type EditorAction =
  | { type: "submit"; script: string }
  | { type: "clear" }
  /** Tab: complete the word before the cursor of `line` (the line up to the cursor). */
  | { type: "complete"; line: string }
  /**
   * The rest of a paste after the line just submitted: feed it back with `input` (as
   * `typeahead(data)`) once that line has run and the prompt is shown again.
   */
  | { type: "typeahead"; data: string };

/** Terminal input that pastes `text` (bracketed paste): how a typeahead is fed back. */
export function typeahead(text: string): string {
  return `\x1b[200~${text}\x1b[201~`;
}

/** Candidates for the word at `from` (an index into the line given with the "complete" action). */
export interface CompletionResult {
  from: number;
  /** Whole replacements of the word; a directory ends in "/" (no space is added after it). */
  candidates: readonly string[];
}

/** readline's completion-query-items: longer lists are listed only if the user says so. */
const QUERY_ITEMS = 100;

/** bash's PS2, dimmed like the pasted continuation lines. */
export const CONTINUATION_PROMPT = "\x1b[38;5;245m>\x1b[39m ";

// Terminal input is made of control characters: that is what this pattern matches.
const TOKEN =
  // eslint-disable-next-line no-control-regex
  /\x1b\[200~[\s\S]*?\x1b\[201~|\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b[bfd\x7f]|[\s\S]/g;

export class LineEditor {
  buffer = "";
  cursor = 0;
  readonly history: string[];
  #historyIndex: number;
  /** The line being typed before walking into history, restored when walking back out. */
  #draft = "";
  /** Where the cursor was drawn, relative to the start of the prompt, in cells. */
  #drawnCursor = 0;
  #term: Terminal;
  #primaryPrompt: string;
  /** Lines submitted so far of a script the shell found unfinished (see continueInput). */
  #pending: string | null = null;
  /** The last Tab completed nothing new: the next Tab lists the candidates. */
  #tabShown = false;
  /** Candidates waiting for the answer to "Display all N possibilities? (y or n)". */
  #query: string[] | null = null;
  #maxHistory: number;

  constructor(term: Terminal, prompt: string, history: string[] = [], maxHistory = 500) {
    this.#term = term;
    this.#primaryPrompt = prompt;
    this.history = history.slice(-maxHistory);
    this.#historyIndex = this.history.length;
    this.#maxHistory = maxHistory;
  }

  /** The prompt in use: the continuation prompt while a script is unfinished. */
  get #prompt(): string {
    return this.#pending === null ? this.#primaryPrompt : CONTINUATION_PROMPT;
  }

  get #promptWidth(): number {
    // eslint-disable-next-line no-control-regex
    return this.#prompt.replace(/\x1b\[[0-9;]*m/g, "").length;
  }

  /** True while lines of an unfinished script wait for the rest. */
  get continuing(): boolean {
    return this.#pending !== null;
  }

  /**
   * The submitted `script` is not finished (the shell said so): keep it, and read on after a
   * continuation prompt. Call showPrompt to draw it.
   */
  continueInput(script: string): void {
    this.#pending = script;
  }

  /** Prints the prompt and the current buffer on a fresh line. */
  showPrompt(): void {
    this.#drawnCursor = 0;
    this.#term.write(this.#prompt);
    this.#drawnCursor = this.#promptWidth;
    this.#render(false);
  }

  /**
   * The candidates for the "complete" action's line (which ended at the cursor then). One
   * candidate replaces the word (with a space after it unless it is a directory); several
   * extend it to their longest common prefix, or, when that adds nothing and the previous Tab
   * added nothing either, are listed in columns below the line, which is then redrawn.
   */
  applyCompletion(result: CompletionResult): void {
    const { from, candidates } = result;
    const to = this.cursor;
    const word = this.buffer.slice(from, to);
    if (from < 0 || from > to || candidates.length === 0) {
      this.#term.write("\x07");
      return;
    }
    const replace = (text: string) => {
      this.#edit(this.buffer.slice(0, from) + text + this.buffer.slice(to), from + text.length);
    };
    if (candidates.length === 1) {
      const only = candidates[0]!;
      const space = only.endsWith("/") || this.buffer[to] === " " ? "" : " ";
      replace(only + space);
      this.#tabShown = false;
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      replace(prefix);
      this.#tabShown = false;
      return;
    }
    if (!this.#tabShown) {
      this.#tabShown = true;
      this.#term.write("\x07");
      return;
    }
    // List them below the line (cursor to the end of it first), then draw the line again;
    // first ask, as readline does past completion-query-items.
    this.#move(this.buffer.length);
    const names = candidates.map(displayName);
    if (names.length > QUERY_ITEMS) {
      this.#query = names;
      this.#term.write(`\r\nDisplay all ${names.length} possibilities? (y or n)`);
      return;
    }
    this.#term.write("\r\n" + columns(names, this.#term.cols));
    this.showPrompt();
  }

  /** The answer to the query: y or space lists the candidates, anything else does not. */
  #answerQuery(k: string): void {
    const names = this.#query ?? [];
    this.#query = null;
    // A Tab right after asks again (the candidates have not changed).
    this.#tabShown = true;
    this.#term.write(
      k === "y" || k === "Y" || k === " " ? "\r\n" + columns(names, this.#term.cols) : "\r\n",
    );
    this.showPrompt();
  }

  /** Feeds terminal input (xterm's onData); returns what the console should do. */
  input(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    const looksPasted = !data.startsWith("\x1b") && data.length > 1 && /[\r\n]/.test(data);
    if (looksPasted) {
      if (this.#query !== null) this.#answerQuery("n");
      this.#paste(data, actions);
      return actions;
    }
    for (const token of data.match(TOKEN) ?? []) {
      if (this.#query !== null) this.#answerQuery(token);
      else if (token.startsWith("\x1b[200~")) this.#paste(token.slice(6, -6), actions);
      else this.#key(token, actions);
    }
    return actions;
  }

  #key(k: string, actions: EditorAction[]): void {
    if (k !== "\t") this.#tabShown = false;
    switch (k) {
      case "\r":
      case "\n":
        this.#submit(this.buffer, actions);
        return;
      case "\x7f": // Backspace
      case "\b":
        if (this.cursor > 0)
          this.#edit(
            this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor),
            this.cursor - 1,
          );
        return;
      case "\x1b[3~": // Delete
      case "\x04": // Ctrl-D on a non-empty line
        if (this.cursor < this.buffer.length)
          this.#edit(
            this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1),
            this.cursor,
          );
        return;
      case "\x1b[D":
      case "\x02":
        this.#move(this.cursor - 1);
        return;
      case "\x1b[C":
      case "\x06":
        this.#move(this.cursor + 1);
        return;
      case "\x1b[H":
      case "\x1bOH":
      case "\x1b[1~":
      case "\x01":
        this.#move(0);
        return;
      case "\x1b[F":
      case "\x1bOF":
      case "\x1b[4~":
      case "\x05":
        this.#move(this.buffer.length);
        return;
      case "\x1b[1;5D":
      case "\x1bb":
        this.#move(this.#wordStart());
        return;
      case "\x1b[1;5C":
      case "\x1bf":
        this.#move(this.#wordEnd());
        return;
      case "\x1b[A":
      case "\x10":
        this.#recall(-1);
        return;
      case "\x1b[B":
      case "\x0e":
        this.#recall(1);
        return;
      case "\x15": // Ctrl-U: kill to start
        this.#edit(this.buffer.slice(this.cursor), 0);
        return;
      case "\x0b": // Ctrl-K: kill to end
        this.#edit(this.buffer.slice(0, this.cursor), this.cursor);
        return;
      case "\x17": // Ctrl-W: kill the word before the cursor
      case "\x1b\x7f": {
        const start = this.#wordStart();
        this.#edit(this.buffer.slice(0, start) + this.buffer.slice(this.cursor), start);
        return;
      }
      case "\x03": // Ctrl-C: abandon the line, and the unfinished script it continues
        this.#term.write("^C\r\n");
        this.#pending = null;
        this.buffer = "";
        this.cursor = 0;
        this.#historyIndex = this.history.length;
        this.showPrompt();
        return;
      case "\x0c": // Ctrl-L
        actions.push({ type: "clear" });
        return;
      case "\t":
        actions.push({ type: "complete", line: this.buffer.slice(0, this.cursor) });
        return;
      default:
        if (k.length === 1 && k >= " ") this.#insert(k);
      // Other control characters and unknown escape sequences are ignored.
    }
  }

  #paste(text: string, actions: EditorAction[]): void {
    const normalized = text.replace(/\r\n?/g, "\n");
    const full = this.buffer.slice(0, this.cursor) + normalized + this.buffer.slice(this.cursor);
    const cut = full.lastIndexOf("\n");
    if (cut < 0) {
      this.#insert(normalized);
      return;
    }
    // The first line, on the prompt, is submitted as if typed and Enter pressed; the rest waits
    // for the next prompt (the console feeds it back), as a terminal's typeahead does.
    const first = full.indexOf("\n");
    const line = full.slice(0, first);
    const rest = full.slice(first + 1);
    this.buffer = line;
    this.cursor = line.length;
    this.#render(true);
    this.#term.write("\r\n");
    this.#remember(line);
    this.buffer = "";
    this.cursor = 0;
    this.#drawnCursor = 0;
    actions.push({ type: "submit", script: this.#takePending(line) });
    if (rest) actions.push({ type: "typeahead", data: rest });
  }

  /** `lines` after the lines of the unfinished script they continue, if any. */
  #takePending(lines: string): string {
    const script = this.#pending === null ? lines : `${this.#pending}\n${lines}`;
    this.#pending = null;
    return script;
  }

  #submit(line: string, actions: EditorAction[]): void {
    this.#move(this.buffer.length);
    this.#term.write("\r\n");
    this.#remember(line);
    this.buffer = "";
    this.cursor = 0;
    this.#drawnCursor = 0;
    actions.push({ type: "submit", script: this.#takePending(line) });
  }

  #remember(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
    if (this.history.length > this.#maxHistory)
      this.history.splice(0, this.history.length - this.#maxHistory);
    this.#historyIndex = this.history.length;
    this.#draft = "";
  }

  #recall(dir: -1 | 1): void {
    const next = this.#historyIndex + dir;
    if (next < 0 || next > this.history.length) return;
    if (this.#historyIndex === this.history.length) this.#draft = this.buffer;
    this.#historyIndex = next;
    const text = next === this.history.length ? this.#draft : (this.history[next] ?? "");
    this.#edit(text, text.length);
  }

  #wordStart(): number {
    let i = this.cursor;
    while (i > 0 && this.buffer[i - 1] === " ") i--;
    while (i > 0 && this.buffer[i - 1] !== " ") i--;
    return i;
  }

  #wordEnd(): number {
    let i = this.cursor;
    while (i < this.buffer.length && this.buffer[i] === " ") i++;
    while (i < this.buffer.length && this.buffer[i] !== " ") i++;
    return i;
  }

  #insert(text: string): void {
    this.#edit(
      this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor),
      this.cursor + text.length,
    );
  }

  #edit(buffer: string, cursor: number): void {
    this.buffer = buffer;
    this.cursor = Math.max(0, Math.min(cursor, buffer.length));
    this.#render(true);
  }

  #move(cursor: number): void {
    const c = Math.max(0, Math.min(cursor, this.buffer.length));
    if (c === this.cursor) return;
    this.cursor = c;
    this.#render(true);
  }

  /**
   * Redraws prompt and buffer. The line may wrap over several rows: go back to the row the
   * prompt is on, clear to the end of the screen, write it all, then put the cursor where it
   * belongs.
   */
  #render(redraw: boolean): void {
    const cols = Math.max(1, this.#term.cols);
    const P = this.#promptWidth;
    let out = "";
    if (redraw) {
      const up = Math.floor(this.#drawnCursor / cols);
      if (up > 0) out += `\x1b[${up}A`;
      out += `\r\x1b[J${this.#prompt}`;
    }
    out += this.buffer;
    let end = P + this.buffer.length;
    // At an exact multiple of the width the terminal holds the cursor in the last column;
    // step onto the next row so that row arithmetic stays exact.
    if (this.buffer.length > 0 && end % cols === 0) out += " \r";
    const target = P + this.cursor;
    const rowsUp = Math.floor(end / cols) - Math.floor(target / cols);
    if (rowsUp > 0) out += `\x1b[${rowsUp}A`;
    if (end !== target || rowsUp > 0) {
      out += "\r";
      const col = target % cols;
      if (col > 0) out += `\x1b[${col}C`;
    }
    end = target;
    this.#drawnCursor = end;
    this.#term.write(out);
  }
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** What a listing shows of a candidate: a path's last component (a directory keeps its "/"). */
export function displayName(candidate: string): string {
  const dir = candidate.endsWith("/");
  const body = dir ? candidate.slice(0, -1) : candidate;
  const base = body.slice(body.lastIndexOf("/") + 1);
  return (base || body) + (dir ? "/" : "");
}

/**
 * Items in columns down then across, as readline lists completions: each column as wide as the
 * longest item plus two spaces, as many columns as fit in `cols` (one fewer when they would
 * fill the row exactly, which would make the terminal wrap), "\r\n" after each row.
 */
export function columns(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map((s) => s.length)) + 2;
  let per = Math.max(1, Math.floor(cols / width));
  if (per !== 1 && per * width === cols) per--;
  const rows = Math.ceil(items.length / per);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < per; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const last = (c + 1) * rows + r >= items.length;
      line += last ? item : item.padEnd(width);
    }
    out += line + "\r\n";
  }
  return out;
}
