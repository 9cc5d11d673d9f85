/**
 * The console's questions to the worker (continuation, completion, terminal width) are answered
 * at once, even while the console's command waits for ever.
 */

import { afterEach, describe, expect, it } from "vitest";
import { RECORD_SLOTS } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { EngineClient } from "./client.ts";
import { EngineHost } from "./host.ts";
import { inProcessWorker } from "./testing/inProcessWorker.ts";
import { createRing } from "./ring.ts";

function connect() {
  // Paced, as in the browser: a paused clock makes `sleep` wait until it is resumed.
  const { worker } = inProcessWorker(
    (port) =>
      new EngineHost(port, (engine) => createShell(engine), undefined, {
        drive: "paced",
      }),
  );
  return worker;
}

let client: EngineClient | null = null;
afterEach(() => client?.dispose());

describe("the console's requests", () => {
  it("are answered while a command waits", async () => {
    const worker = connect();
    const ring = createRing({ capacity: 1 << 12, recordWords: RECORD_SLOTS });
    client = new EngineClient({ createWorker: () => worker, ring, seed: 3, pingIntervalMs: 1e6 });
    await client.start();
    await client.runShell("modprobe brd rd_nr=2 rd_size=1024\nmkdir -p /tmp/d", () => {});
    await client.call("setPace", { paused: true });
    let finished = false;
    let out = "";
    // Waits on the paused clock: still running while the questions below are answered.
    const running = client
      .runShell("sleep 1; ls -C /dev", (_s, t) => (out += t))
      .then(() => (finished = true));
    running.catch(() => {});
    expect(await client.call("shellInput", { script: "for i in 1; do" })).toMatchObject({
      complete: false,
    });
    expect(await client.call("shellInput", { script: "echo hi" })).toEqual({ complete: true });
    expect(await client.call("complete", { line: "blockdev --getsize64 /dev/ram" })).toEqual({
      from: 21,
      word: "/dev/ram",
      candidates: ["/dev/ram0", "/dev/ram1"],
    });
    expect(await client.call("complete", { line: "dmsetup tar" })).toMatchObject({
      candidates: ["target-version", "targets"],
    });
    // COLUMNS applies from the next command on: this one is already running.
    expect(await client.call("setColumns", { columns: 30 })).toEqual({});
    expect(finished).toBe(false);
    await client.call("setPace", { paused: false, speed: "max" });
    await running;
    const r = await client.runShell("echo $COLUMNS", (_s, t) => (out += t));
    expect(r.exitCode).toBe(0);
    expect(out.trim().split("\n").pop()).toBe("30");
  });
});
