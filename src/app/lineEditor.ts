/**
 * A readline for the console: line editing, history and paste, on a terminal that understands
 * VT100 (xterm.js). Pure: it turns key input into terminal output and submitted scripts, so it
 * is tested without a terminal.
 *
 * Paste: a pasted text (bracketed-paste mode, or several characters with a newline arriving
 * in one chunk) is inserted at the cursor; every complete line of the result is submitted as
 * ONE script, so a pasted heredoc or multi-line table arrives whole; the unfinished last line
 * stays in the editor.
 */

export interface Terminal {
  write(data: string): void;
  /** Columns, for redrawing lines that wrap. */
  readonly cols: number;
}

export type EditorAction = { type: "submit"; script: string } | { type: "clear" };

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
  #prompt: string;
  #promptWidth: number;
  #maxHistory: number;

  constructor(term: Terminal, prompt: string, history: string[] = [], maxHistory = 500) {
    this.#term = term;
    this.#prompt = prompt;
    // eslint-disable-next-line no-control-regex
    this.#promptWidth = prompt.replace(/\x1b\[[0-9;]*m/g, "").length;
    this.history = history.slice(-maxHistory);
    this.#historyIndex = this.history.length;
    this.#maxHistory = maxHistory;
  }

  /** Prints the prompt and the current buffer on a fresh line. */
  showPrompt(): void {
    this.#drawnCursor = 0;
    this.#term.write(this.#prompt);
    this.#drawnCursor = this.#promptWidth;
    this.#render(false);
  }

  /** Feeds terminal input (xterm's onData); returns what the console should do. */
  input(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    const looksPasted = !data.startsWith("\x1b") && data.length > 1 && /[\r\n]/.test(data);
    if (looksPasted) {
      this.#paste(data, actions);
      return actions;
    }
    for (const token of data.match(TOKEN) ?? []) {
      if (token.startsWith("\x1b[200~")) this.#paste(token.slice(6, -6), actions);
      else this.#key(token, actions);
    }
    return actions;
  }

  #key(k: string, actions: EditorAction[]): void {
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
      case "\x03": // Ctrl-C: abandon the line
        this.#term.write("^C\r\n");
        this.buffer = "";
        this.cursor = 0;
        this.#historyIndex = this.history.length;
        this.showPrompt();
        return;
      case "\x0c": // Ctrl-L
        actions.push({ type: "clear" });
        return;
      case "\t":
        this.#insert("  ");
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
    const script = full.slice(0, cut);
    const rest = full.slice(cut + 1);
    // Show the script as typed: first line on the prompt, the rest as continuation lines.
    this.buffer = script.split("\n")[0] ?? "";
    this.cursor = this.buffer.length;
    this.#render(true);
    const more = script.split("\n").slice(1);
    for (const line of more) this.#term.write(`\r\n\x1b[2m>\x1b[22m ${line}`);
    this.#term.write("\r\n");
    for (const line of script.split("\n")) this.#remember(line);
    this.buffer = rest;
    this.cursor = rest.length;
    this.#drawnCursor = 0;
    actions.push({ type: "submit", script });
  }

  #submit(line: string, actions: EditorAction[]): void {
    this.#move(this.buffer.length);
    this.#term.write("\r\n");
    this.#remember(line);
    this.buffer = "";
    this.cursor = 0;
    this.#drawnCursor = 0;
    actions.push({ type: "submit", script: line });
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
