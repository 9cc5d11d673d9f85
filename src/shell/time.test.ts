/**
 * `time` reports virtual time (commands/time.ts) in busybox's format, recorded from Debian 12's
 * busybox in the kernel tool: `time sleep 1` printed `real\t0m 1.01s` (its wall clock; ours is
 * the engine's clock, so exactly 1.00), `time -p sleep 0.5` printed `real 0.52`.
 */

import { describe, expect, it } from "vitest";
import { Engine, NS_PER_MS } from "../engine/index.ts";
import { createShell } from "./index.ts";

async function run(script: string) {
  const engine = new Engine({ seed: 1 });
  const shell = createShell(engine);
  let out = "";
  const status = await shell.run(script, { onOutput: (_s, t) => (out += t) });
  return { status, out, engine };
}

describe("time", () => {
  it("reports the engine's clock as busybox's time applet prints it", async () => {
    const r = await run("time sleep 1\necho rc=$?");
    expect(r.out).toBe("real\t0m 1.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\nrc=0\n");
    expect(r.engine.now).toBe(1000 * NS_PER_MS);
  });

  it("-p, truncated hundredths, minutes and hours", async () => {
    const r = await run("time -p sleep 0.509\ntime sleep 61.5\ntime sleep 3725");
    expect(r.out).toBe(
      [
        "real 0.50\nuser 0.00\nsys 0.00",
        "real\t1m 1.50s\nuser\t0m 0.00s\nsys\t0m 0.00s",
        "real\t1h 2m 05s\nuser\t0m 0.00s\nsys\t0m 0.00s",
        "",
      ].join("\n"),
    );
  });

  // As Linux prints them (busybox's time applet; `!` after time is its argument, not a negation).
  it("keeps the timed pipeline's status, negation and and output order", async () => {
    const r = await run("time false; echo rc=$?\ntime ! false; echo rc=$?\ntime echo hi | cat");
    expect(r.out).toBe(
      "Command exited with non-zero status 1\n" +
        "real\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\nrc=1\n" +
        "time: can't execute '!': No such file or directory\n" +
        "Command exited with non-zero status 127\n" +
        "real\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\nrc=127\n" +
        "hi\nreal\t0m 0.00s\nuser\t0m 0.00s\nsys\t0m 0.00s\n",
    );
  });
});
