import { afterEach, describe, expect, it, vi } from "vitest";
import { MessageChannel } from "node:worker_threads";
import { RECORD_SLOTS } from "../engine/index.ts";
import {
  EngineClient,
  WorkerRestartedError,
  type RestartReport,
  type WorkerLike,
} from "./client.ts";
import { EngineHost, type Port, type ShellFactory } from "./host.ts";
import type { WorkerMessage, WorkerRequest } from "./protocol.ts";
import { createRing } from "./ring.ts";

const shell: ShellFactory = (engine) => ({
  async run(script) {
    if (script === "setup") {
      engine.loadBrd(1, 1024);
      engine.dm.create("a");
      engine.dm.load("a", "0 2048 linear /dev/ram0 0");
      await engine.dm.resume("a");
      await engine.write("/dev/mapper/a", 4096, new Uint8Array(512).fill(7));
    }
    return 0;
  },
});

/** A worker whose thread can be made to stop answering, as an endless loop would. */
function hangableWorker() {
  const { port1, port2 } = new MessageChannel();
  const hostPort: Port = { postMessage: (m) => port1.postMessage(m), onmessage: null };
  let hung = false;
  port1.on("message", (data: WorkerRequest) => {
    if (data.type === "debugHang") hung = true;
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
  return { host, worker };
}

let client: EngineClient | null = null;
afterEach(() => {
  client?.dispose();
  vi.useRealTimers();
});

describe("engine client watchdog", () => {
  it("restarts a worker that stops answering, over the same disks, and rebuilds devices", async () => {
    const workers: Array<ReturnType<typeof hangableWorker>> = [];
    const reports: RestartReport[] = [];
    const statuses: string[] = [];
    client = new EngineClient({
      createWorker: () => {
        const w = hangableWorker();
        workers.push(w);
        return w.worker;
      },
      ring: createRing({ capacity: 1024, recordWords: RECORD_SLOTS }),
      seed: 3,
      pingIntervalMs: 20,
      hangTimeoutMs: 150,
      onRestart: (r) => reports.push(r),
      onStatus: (s) => statuses.push(s),
    });
    await client.start();
    await client.runShell("setup", () => undefined);
    await client.refreshState();

    const hanging = client.call("debugHang", {});
    await expect(hanging).rejects.toBeInstanceOf(WorkerRestartedError);
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3000 });

    expect(workers).toHaveLength(2);
    expect(reports[0]).toMatchObject({ count: 1, devices: ["a"], ok: true, output: "" });
    expect(reports[0]?.reason).toMatch(/no answer for \d+ ms/);
    expect(statuses).toEqual(["ready", "restarting", "ready"]);
    const engine = workers[1]?.host.engine;
    expect(engine?.dm.byName("a")?.live?.size).toBe(2048);
    const data = await engine?.read("/dev/mapper/a", 4096, 512);
    expect(data?.every((b) => b === 7)).toBe(true);
    expect(client.status).toBe("ready");
  });

  it("after a reset, a restart rebuilds nothing of the engine the reset threw away", async () => {
    const workers: Array<ReturnType<typeof hangableWorker>> = [];
    const reports: RestartReport[] = [];
    client = new EngineClient({
      createWorker: () => {
        const w = hangableWorker();
        workers.push(w);
        return w.worker;
      },
      ring: createRing({ capacity: 1024, recordWords: RECORD_SLOTS }),
      seed: 3,
      pingIntervalMs: 20,
      hangTimeoutMs: 150,
      onRestart: (r) => reports.push(r),
    });
    await client.start();
    await client.runShell("setup", () => undefined);
    await client.refreshState();
    expect(client.state?.devices.map((d) => d.name)).toEqual(["a"]);

    // The page's Reset (scenarioActions.ts): a new engine in the same worker, new disks.
    await client.call("reset", { seed: 3 });
    client.forgetEngine();
    expect(client.state).toBeNull();
    expect(client.storage).toBeNull();

    await expect(client.call("debugHang", {})).rejects.toBeInstanceOf(WorkerRestartedError);
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3000 });
    expect(reports[0]).toMatchObject({ count: 1, devices: [], ok: true });
    expect(workers[1]?.host.engine?.dm.byName("a")).toBeUndefined();
    await client.refreshState();
    expect(client.state?.devices).toEqual([]);
  });

  it("does not restart a worker that keeps answering", async () => {
    client = new EngineClient({
      createWorker: () => hangableWorker().worker,
      ring: createRing({ capacity: 1024, recordWords: RECORD_SLOTS }),
      seed: 3,
      pingIntervalMs: 10,
      hangTimeoutMs: 60,
    });
    await client.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(client.restarts).toBe(0);
  });

  it("does not blame the worker for a stall of the page's own thread", async () => {
    vi.useFakeTimers();
    let t = 0;
    let reply: ((m: WorkerMessage) => void) | null = null;
    const pending: WorkerRequest[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => pending.push(m),
      terminate: () => undefined,
      onmessage: null,
    };
    reply = (m) => worker.onmessage?.({ data: m });
    const answer = () => {
      for (const m of pending.splice(0)) reply?.({ id: m.id, type: "ok", result: { now: 0 } });
    };
    client = new EngineClient({
      createWorker: () => worker,
      ring: createRing({ capacity: 16, recordWords: RECORD_SLOTS }),
      seed: 1,
      pingIntervalMs: 100,
      hangTimeoutMs: 1000,
      now: () => t,
    });
    const started = client.start();
    answer();
    await started;
    // A ping goes out, then the page freezes for 5 s: the answer is queued behind the next tick.
    t += 100;
    await vi.advanceTimersByTimeAsync(100);
    expect(pending.map((m) => m.type)).toEqual(["ping"]);
    t += 5000;
    await vi.advanceTimersByTimeAsync(100);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.restarts).toBe(0);
    // A worker that really stays silent is restarted after about hangTimeoutMs of ticks.
    for (let i = 0; i < 14; i++) {
      t += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(client.restarts).toBe(1);
  });
});
