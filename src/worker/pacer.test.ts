/**
 * The paced clock: virtual time follows wall time at the chosen speed, processes waiting on the
 * engine resume at the instants they would at any other speed, pausing freezes time and a step
 * runs exactly one clock entry.
 */

import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { Engine, EV, NS_PER_MS, NS_PER_US, RECORD_SLOTS } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { EngineClient, type WorkerLike } from "./client.ts";
import { BROWSER_ENGINE, EngineHost, type Port } from "./host.ts";
import { Pacer } from "./pacer.ts";
import {
  PACE_REAL_TIME,
  type PaceSpeed,
  type WorkerMessage,
  type WorkerNotice,
  type WorkerRequest,
} from "./protocol.ts";
import { createRing } from "./ring.ts";

const SETUP = [
  "modprobe brd rd_nr=2 rd_size=4096",
  "dmsetup create s --table '0 16384 striped 2 16 /dev/ram0 0 /dev/ram1 0'",
  "dmsetup create top --table '0 8192 linear /dev/mapper/s 0'",
].join("\n");

let pacers: Pacer[] = [];
afterEach(() => {
  for (const p of pacers) p.close();
  pacers = [];
});

function paced(speed: number | "max" = PACE_REAL_TIME, paused = false) {
  const engine = new Engine({ seed: 3, drive: "paced", ramDiskLatency: 50 * NS_PER_US });
  const shell = createShell(engine);
  const pacer = new Pacer();
  pacers.push(pacer);
  pacer.attach(engine);
  pacer.set({ speed, paused });
  const run = async (script: string) => {
    let out = "";
    const status = await shell.run(script, { onOutput: (_s, t) => (out += t) });
    return { status, out };
  };
  return { engine, shell, pacer, run };
}

const sleepWall = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The (type, time) trace of every event: what determinism is about. */
function trace(e: Engine): string[] {
  return e.events.since(0).map((v) => `${v.type}@${v.time}`);
}

