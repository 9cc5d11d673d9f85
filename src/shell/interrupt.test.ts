/**
 * A shell loop that never waits keeps the worker from reading messages: it still hears Ctrl-C
 * through the shared call cell (callCell.ts), and its heartbeat tells the watchdog it is busy,
 * not hung. Here another thread plays the page.
 */

import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { CALL_CELL_BYTES, SHELL_INTERRUPT_WORD, shellBeat } from "../engine/callCell.ts";
import { Engine } from "../engine/index.ts";
import { createShell } from "./index.ts";

describe("a busy shell loop", () => {
  it("stops with status 130 when the page bumps the interrupt word, and beats meanwhile", async () => {
    const engine = new Engine({ seed: 1 });
    const cell = new SharedArrayBuffer(CALL_CELL_BYTES);
    engine.modules.attachCallCell(cell);
    const shell = createShell(engine);
    // The "page": waits until the shell has run a few thousand statements, then interrupts.
    const page = new Worker(
      `const { workerData } = require("node:worker_threads");
       const w = new Int32Array(workerData.cell, 0, 8);
       while (Atomics.load(w, 3) < 5000) Atomics.wait(w, 7, 0, 5);
       Atomics.add(w, ${SHELL_INTERRUPT_WORD}, 1);`,
      { eval: true, workerData: { cell } },
    );
    let out = "";
    const status = await shell.run("i=0; while true; do i=$((i+1)); done; echo never", {
      onOutput: (_s, text) => (out += text),
    });
    await page.terminate();
    expect(status).toBe(130);
    expect(out).not.toContain("never");
    expect(shellBeat(cell)).toBeGreaterThanOrEqual(5000);
    // The shell is usable again.
    let after = "";
    await shell.run("echo ok", { onOutput: (_s, text) => (after += text) });
    expect(after).toBe("ok\n");
  });
});
