import { afterEach, describe, expect, it, vi } from "vitest";
import { MessageChannel, Worker } from "node:worker_threads";
import { RECORD_SLOTS } from "../engine/index.ts";
import type { PauseContext, PauseInfo } from "../engine/debug/runtime.ts";
import { EngineClient, type RestartReport, type WorkerLike } from "./client.ts";
import {
  blockingPauseHook,
  createDebugChannel,
  workerPaused,
  type DebugCommand,
} from "./debugChannel.ts";
import { EngineHost, type Port } from "./host.ts";
import type { DebugNotice, WorkerMessage, WorkerRequest } from "./protocol.ts";
import { createRing } from "./ring.ts";

/**
 * The page's side in a thread of its own (the pause blocks this one): the real
 * DebugChannelWriter, loaded through tsx, sending `cmds` once the worker is paused.
 */
function pageThread(sab: SharedArrayBuffer, cmds: DebugCommand[]): Worker {
  const url = new URL("./debugChannel.ts", import.meta.url).href;
  const code = `
    const { workerData } = require("node:worker_threads");
    const words = new Int32Array(workerData.sab, 0, 8);
    import("tsx/esm/api")
      .then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))
      .then(({ DebugChannelWriter }) => {
        const w = new DebugChannelWriter(workerData.sab);
        while (Atomics.load(words, 0) !== 1) Atomics.wait(words, 0, 0, 10);
        for (const c of workerData.cmds) {
          w.send(c);
          while (w.pending > 0) { Atomics.wait(words, 2, Atomics.load(words, 2), 10); w.flush(); }
        }
      })
      .catch((e) => {
        // Never leave the test thread blocked: resume it by hand, and say why.
        console.error(e);
        const bytes = new TextEncoder().encode('{"type":"resume","action":"continue"}');
        new Uint8Array(workerData.sab, 64).set(bytes);
        Atomics.store(words, 3, bytes.length);
        Atomics.add(words, 1, 1);
        Atomics.notify(words, 1);
      });`;
  return new Worker(code, { eval: true, workerData: { sab, cmds } });
}

const INFO: PauseInfo = {
  file: "dm-proxy.ts",
  line: 3,
  fn: "map",
  reason: "breakpoint",
  locals: {},
  stack: [],
};

describe("debug channel", () => {
  it("blocks the paused thread until the page resumes it, answering evaluations meanwhile", async () => {
    const sab = createDebugChannel();
    const notices: DebugNotice[] = [];
    let flushed = 0;
    const hook = blockingPauseHook({
      sab,
      post: (n) => notices.push(n),
      flush: () => flushed++,
    });
    const page = pageThread(sab, [
      { type: "evaluate", id: 1, expr: "x + 1" },
      { type: "evaluate", id: 2, expr: "nope" },
      { type: "resume", action: "stepOver" },
    ]);
    const ctx: PauseContext = {
      info: INFO,
      runtime: null as never,
      evaluate: (expr) =>
        expr === "x + 1"
          ? { ok: true, value: { k: "num", v: 42 } }
          : { ok: false, error: "ReferenceError" },
    };
    const action = hook(ctx); // blocks this thread until the page thread says "resume"
    await page.terminate();
    expect(action).toBe("stepOver");
    expect(flushed).toBe(1);
    expect(workerPaused(sab)).toBe(false);
    expect(notices).toEqual([
      { what: "paused", pause: 1, info: INFO },
      { what: "evaluated", id: 1, expr: "x + 1", result: { ok: true, value: { k: "num", v: 42 } } },
      { what: "evaluated", id: 2, expr: "nope", result: { ok: false, error: "ReferenceError" } },
      { what: "resumed", pause: 1 },
    ]);
  });
});

describe("releasing a paused engine", () => {
  it("continues and tells the host to stop pausing (a reset is coming)", async () => {
    const sab = createDebugChannel();
    let released = 0;
    const hook = blockingPauseHook({
      sab,
      post: () => undefined,
      flush: () => undefined,
      onRelease: () => released++,
    });
    const page = pageThread(sab, [{ type: "resume", action: "continue", release: true }]);
    const ctx: PauseContext = {
      info: INFO,
      runtime: null as never,
      evaluate: () => ({ ok: false, error: "" }),
    };
    expect(hook(ctx)).toBe("continue");
    await page.terminate();
    expect(released).toBe(1);
    expect(workerPaused(sab)).toBe(false);
  });
});

/** A worker whose thread stops answering on debugHang (as a breakpoint's Atomics.wait would). */
function stoppableWorker() {
  const { port1, port2 } = new MessageChannel();
  const hostPort: Port = { postMessage: (m) => port1.postMessage(m), onmessage: null };
  let stopped = false;
  port1.on("message", (data: WorkerRequest) => {
    if (data.type === "debugHang") stopped = true;
    if (!stopped) hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>);
  });
  const host = new EngineHost(hostPort, () => ({ run: async () => 0 }));
  const worker: WorkerLike = {
    postMessage: (m) => port2.postMessage(m),
    terminate: () => {
      host.close();
      port1.close();
    },
    onmessage: null,
  };
  port2.on("message", (data: WorkerMessage) => worker.onmessage?.({ data }));
  return worker;
}

let client: EngineClient | null = null;
afterEach(() => {
  client?.dispose();
  client = null;
});

describe("watchdog and the debugger", () => {
  it("never restarts a worker paused at a breakpoint, and still restarts a hung one", async () => {
    const debug = createDebugChannel();
    const words = new Int32Array(debug, 0, 8);
    const reports: RestartReport[] = [];
    client = new EngineClient({
      createWorker: stoppableWorker,
      ring: createRing({ capacity: 1024, recordWords: RECORD_SLOTS }),
      debug,
      seed: 1,
      pingIntervalMs: 10,
      hangTimeoutMs: 60,
      onRestart: (r) => reports.push(r),
    });
    await client.start();
    // The worker stops answering, with the PAUSED word set: a breakpoint, not a hang.
    Atomics.store(words, 0, 1);
    void client.call("debugHang", {}).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 400)); // more than six hang timeouts
    expect(reports).toHaveLength(0);
    // The same silence without the word is a hang.
    Atomics.store(words, 0, 0);
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: 3000 });
    expect(workerPaused(debug)).toBe(false);
  });
});