describe("paced clock", () => {
  it("runs sleep in real time at 1x, waking exactly at the deadline", async () => {
    const { engine, run } = paced();
    const t0 = performance.now();
    expect((await run("sleep 0.06")).status).toBe(0);
    const wall = performance.now() - t0;
    expect(engine.now).toBe(60 * NS_PER_MS);
    expect(wall).toBeGreaterThanOrEqual(55);
    expect(wall).toBeLessThan(1000);
  });

  it("gives the same events at the same virtual times at any speed", async () => {
    const script = `${SETUP}
dd if=/dev/urandom of=/dev/mapper/top bs=4k count=24 oflag=direct status=none
sleep 0.001
dd if=/dev/mapper/top of=/dev/null bs=8k count=6 iflag=direct status=none`;
    const traces: string[][] = [];
    const walls: number[] = [];
    const speeds: PaceSpeed[] = [PACE_REAL_TIME, PACE_REAL_TIME * 10, "max", PACE_REAL_TIME / 100];
    for (const speed of speeds) {
      const { engine, run } = paced(speed);
      const t0 = performance.now();
      expect((await run(script)).status).toBe(0);
      walls.push(performance.now() - t0);
      traces.push(trace(engine));
    }
    expect(traces[0]!.length).toBeGreaterThan(200);
    expect(traces[1]).toEqual(traces[0]);
    expect(traces[2]).toEqual(traces[0]);
    expect(traces[3]).toEqual(traces[0]);
    // Virtual time is whole nanoseconds; slow motion (0.01x) stretches its ~2.5 ms to ~250 ms.
    expect(traces[0]!.every((t) => Number.isInteger(Number(t.split("@")[1])))).toBe(true);
    expect(walls[3]).toBeGreaterThan(200);
    // Each 4k write went through two layers to a RAM disk that took 50 µs.
    const completes = traces[0]!.filter((t) => t.startsWith(`${EV.BIO_COMPLETE}@`));
    expect(completes.length).toBe(3 * (24 + 6));
  });

  it("a load generator runs with wall time, at the virtual times it would in eager mode", async () => {
    const { engine, pacer, run } = paced(PACE_REAL_TIME * 100);
    await run(SETUP);
    const g = engine.load.start({ device: "/dev/mapper/top", rate: 10_000, count: 500 });
    await sleepWall(150); // 15 ms of virtual time would be enough at 100x; allow for slow CI
    while (g.completed < 500) await sleepWall(20);
    expect(g.errors).toBe(0);
    pacer.set({ paused: true });
    const pacedIssue = engine.events
      .since(0)
      .filter((v) => v.type === EV.BIO_SUBMIT && v.b === 0)
      .map((v) => v.time - g.startedAt);

    const eager = new Engine({ seed: 3, ramDiskLatency: 50 * NS_PER_US });
    const sh = createShell(eager);
    await sh.run(SETUP);
    const ge = eager.load.start({ device: "/dev/mapper/top", rate: 10_000, count: 500 });
    await eager.sleep(1e9);
    expect(ge.completed).toBe(500);
    const eagerIssue = eager.events
      .since(0)
      .filter((v) => v.type === EV.BIO_SUBMIT && v.b === 0)
      .map((v) => v.time - ge.startedAt);
    expect(pacedIssue).toEqual(eagerIssue);
    expect(g.statuses).toEqual(ge.statuses);
  });

  it("pausing freezes virtual time; a step runs exactly one clock entry", async () => {
    const { engine, pacer, run } = paced();
    await run(SETUP);
    engine.load.start({ device: "/dev/mapper/top", rate: 1000, queueDepth: 2 });
    await sleepWall(30);
    pacer.set({ paused: true });
    const frozen = engine.now;
    const seq = engine.events.seq;
    await sleepWall(40);
    expect(engine.now).toBe(frozen);
    expect(engine.events.seq).toBe(seq);

    const pending = engine.clock.pending;
    const due = engine.clock.nextAt!;
    const r = await pacer.step();
    expect(r.ran).toBe(true);
    expect(r.now).toBe(due);
    expect(engine.now).toBe(due);
    expect(r.events).toBe(engine.events.seq - seq);
    expect(r.events).toBeGreaterThan(0);
    // A generator tick issues a bio (one more entry: the disk's completion) and its next tick;
    // a completion just ends bios. Either way, one entry ran.
    expect(Math.abs(r.pending - pending)).toBeLessThanOrEqual(1);
    const again = await pacer.step();
    expect(again.now).toBeGreaterThanOrEqual(due);
    await sleepWall(30);
    expect(engine.now).toBe(again.now);
  });

  it("a background dd to a suspended device waits, and completes after resume", async () => {
    const { engine, run } = paced();
    await run(SETUP);
    await run("dmsetup suspend top");
    expect(
      (await run("dd if=/dev/zero of=/dev/mapper/top bs=4k count=2 oflag=direct &")).status,
    ).toBe(0);
    await sleepWall(50);
    const top = engine.dm.byName("top")!;
    expect(top.suspended).toBe(true);
    const deferred = engine.events.since(0).filter((v) => v.type === EV.BIO_DEFER);
    expect(deferred.length).toBe(1);
    expect(engine.clock.pending).toBe(0); // nothing to run: the pacer sleeps
    const r = await run("dmsetup resume top; wait; echo done");
    expect(r.out).toContain("2+0 records out");
    expect(r.out).toContain("done");
    expect(engine.events.since(0).some((v) => v.type === EV.BIO_REDRIVE)).toBe(true);
  });

  it("rejects speeds it cannot run at", () => {
    const { pacer } = paced();
    expect(() => pacer.set({ speed: 0 })).toThrow(/at least/);
    expect(() => pacer.set({ speed: Number.NaN })).toThrow(/at least/);
    expect(pacer.set({ speed: "max" }).speed).toBe("max");
  });
});

