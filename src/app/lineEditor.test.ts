import { describe, expect, it } from "vitest";
import { LineEditor } from "./lineEditor.ts";

function editor(history: string[] = [], cols = 80) {
  let out = "";
  const ed = new LineEditor({ write: (s) => (out += s), cols }, "$ ", history);
  ed.showPrompt();
  return { ed, out: () => out, reset: () => (out = "") };
}

const LEFT = "\x1b[D";
const UP = "\x1b[A";
const DOWN = "\x1b[B";

describe("line editor", () => {
  it("types, edits in the middle, and submits the line", () => {
    const { ed, out } = editor();
    expect(ed.input("dmsetup ls")).toEqual([]);
    ed.input(LEFT + LEFT + "\x7f" + "X");
    expect(ed.buffer).toBe("dmsetupXls");
    expect(ed.cursor).toBe(8);
    ed.input("\x01"); // Ctrl-A
    ed.input("\x1b[3~"); // Delete
    expect(ed.buffer).toBe("msetupXls");
    expect(ed.input("\r")).toEqual([{ type: "submit", script: "msetupXls" }]);
    expect(ed.buffer).toBe("");
    expect(out()).toContain("$ ");
  });

  it("walks history with up and down, keeping the draft", () => {
    const { ed } = editor(["one", "two"]);
    ed.input("dra");
    ed.input(UP);
    expect(ed.buffer).toBe("two");
    ed.input(UP + UP);
    expect(ed.buffer).toBe("one");
    ed.input(DOWN + DOWN);
    expect(ed.buffer).toBe("dra");
    ed.input("ft\r");
    ed.input(UP);
    expect(ed.buffer).toBe("draft");
    expect(ed.history).toEqual(["one", "two", "draft"]);
  });

  it("kills words and lines", () => {
    const { ed } = editor();
    ed.input("dmsetup create foo");
    ed.input("\x17");
    expect(ed.buffer).toBe("dmsetup create ");
    ed.input("\x1bb\x0b");
    expect(ed.buffer).toBe("dmsetup ");
    ed.input("\x15");
    expect(ed.buffer).toBe("");
  });

  it("submits a pasted multi-line script whole and keeps an unfinished last line", () => {
    const { ed, out, reset } = editor();
    ed.input("echo ");
    reset();
    const script = "dmsetup create a <<EOF\n0 8 zero\nEOF\ndmsetup ls";
    const actions = ed.input(`\x1b[200~${script}\ndmsetup ta\x1b[201~`);
    expect(actions).toEqual([{ type: "submit", script: `echo ${script}` }]);
    expect(ed.buffer).toBe("dmsetup ta");
    expect(out()).toContain("\r\n\x1b[2m>\x1b[22m 0 8 zero");
    // Without bracketed paste, a chunk with newlines is a paste too (\r from the clipboard).
    const { ed: ed2 } = editor();
    expect(ed2.input("a\rb\r")).toEqual([{ type: "submit", script: "a\nb" }]);
    expect(ed2.history).toEqual(["a", "b"]);
  });

  it("Ctrl-C abandons the line, Ctrl-L asks for a clear", () => {
    const { ed, out } = editor();
    ed.input("oops");
    expect(ed.input("\x03")).toEqual([]);
    expect(ed.buffer).toBe("");
    expect(out()).toContain("^C\r\n");
    expect(ed.input("\x0c")).toEqual([{ type: "clear" }]);
  });

  it("redraws wrapped lines from the prompt's row", () => {
    const { ed, out, reset } = editor([], 10);
    ed.input("abcdefghijkl"); // 2 + 12 cells: two rows
    reset();
    ed.input("\x01");
    // Back up one row, clear, redraw, then put the cursor just after the prompt.
    expect(out()).toBe("\x1b[1A\r\x1b[J$ abcdefghijkl\x1b[1A\r\x1b[2C");
  });
});
