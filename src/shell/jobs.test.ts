/**
 * The job builtins at the console and across runs of one shell (goldens 242-244 check scripts
 * against Linux). Formats from busybox 1.35 in the kernel tool: with 11 jobs, `jobs` printed
 * `[11]+  Running                   ` (still padded to column 33) and `[9]   Running`.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell } from "./index.ts";

function shell() {
  const sh = createShell(new Engine({ seed: 1 }));
  const run = async (script: string) => {
    let out = "";
    const status = await sh.run(script, { onOutput: (_s, t) => (out += t) });
    return { status, out };
  };
  return run;
}

describe("jobs", () => {
  it("numbers jobs past 9 with the marks and padding of showjob", async () => {
    const run = shell();
    const r = await run("for i in 1 2 3 4 5 6 7 8 9 10 11; do sleep 1 & done; jobs");
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("[11]+  Running                   ");
    expect(lines[1]).toBe("[10]-  Running                   ");
    expect(lines[2]).toBe("[9]   Running                    ");
    expect(lines.length).toBe(12);
  });

  it("keeps the table from one console line to the next", async () => {
    const run = shell();
    // Headless, time jumps once no process runs: between lines the job runs to its end.
    await run("sleep 1 &");
    expect((await run("jobs")).out).toBe("[1]+  Done                       \n");
    expect((await run("jobs")).out).toBe("");
    await run("sleep 1 & sleep 1 & kill %2");
    expect((await run("jobs")).out).toBe(
      "[2]+  Terminated                 \n[1]+  Done                       \n",
    );
  });

  it("reports errors as an interactive ash does: no script name, no line", async () => {
    const run = shell();
    const fg = await run("fg");
    expect(fg).toEqual({ status: 2, out: "sh: fg: No current job\n" });
    expect((await run("kill %2")).out).toBe("sh: kill: %2: no such job\n");
    expect((await run("kill 4242; echo rc=$?")).out).toBe(
      "sh: can't kill pid 4242: No such process\nrc=1\n",
    );
  });

  it("does not stop a job for a signal a background job ignores", async () => {
    const run = shell();
    const r = await run("sleep 1 & kill -INT %1; kill -QUIT $!; jobs; wait $!; echo rc=$?");
    expect(r.out).toBe("[1]+  Running                    \nrc=0\n");
  });
});