describe("paced host", () => {
  /** A paced host on one end of a MessageChannel, a client on the other. */
  async function pacedClient() {
    const { port1, port2 } = new MessageChannel();
    const hostPort: Port = { postMessage: (m) => port1.postMessage(m), onmessage: null };
    port1.on("message", (data: WorkerRequest) =>
      hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>),
    );
    const host = new EngineHost(hostPort, (e) => createShell(e), undefined, BROWSER_ENGINE);
    const notices: WorkerNotice[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => port2.postMessage(m),
      terminate: () => {
        host.close();
        port1.close();
        port2.close();
      },
      onmessage: null,
    };
    (port2 as MessagePort).on("message", (data: WorkerMessage) => worker.onmessage?.({ data }));
    const client = new EngineClient({
      createWorker: () => worker,
      ring: createRing({ capacity: 1 << 14, recordWords: RECORD_SLOTS }),
      seed: 7,
      pingIntervalMs: 1e6,
      onNotice: (n) => notices.push(n),
    });
    clients.push(client);
    await client.start();
    return { host, client, notices };
  }

  let clients: EngineClient[] = [];
  afterEach(() => {
    for (const c of clients) c.dispose();
    clients = [];
  });

  it("paces, steps and runs load generators on request; background output comes as notices", async () => {
    const { host, client, notices } = await pacedClient();
    const engine = host.engine!;
    expect(engine.drive).toBe("paced");
    expect((await client.runShell(SETUP, () => undefined)).exitCode).toBe(0);
    // RAM disks take 50 µs in the browser.
    expect(engine.ramDisks.map((d) => d.latency)).toEqual([50 * NS_PER_US, 50 * NS_PER_US]);

    const g = await client.call("loadStart", {
      spec: { device: "/dev/mapper/top", rate: 2000, queueDepth: 2 },
    });
    expect(g).toMatchObject({ id: 1, running: true, spec: { rate: 2000, blockSize: 4096 } });
    await expect
      .poll(async () => (await client.call("loadList", {})).generators[0]?.completed ?? 0)
      .toBeGreaterThan(20);
    await expect(
      client.call("loadStart", { spec: { device: "/dev/mapper/top", blockSize: 1000 } }),
    ).rejects.toThrow(/multiple of 512/);

    const paused = await client.call("setPace", { paused: true });
    expect(paused).toMatchObject({ paused: true, speed: PACE_REAL_TIME });
    const before = await client.call("getPace", {});
    expect(before.next).not.toBeNull();
    const step = await client.call("step", {});
    expect(step).toMatchObject({ ran: true, now: before.next });
    expect((await client.call("getPace", {})).now).toBe(step.now);
    await expect(client.call("setPace", { speed: -1 })).rejects.toThrow(/at least/);

    const stopped = await client.call("loadStop", { id: 1 });
    expect(stopped.generators[0]?.running).toBe(false);
    await client.call("setPace", { paused: false, speed: "max" });
    await expect
      .poll(async () => (await client.call("loadList", { prune: true })).generators.length)
      .toBe(0);

    // A background job's output after its command answered: a notice, not lost.
    await client.call("setPace", { speed: PACE_REAL_TIME });
    await client.runShell("(sleep 0.02; echo late) &", () => undefined);
    await expect
      .poll(() => notices.some((n) => n.kind === "output" && n.text === "late\n"))
      .toBe(true);
  });

  it("eager hosts refuse to pace", async () => {
    const { port1, port2 } = new MessageChannel();
    const hostPort: Port = { postMessage: (m) => port1.postMessage(m), onmessage: null };
    port1.on("message", (data: WorkerRequest) =>
      hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>),
    );
    const host = new EngineHost(hostPort, (e) => createShell(e));
    const worker: WorkerLike = {
      postMessage: (m) => port2.postMessage(m),
      terminate: () => {
        host.close();
        port1.close();
        port2.close();
      },
      onmessage: null,
    };
    (port2 as MessagePort).on("message", (data: WorkerMessage) => worker.onmessage?.({ data }));
    const client = new EngineClient({
      createWorker: () => worker,
      ring: createRing({ capacity: 1 << 10, recordWords: RECORD_SLOTS }),
      seed: 7,
      pingIntervalMs: 1e6,
    });
    clients.push(client);
    await client.start();
    await expect(client.call("step", {})).rejects.toThrow(/not paced/);
    expect((await client.call("loadList", {})).generators).toEqual([]);
  });
});
