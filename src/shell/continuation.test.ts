import { describe, expect, it } from "vitest";
import { inputState } from "./continuation.ts";

const more = (s: string) => inputState(s).complete === false;

describe("continuation (bash's PS2)", () => {
  it("asks for more inside unfinished constructs", () => {
    for (const s of [
      "cat <<EOF",
      "cat <<EOF\nhello",
      "cat <<-'EOF'\n\tone\n\ttwo",
      "dmsetup create x <<'EOF'\n0 8 zero",
      "for i in 1 2; do",
      "for i in 1 2; do\necho $i",
      "for i in 1 2",
      "if true; then",
      "if true; then echo a; else",
      "if true; then echo a\nelif false; then",
      "while true",
      "while true; do",
      "until false; do",
      "case x in",
      "case x in\nx) echo;;",
      "{",
      "{ echo",
      "(",
      "( echo",
      "f() {",
      "f()",
      "echo 'abc",
      'echo "abc',
      "echo 'one\ntwo",
      "echo $(",
      "echo $(ls",
      "echo `ls",
      "echo ${",
      "[[ a",
      "x=(1 2",
      "echo a |",
      "echo a &&",
      "echo a ||",
      "echo a \\",
      "echo a\\",
      "dmsetup create x --table \\",
    ])
      expect(more(s), JSON.stringify(s)).toBe(true);
  });

  it("takes whole scripts, and syntax errors, as complete", () => {
    for (const s of [
      "",
      "echo a",
      "cat <<EOF\nhello\nEOF",
      "cat <<'EOF'\nline \\\nEOF",
      "for i in 1 2; do\necho $i\ndone",
      "if true; then echo; fi",
      "case x in x) echo;; esac",
      "{ echo; }",
      "f() { echo; }",
      "echo 'a' \"b\"",
      "echo a | cat",
      "echo a \\\\",
      "# a comment \\",
      "echo a # comment \\",
      // Errors bash reports at once rather than waiting for more.
      "fi",
      "done",
      "then",
      ";;",
      "echo a; fi",
      "echo <",
      "echo >",
    ])
      expect(more(s), JSON.stringify(s)).toBe(false);
  });

  it("says why it waits", () => {
    expect(inputState("for i in 1; do")).toEqual({
      complete: false,
      reason: expect.stringMatching(/done|DONE/) as unknown as string,
    });
    expect(inputState("cat <<EOF")).toEqual({
      complete: false,
      reason: "here-document not terminated",
    });
  });
});
