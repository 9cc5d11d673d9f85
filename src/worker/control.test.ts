/**
 * Control requests never queue behind shell commands (CONTRACTS.md D): with the console's
 * command stuck on a suspended device, Ctrl-C (interrupt), reset, the table editor's loads and
 * state reads are all answered, and the console is usable again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { RECORD_SLOTS } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { EngineClient } from "./client.ts";
import { EngineHost, type HostOptions } from "./host.ts";
import { inProcessWorker } from "./testing/inProcessWorker.ts";
import { PACE_REAL_TIME } from "./protocol.ts";
import { createRing } from "./ring.ts";

function connect(options: HostOptions) {
  const { worker } = inProcessWorker(
    (port) => new EngineHost(port, (engine) => createShell(engine), undefined, options),
  );
  return worker;
}

let client: EngineClient | null = null;
afterEach(() => client?.dispose());

async function paced(): Promise<EngineClient> {
  const ring = createRing({ capacity: 1 << 12, recordWords: RECORD_SLOTS });
  const worker = connect({ drive: "paced" });
  client = new EngineClient({ createWorker: () => worker, ring, seed: 3, pingIntervalMs: 1e6 });
  await client.start();
  await client.call("setPace", { speed: "max" });
  return client;
}

const SETUP =
  "modprobe brd rd_nr=1 rd_size=1024\ndmsetup create s --table '0 2048 linear /dev/ram0 0'";

/** Collects a run's output; resolves with its exit code and what it printed. */
function run(c: EngineClient, script: string) {
  let out = "";
  const done = c.runShell(script, (_s, t) => (out += t)).then((r) => ({ ...r, out }));
  return { done, output: () => out };
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe("control requests while a command hangs", () => {
  it("Ctrl-C answers the stuck command with 130, drops its later output, and frees the console", async () => {
    const c = await paced();
    expect((await run(c, `${SETUP}\ndmsetup suspend s`).done).exitCode).toBe(0);
    const stuck = run(c, "dd if=/dev/zero of=/dev/mapper/s bs=4096 count=1 oflag=direct");
    const next = run(c, "echo typed-ahead");
    await tick();
    // The stuck command holds the console, but state reads and status are answered.
    const state = await c.refreshState();
    expect(state.devices.find((d) => d.name === "s")?.suspended).toBe(true);
    expect((await c.call("targetStatus", { name: "s" }))[0]?.type).toBe("linear");
    expect(await c.call("interrupt", {})).toEqual({ interrupted: true });
    const r = await stuck.done;
    expect(r.exitCode).toBe(130);
    // Killed by SIGINT: nothing more from dd (no error line, no record counts).
    expect(r.out).toBe("");
    // The command typed after it runs.
    expect(await next.done).toMatchObject({ exitCode: 0, out: "typed-ahead\n" });
    // Nothing to interrupt now.
    expect(await c.call("interrupt", {})).toEqual({ interrupted: false });
    const info = await run(c, "dmsetup info -c --noheadings -o name,attr s").done;
    expect(info.out).toBe("s:L-sw\n"); // suspended, and no longer open
  });

  it("the table editor loads and resumes while the console hangs; the stuck write then completes", async () => {
    const c = await paced();
    await run(c, `${SETUP}\ndmsetup suspend s`).done;
    const stuck = run(
      c,
      "dd if=/dev/zero of=/dev/mapper/s bs=4096 count=1 oflag=direct; echo rc=$?",
    );
    await tick();
    const load = await c.call("loadTable", {
      name: "s",
      table: "0 2048 linear /dev/ram0 0",
      resume: true,
    });
    expect(load.exitCode).toBe(0);
    const r = await stuck.done;
    expect(r.exitCode).toBe(0);
    expect(r.out).toContain("rc=0");
  });

  it("reset answers every queued and running command and gives a fresh engine", async () => {
    const c = await paced();
    await run(c, `${SETUP}\ndmsetup suspend s`).done;
    const stuck = run(c, "dd if=/dev/zero of=/dev/mapper/s bs=4096 count=1 oflag=direct");
    const queued = run(c, "echo never");
    await tick();
    await c.call("reset", { seed: 3 });
    expect(await stuck.done).toMatchObject({ exitCode: 130, out: "" });
    expect(await queued.done).toMatchObject({ exitCode: 130, out: "" });
    const state = await c.refreshState();
    expect(state.devices).toEqual([]);
    expect(state.disks).toEqual([]);
    // The console works on the new engine.
    expect((await run(c, "dmsetup ls").done).out).toBe("No devices found\n");
  });

  it("a paused clock holds a sleeping command until resumed; Ctrl-C frees it meanwhile", async () => {
    const c = await paced();
    await c.call("setPace", { speed: PACE_REAL_TIME, paused: true });
    const sleeping = run(c, "sleep 1; echo woke");
    await tick();
    const pace = await c.call("getPace", {});
    expect(pace.paused).toBe(true);
    expect(pace.next).toBe(pace.now + 1e9);
    expect(await c.call("interrupt", {})).toEqual({ interrupted: true });
    expect(await sleeping.done).toMatchObject({ exitCode: 130, out: "" });
  });

  it("the editor's check includes the resume's: a table past the end of its disk is refused before it is loaded", async () => {
    const c = await paced();
    await run(c, SETUP).done;
    // A first table (a new device) is checked at load; a reload only at resume (golden 069).
    const problems = await c.call("validateTable", {
      name: "s",
      table: "0 4096 linear /dev/ram0 0",
    });
    expect(problems.map((p) => p.message)).toEqual([
      "device-mapper: table: 254:0: ram0 too small for target: start=0, len=4096, dev_size=2048",
      "device-mapper: resume ioctl on s  failed: Invalid argument (Load would pass; the resume would fail and leave the device suspended)",
    ]);
    expect(problems[0]?.line).toBe(1);
    expect(await c.call("validateTable", { name: "s", table: "0 2048 zero" })).toEqual([]);
    // Loaded and resumed anyway, it fails as Linux's does and leaves the device suspended.
    const load = await c.call("loadTable", {
      name: "s",
      table: "0 4096 linear /dev/ram0 0",
      resume: true,
    });
    expect(load.exitCode).toBe(1);
    expect(load.output).toContain("resume ioctl on s  failed: Invalid argument");
    const state = await c.refreshState();
    expect(state.devices.find((d) => d.name === "s")).toMatchObject({
      suspended: true,
      sectors: 2048,
    });
  });

  it("Ctrl-C frees the console from a target that keeps a bio (a delay of a day, at 1x)", async () => {
    const c = await paced();
    await c.call("setPace", { speed: PACE_REAL_TIME });
    await run(
      c,
      "modprobe brd rd_nr=1 rd_size=1024\ndmsetup create d --table '0 2048 delay /dev/ram0 0 86400000'",
    ).done;
    const stuck = run(c, "dd if=/dev/mapper/d of=/dev/null bs=4k count=1 iflag=direct");
    await tick();
    expect(await c.call("interrupt", {})).toEqual({ interrupted: true });
    expect(await stuck.done).toMatchObject({ exitCode: 130, out: "" });
    // The bio is still in the target, on the clock: a day away.
    const pace = await c.call("getPace", {});
    expect(pace.next).toBeGreaterThanOrEqual(86_400_000 * 1e6);
    // dm-delay's INFO status: reads, writes and flushes it holds.
    expect((await run(c, "dmsetup status d").done).out).toBe("0 2048 delay 1 0 0\n");
  });
});
