/**
 * Headless (eager) runs with background jobs: a process waiting on I/O moves virtual time only
 * as far as the other processes allow (Engine.waitFor, Shell.nextWakeup), so a `sleep` beside a
 * slow write wakes on time instead of after the write (golden 584 has the thin-pool case).
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell } from "./index.ts";

async function run(script: string): Promise<{ out: string; e: Engine }> {
  const e = new Engine({ seed: 1 });
  const sh = createShell(e);
  let out = "";
  await sh.run(script, { onOutput: (_s, t) => (out += t) });
  return { out, e };
}

describe("a background job waiting on I/O beside a sleeper", () => {
  it("a sleep of 1 s beside a 5 s write takes 1 s, and the write still takes 5 s", async () => {
    const { out, e } = await run(
      [
        "modprobe brd rd_nr=1 rd_size=1024",
        'dmsetup create d --table "0 8 delay /dev/ram0 0 5000"',
        "dd if=/dev/zero of=/dev/mapper/d bs=4k count=1 oflag=direct 2>/dev/null &",
        "time sleep 1",
        "dmsetup status d",
        "wait",
        "echo done",
      ].join("\n"),
    );
    expect(out).toMatch(/^real\t0m 1\.00s\n/);
    // The status ran at 1 s, with the write still in the delay target.
    expect(out).toContain("0 8 delay 0 1 0\n");
    expect(out).toContain("done\n");
    expect(e.now).toBeGreaterThanOrEqual(5e9);
    expect(e.now).toBeLessThan(6e9);
  });

  it("two background writers and the script's sleeps interleave on one timeline", async () => {
    const { out } = await run(
      [
        "modprobe brd rd_nr=2 rd_size=1024",
        'dmsetup create a --table "0 8 delay /dev/ram0 0 3000"',
        'dmsetup create b --table "0 8 delay /dev/ram1 0 2000"',
        "dd if=/dev/zero of=/dev/mapper/a bs=4k count=1 oflag=direct 2>/dev/null && echo a-done &",
        "dd if=/dev/zero of=/dev/mapper/b bs=4k count=1 oflag=direct 2>/dev/null && echo b-done &",
        "sleep 1; echo one",
        "sleep 3; echo four",
        "wait",
      ].join("\n"),
    );
    expect(out.split("\n").filter(Boolean)).toEqual(["one", "b-done", "a-done", "four"]);
  });
});
