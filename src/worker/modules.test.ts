/**
 * User target modules over the worker protocol: insmod (with the consent rule for code from a
 * link), lsmod, rmmod, reloadModule, moduleProblems; and a module that hangs in map: the
 * watchdog restarts the worker, the current-call cell names the module and op, the module is
 * marked faulty and not loaded again, its devices are not rebuilt, everything else is.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RECORD_SLOTS } from "../engine/index.ts";
import { EngineClient, type RestartReport, type WorkerLike } from "./client.ts";
import { EngineHost, type Port, type ShellFactory } from "./host.ts";
import type { WorkerMessage, WorkerRequest } from "./protocol.ts";
import { createRing } from "./ring.ts";

const sample = (f: string) => readFileSync(join(import.meta.dirname, "../samples", f), "utf8");

/** Like dm-ulinear, but map calls a hook the test uses to make the worker "hang" there. */
const HANGS = sample("dm-ulinear.ts")
  .replace('name: "ulinear"', 'name: "hangs"')
  .replace("const lc = t.priv;", "const lc = t.priv;\n    (globalThis as any).__hangHere?.();");

const shell: ShellFactory = (engine) => ({
  async run(script) {
    if (script === "setup") {
      engine.loadBrd(2, 1024);
      engine.dm.create("a");
      engine.dm.load("a", "0 2048 ulinear /dev/ram0 0");
      await engine.dm.resume("a");
      engine.dm.create("h");
      engine.dm.load("h", "0 2048 hangs /dev/ram1 0");
      await engine.dm.resume("h");
      await engine.write("/dev/mapper/a", 0, new Uint8Array(512).fill(9));
    }
    if (script === "read h") await engine.read("/dev/mapper/h", 0, 512);
    return 0;
  },
});

/**
 * A worker whose thread stops answering when user code calls `__hangHere` (as an endless loop
 * in map would): from then on it answers nothing, and the current-call cell keeps what it said
 * at that moment.
 */
function hangableWorker() {
  const { port1, port2 } = new MessageChannel();
  let hung = false;
  const hostPort: Port = {
    postMessage: (m) => {
      if (!hung) port1.postMessage(m);
    },
    onmessage: null,
  };
  port1.on("message", (data: WorkerRequest) => {
    if (!hung) hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>);
  });
  const host = new EngineHost(hostPort, shell);
  const worker: WorkerLike = {
    postMessage: (m) => port2.postMessage(m),
    terminate: () => {
      host.close();
      port1.close();
    },
    onmessage: null,
  };
  port2.on("message", (data: WorkerMessage) => worker.onmessage?.({ data }));
  return { host, worker, hang: () => (hung = true) };
}

let client: EngineClient | null = null;
afterEach(() => {
  client?.dispose();
  delete (globalThis as Record<string, unknown>).__hangHere;
  vi.useRealTimers();
});

function newClient(workers: Array<ReturnType<typeof hangableWorker>>, reports: RestartReport[]) {
  return new EngineClient({
    createWorker: () => {
      const w = hangableWorker();
      workers.push(w);
      return w.worker;
    },
    ring: createRing({ capacity: 4096, recordWords: RECORD_SLOTS }),
    seed: 3,
    pingIntervalMs: 20,
    hangTimeoutMs: 150,
    onRestart: (r) => reports.push(r),
  });
}

describe("modules over the worker protocol", () => {
  it("insmod, lsmod, moduleProblems, reloadModule, rmmod", async () => {
    client = newClient([], []);
    await client.start();
    const info = await client.insmod("dm-bug-flush.ts", sample("dm-bug-flush.ts"));
    expect(info).toMatchObject({ name: "dm_bug_flush", useCount: 0, builtin: false });
    await expect(client.insmod("dm-bug-flush.ts", sample("dm-bug-flush.ts"))).rejects.toThrow(
      "File exists",
    );
    await expect(client.insmod("dm-x.ts", "export default {\n  name: 'x',,\n}")).rejects.toThrow(
      /^dm-x\.ts:2:\d+: SyntaxError/,
    );
    expect((await client.lsmod()).map((m) => m.name)).toContain("dm_bug_flush");
    expect(await client.moduleProblems()).toEqual([]);
    const report = await client.reloadModule(
      "dm_bug_flush",
      "dm-bug-flush.ts",
      sample("dm-bug-flush.ts").replace("[1, 0, 0]", "[1, 0, 1]"),
    );
    expect(report).toEqual({ module: "dm_bug_flush", reloaded: [], failed: [] });
    await client.rmmod("dm-bug-flush");
    expect((await client.lsmod()).map((m) => m.name)).not.toContain("dm_bug_flush");
  });

  it("refuses code from a link or a file until the user agrees", async () => {
    client = newClient([], []);
    await client.start();
    const src = sample("dm-proxy.ts");
    await expect(client.insmod("dm-proxy.ts", src, { origin: "link" })).rejects.toThrow(
      /runs only after you agree/,
    );
    expect((await client.lsmod()).map((m) => m.name)).not.toContain("dm_proxy");
    await client.insmod("dm-proxy.ts", src, { origin: "link", consent: true });
    expect((await client.lsmod()).map((m) => m.name)).toContain("dm_proxy");
  });

  it("a module that hangs in map: restart, module faulty, its device not rebuilt", async () => {
    const workers: Array<ReturnType<typeof hangableWorker>> = [];
    const reports: RestartReport[] = [];
    client = newClient(workers, reports);
    await client.start();
    await client.insmod("dm-ulinear.ts", sample("dm-ulinear.ts"));
    await client.insmod("dm-hangs.ts", HANGS);
    await client.runShell("setup", () => undefined);
    await client.refreshState();
    // The worker stops in dm_hangs's map: the cell says so until the watchdog ends the worker.
    const cell = new Int32Array(client.callCell, 0, 4);
    (globalThis as Record<string, unknown>).__hangHere = () => {
      const stuck = [...cell];
      workers[0]!.hang();
      setTimeout(() => cell.set(stuck), 0);
    };
    void client.runShell("read h", () => undefined).catch(() => undefined);
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3000 });
    const r = reports[0]!;
    expect(r.hung).toEqual({ module: "dm_hangs", op: "map" });
    expect(r.notRebuilt).toEqual(["h"]);
    expect(r.devices).toEqual(["a"]);
    expect(r.output).toContain(
      "dm_hangs: map hung; the module is marked faulty and was not loaded again; not rebuilt: h",
    );
    expect(client.faultyModules.get("dm_hangs")).toBe("map hung");
    const engine = workers[1]!.host.engine!;
    expect(engine.modules.loaded().map((m) => m.name)).toEqual(["dm_ulinear"]);
    expect(engine.dm.byName("h")).toBeUndefined();
    const data = await engine.read("/dev/mapper/a", 0, 512);
    expect(data.every((b) => b === 9)).toBe(true);
    // Loading it again by hand (as the editor does) clears the mark.
    delete (globalThis as Record<string, unknown>).__hangHere;
    await client.call("insmod", { filename: "dm-hangs.ts", source: HANGS });
    await client.refreshState();
    expect(client.faultyModules.has("dm_hangs")).toBe(false);
  });
});
