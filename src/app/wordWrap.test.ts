import { describe, expect, it } from "vitest";
import { WordWrap } from "./wordWrap.ts";

/** The rows a terminal of `cols` columns would show for terminal text (no escapes). */
function screen(text: string, cols: number): string[] {
  const rows: string[] = [""];
  let x = 0;
  for (const ch of text) {
    if (ch === "\r") x = 0;
    else if (ch === "\n") rows.push("");
    else if (ch === "\t") x = Math.min(cols - 1, (Math.floor(x / 8) + 1) * 8);
    else {
      if (x >= cols) {
        rows.push("");
        x = 0;
      }
      const r = rows.length - 1;
      rows[r] = rows[r]!.padEnd(x) + ch;
      x++;
    }
  }
  return rows.map((r) => r.trimEnd());
}

const USAGE_TAIL =
  "Tree specific options are: ascii, utf, vt100; compact, inverted, notrunc;\r\n" +
  "                           blkdevname, [no]device, active, open, rw and uuid.\r\n";

describe("word wrap of console output", () => {
  it("breaks before a word that does not fit, never inside one", () => {
    const rows = screen(new WordWrap().feed(USAGE_TAIL, 58), 58);
    expect(rows).toEqual([
      "Tree specific options are: ascii, utf, vt100; compact,",
      "inverted, notrunc;",
      "                           blkdevname, [no]device, active,",
      "open, rw and uuid.",
      "",
    ]);
    // Every word of the text is whole on some row.
    for (const word of USAGE_TAIL.split(/\s+/).filter(Boolean))
      expect(
        rows.some((r) => r.split(/\s+/).includes(word)),
        word,
      ).toBe(true);
  });

  it("leaves lines that fit alone, and text already broken at the width", () => {
    const w = new WordWrap();
    expect(w.feed("dmsh# ok\r\nshort line\r\n", 80)).toBe("dmsh# ok\r\nshort line\r\n");
    const exact = "a".repeat(10) + "\r\n";
    expect(new WordWrap().feed(exact, 10)).toBe(exact);
  });

  it("follows the column across chunks, tabs and colours", () => {
    const w = new WordWrap();
    expect(w.feed("\x1b[31m12345\x1b[39m ", 10)).toBe("\x1b[31m12345\x1b[39m ");
    // Six columns used: "abcde" does not fit in the four left.
    expect(w.feed("abcde", 10)).toBe("\r\nabcde");
    const t = new WordWrap();
    // A tab to column 8, then a 3-letter word in a 10-column terminal: it goes below.
    expect(t.feed("\tabc", 10)).toBe("\t\r\nabc");
  });

  it("leaves a word longer than the line to the terminal", () => {
    const long = "x".repeat(25);
    expect(new WordWrap().feed(`ab ${long}\r\n`, 10)).toBe(`ab ${long}\r\n`);
  });

  it("starts again at column 0 after reset", () => {
    const w = new WordWrap();
    w.feed("123456789", 10);
    w.reset();
    expect(w.feed("abcdefgh", 10)).toBe("abcdefgh");
  });
});
