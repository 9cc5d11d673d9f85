import { describe, expect, it } from "vitest";
import { columns, displayName, LineEditor, typeahead } from "./lineEditor.ts";

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

  it("reads a pasted script line by line, as typeahead, and keeps an unfinished last line", () => {
    const { ed, out, reset } = editor();
    ed.input("echo ");
    reset();
    const script = "dmsetup create a <<EOF\n0 8 zero\nEOF\ndmsetup ls";
    // The first line is submitted; the rest comes back to be fed after the next prompt.
    let actions = ed.input(typeahead(`${script}\ndmsetup ta`));
    expect(actions).toEqual([
      { type: "submit", script: "echo dmsetup create a <<EOF" },
      { type: "typeahead", data: "0 8 zero\nEOF\ndmsetup ls\ndmsetup ta" },
    ]);
    expect(out()).toContain("dmsetup create a <<EOF");
    expect(out()).not.toContain("0 8 zero");
    // The shell says the heredoc is open: its lines continue it after "> ".
    ed.continueInput("echo dmsetup create a <<EOF");
    ed.showPrompt();
    reset();
    actions = ed.input(typeahead("0 8 zero\nEOF\ndmsetup ls\ndmsetup ta"));
    expect(actions[0]).toEqual({ type: "submit", script: "echo dmsetup create a <<EOF\n0 8 zero" });
    expect(out()).toContain("0 8 zero\r\n");
    expect(out()).not.toContain("EOF");
    ed.continueInput("echo dmsetup create a <<EOF\n0 8 zero");
    ed.showPrompt();
    actions = ed.input(typeahead("EOF\ndmsetup ls\ndmsetup ta"));
    expect(actions[0]).toEqual({
      type: "submit",
      script: "echo dmsetup create a <<EOF\n0 8 zero\nEOF",
    });
    // Whole now: it runs, then the next command is read on a fresh prompt.
    ed.showPrompt();
    actions = ed.input(typeahead("dmsetup ls\ndmsetup ta"));
    expect(actions).toEqual([
      { type: "submit", script: "dmsetup ls" },
      { type: "typeahead", data: "dmsetup ta" },
    ]);
    ed.showPrompt();
    expect(ed.input(typeahead("dmsetup ta"))).toEqual([]);
    expect(ed.buffer).toBe("dmsetup ta");
    // Without bracketed paste, a chunk with newlines is a paste too (\r from the clipboard).
    const { ed: ed2 } = editor();
    expect(ed2.input("a\rb\r")).toEqual([
      { type: "submit", script: "a" },
      { type: "typeahead", data: "b\n" },
    ]);
    expect(ed2.input(typeahead("b\n"))).toEqual([{ type: "submit", script: "b" }]);
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

  it('continues an unfinished script after a "> " prompt and submits it whole', () => {
    const { ed, out, reset } = editor();
    expect(ed.input("for i in 1 2; do\r")).toEqual([
      { type: "submit", script: "for i in 1 2; do" },
    ]);
    // The console asks the shell, which says it is unfinished.
    ed.continueInput("for i in 1 2; do");
    reset();
    ed.showPrompt();
    expect(out()).toBe("\x1b[38;5;245m>\x1b[39m ");
    expect(ed.continuing).toBe(true);
    expect(ed.input("echo $i\r")).toEqual([
      { type: "submit", script: "for i in 1 2; do\necho $i" },
    ]);
    ed.continueInput("for i in 1 2; do\necho $i");
    expect(ed.input("done\r")).toEqual([
      { type: "submit", script: "for i in 1 2; do\necho $i\ndone" },
    ]);
    expect(ed.continuing).toBe(false);
    // Each line is in the history, as typed.
    expect(ed.history.slice(-3)).toEqual(["for i in 1 2; do", "echo $i", "done"]);
  });

  it("continues a pasted unfinished script, and Ctrl-C abandons all of it", () => {
    const { ed, out, reset } = editor();
    expect(ed.input("\x1b[200~cat <<EOF\none\n\x1b[201~")).toEqual([
      { type: "submit", script: "cat <<EOF" },
      { type: "typeahead", data: "one\n" },
    ]);
    ed.continueInput("cat <<EOF");
    expect(ed.input(typeahead("one\n"))).toEqual([{ type: "submit", script: "cat <<EOF\none" }]);
    ed.continueInput("cat <<EOF\none");
    ed.input("two");
    reset();
    expect(ed.input("\x03")).toEqual([]);
    expect(ed.continuing).toBe(false);
    expect(ed.buffer).toBe("");
    // Back to the primary prompt.
    expect(out()).toBe("^C\r\n$ ");
    expect(ed.input("ls\r")).toEqual([{ type: "submit", script: "ls" }]);
  });

  it("completes on Tab: one candidate whole, several to their common prefix", () => {
    const { ed } = editor();
    ed.input("dmsetup rem");
    expect(ed.input("\t")).toEqual([{ type: "complete", line: "dmsetup rem" }]);
    ed.applyCompletion({ from: 8, candidates: ["remove", "remove_all"] });
    expect(ed.buffer).toBe("dmsetup remove");
    ed.input(" con");
    ed.applyCompletion({ from: 15, candidates: ["concat"] });
    expect(ed.buffer).toBe("dmsetup remove concat ");
    // A directory gets no space; completion works in the middle of a line too.
    ed.input("\x01\x1bf\x1bf\x1bf");
    const { ed: e2 } = editor();
    e2.input("ls /dev/ma -l");
    e2.input("\x1b[D\x1b[D\x1b[D");
    expect(e2.input("\t")).toEqual([{ type: "complete", line: "ls /dev/ma" }]);
    e2.applyCompletion({ from: 3, candidates: ["/dev/mapper/"] });
    expect(e2.buffer).toBe("ls /dev/mapper/ -l");
    expect(e2.cursor).toBe(15);
  });

  it("beeps on the first Tab that adds nothing and lists the candidates on the second", () => {
    const { ed, out, reset } = editor([], 40);
    ed.input("md5sum /dev/ra");
    reset();
    const c = { from: 7, candidates: ["/dev/ram0", "/dev/ram1", "/dev/ramdisk"] };
    ed.input("\t");
    ed.applyCompletion(c); // extends to the common prefix "/dev/ram"
    expect(ed.buffer).toBe("md5sum /dev/ram");
    reset();
    ed.input("\t");
    ed.applyCompletion({ ...c, from: 7 });
    expect(out()).toBe("\x07");
    reset();
    ed.input("\t");
    ed.applyCompletion(c);
    // The names, in columns, then the prompt and the line again.
    expect(out()).toBe("\r\nram0     ram1     ramdisk\r\n$ md5sum /dev/ram");
    // No candidates at all: a beep, nothing else.
    reset();
    ed.applyCompletion({ from: 7, candidates: [] });
    expect(out()).toBe("\x07");
  });

  it("asks before listing more than 100 candidates", () => {
    const { ed, out, reset } = editor([], 80);
    const many = { from: 0, candidates: Array.from({ length: 150 }, (_, i) => `cmd${i}`) };
    ed.input("\t");
    ed.applyCompletion(many); // the common prefix "cmd" goes in
    ed.input("\t");
    ed.applyCompletion(many); // a beep
    reset();
    ed.input("\t");
    ed.applyCompletion(many);
    expect(out()).toBe("\r\nDisplay all 150 possibilities? (y or n)");
    reset();
    // "n": nothing listed, the line again; the key is not typed.
    expect(ed.input("n")).toEqual([]);
    expect(out()).toBe("\r\n$ cmd");
    expect(ed.buffer).toBe("cmd");
    ed.input("\t");
    ed.applyCompletion(many);
    reset();
    ed.input("y");
    expect(out()).toContain("cmd0");
    expect(out()).toContain("cmd149");
    expect(out().endsWith("$ cmd")).toBe(true);
  });

  it("lists candidates down the columns as readline does", () => {
    const items = ["a1", "a2", "a3", "a4", "a5"];
    // Width 4 each; 10 columns fit 2 per row: three rows, filled column by column.
    expect(columns(items, 10)).toBe("a1  a4\r\na2  a5\r\na3\r\n");
    // Exactly filling the row would make the terminal wrap: one column fewer.
    expect(columns(items, 8)).toBe("a1\r\na2\r\na3\r\na4\r\na5\r\n");
    expect(displayName("/dev/mapper/")).toBe("mapper/");
    expect(displayName("/dev/ram0")).toBe("ram0");
    expect(displayName("dmsetup")).toBe("dmsetup");
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
