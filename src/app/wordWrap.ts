/**
 * Word wrap for command output in the console. A terminal breaks a line that is too long at
 * its last column, in the middle of a word; dmsetup's usage (80 columns, as the real dmsetup
 * prints it, unwrapped) then reads `act` / `ive` in a narrow console. This puts the line break
 * before a word that would not fit instead, as `fold -s` would. Words longer than the whole
 * width are left to the terminal's own wrapping.
 *
 * It follows the cursor's column through the text it is fed: printable characters, carriage
 * return, tab stops every 8 columns, backspace; escape sequences (colours) take no room. Output
 * that moves the cursor otherwise is not followed; the column is reset when a new command
 * starts (the prompt's line ended with Enter).
 */

// Escape sequences and control characters are what this pattern matches.
const TOKEN =
  // eslint-disable-next-line no-control-regex
  /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|[\x00-\x1f]|[^\s\x00-\x1f\x1b]+|[ \u00a0]/gu;

export class WordWrap {
  /** The cursor's column, 0-based; `cols` means the line is full (the next character wraps). */
  #x = 0;

  /** The cursor is at the start of a line (after Enter). */
  reset(): void {
    this.#x = 0;
  }

  /** `text` (terminal text) with "\r\n" before each word that would not fit on its line. */
  feed(text: string, cols: number): string {
    if (cols < 2) return text;
    let out = "";
    for (const m of text.matchAll(TOKEN)) {
      const t = m[0];
      const c = t.charCodeAt(0);
      if (t.startsWith("\x1b")) {
        out += t;
      } else if (c === 0x0d) {
        this.#x = 0;
        out += t;
      } else if (c === 0x09) {
        this.#x = Math.min(cols - 1, (Math.floor(Math.min(this.#x, cols - 1) / 8) + 1) * 8);
        out += t;
      } else if (c === 0x08) {
        this.#x = Math.max(0, Math.min(this.#x, cols - 1) - 1);
        out += t;
      } else if (c < 0x20) {
        out += t; // \n keeps the column (text here always has \r\n); BEL and others no room
      } else {
        const width = [...t].length;
        const space = t === " " || t === "\u00a0";
        if (space && this.#x >= cols) {
          // A space just after a full line would start the next one: break there instead.
          out += "\r\n";
          this.#x = 0;
          continue;
        }
        if (!space && this.#x > 0 && this.#x + width > cols && width <= cols) {
          out += "\r\n";
          this.#x = 0;
        }
        out += t;
        // A full line wraps at its next character: the column is then that of the remainder.
        this.#x = this.#x >= cols ? 0 : this.#x;
        this.#x = width === 0 ? this.#x : ((this.#x + width - 1) % cols) + 1;
      }
    }
    return out;
  }
}
