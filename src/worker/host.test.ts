import { afterEach, describe, expect, it } from "vitest";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { EV, RECORD_SLOTS } from "../engine/index.ts";
import { EngineClient, type WorkerLike } from "./client.ts";
import { createShell } from "../shell/index.ts";
import { EngineHost, type Port, type ShellFactory } from "./host.ts";
import type { WorkerMessage, WorkerRequest } from "./protocol.ts";
import { createRing, RingConsumer } from "./ring.ts";

/**
 * A stand-in for dmsh that understands just enough to set up devices through the engine API,
 * so the host can be tested before and independently of the shell.
 */
const miniShell: ShellFactory = (engine) => ({
  async run(script, { onOutput }) {
    for (const line of script.split("\n")) {
      const [cmd, ...args] = line.trim().split(/\s+/);
      if (cmd === "brd") engine.loadBrd(Number(args[0]), Number(args[1]));
      else if (cmd === "create") {
        engine.dm.create(args[0] ?? "");
        engine.dm.load(args[0] ?? "", args.slice(1).join(" "));
        await engine.dm.resume(args[0] ?? "");
      } else if (cmd === "write") {
        await engine.write(
          args[0] ?? "",
          Number(args[1]),
          new Uint8Array(Number(args[2])).fill(0xab),
        );
      } else if (cmd === "echo") onOutput("stdout", args.join(" ") + "\n");
    }
    return 0;
  },
});

/** A host on one end of a MessageChannel, a client on the other: the worker, minus the thread. */
function connect(shell: ShellFactory = miniShell) {
  const { port1, port2 } = new MessageChannel();
  const hostPort: Port = {
    postMessage: (m) => port1.postMessage(m),
    onmessage: null,
  };
  port1.on("message", (data: WorkerRequest) =>
    hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>),
  );
  const host = new EngineHost(hostPort, shell);
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
  return { host, worker };
}

const ring = createRing({ capacity: 1 << 12, recordWords: RECORD_SLOTS });
let client: EngineClient | null = null;
afterEach(() => client?.dispose());

async function started() {
  const { host, worker } = connect();
  client = new EngineClient({ createWorker: () => worker, ring, seed: 7, pingIntervalMs: 1e6 });
  await client.start();
  return { host, client };
}

describe("engine host", () => {
  it("runs scripts, streams output, and reports devices with their tables and mappings", async () => {
    const { client } = await started();
    const out: string[] = [];
    const r = await client.runShell(
      "brd 2 1024\ncreate a 0 2048 linear /dev/ram0 0\necho hi",
      (_s, t) => out.push(t),
    );
    expect(r.exitCode).toBe(0);
    expect(out).toEqual(["hi\n"]);
    const state = await client.refreshState();
    expect(state.devices).toEqual([
      {
        name: "a",
        dev: "254:0",
        uuid: "",
        suspended: false,
        openCount: 0,
        sectors: 2048,
        live: [
          {
            start: 0,
            length: 2048,
            type: "linear",
            args: "1:0 0",
            maps: [{ dev: "1:0", start: 0, length: 2048 }],
          },
        ],
        inactive: null,
      },
    ]);
    expect(state.disks.map((d) => [d.name, d.sizeBytes])).toEqual([
      ["ram0", 1024 * 1024],
      ["ram1", 1024 * 1024],
    ]);
    expect(state.blockDevices.map((d) => `${d.name}:${d.kind}`)).toEqual([
      "ram0:ram",
      "ram1:ram",
      "dm-0:dm",
    ]);
  });

  it("copies engine events into the ring", async () => {
    const { client } = await started();
    const consumer = new RingConsumer(ring);
    consumer.drain(() => undefined);
    await client.runShell("brd 1 1024\ncreate a 0 8 linear /dev/ram0 0", () => undefined);
    const types: number[] = [];
    consumer.drain((d, o) => types.push(d[o] ?? 0));
    expect(types).toContain(EV.DISK_CREATE);
    expect(types).toContain(EV.DEVICE_CREATE);
    expect(types).toContain(EV.TABLE_SWAP);
  });

  it("validates tables with the kernel's messages, touching no real device", async () => {
    const { host, client } = await started();
    await client.runShell("brd 2 1024\ncreate a 0 2048 linear /dev/ram0 0", () => undefined);
    const seq = host.engine?.events.seq;
    expect(
      await client.call("validateTable", { name: "a", table: "0 2048 linear /dev/ram1 0" }),
    ).toEqual([]);
    expect(
      await client.call("validateTable", { name: "a", table: "0 2048 linear /dev/ram1" }),
    ).toEqual([
      { line: 1, message: "device-mapper: table: 254:0: linear: Invalid argument count (-EINVAL)" },
      { line: 0, message: "device-mapper: ioctl: error adding target to table" },
    ]);
    const problems = await client.call("validateTable", {
      name: null,
      table: "0 1024 linear /dev/ram1 0\n\n1024 8 linear /dev/nope 0",
    });
    expect(problems).toEqual([
      { line: 3, message: "device-mapper: table: 254:1: linear: Device lookup failed (-ENODEV)" },
      { line: 0, message: "device-mapper: ioctl: error adding target to table" },
    ]);
    expect(
      await client.call("validateTable", { name: null, table: "0 99999 linear /dev/ram1 0" }),
    ).toEqual([
      {
        line: 0,
        message:
          "device-mapper: table: 254:1: ram1 too small for target: start=0, len=99999, dev_size=2048",
      },
      { line: 0, message: "device-mapper: core: Cannot calculate initial queue limits" },
      { line: 0, message: "device-mapper: ioctl: unable to set up device queue for new table." },
    ]);
    expect(await client.call("validateTable", { name: null, table: "0 linear" })).toEqual([
      { line: 1, message: "Invalid format on line 1 of table" },
    ]);
    // A constructor that does I/O (thin-pool reads its metadata) is not run: said, not accepted.
    expect(
      await client.call("validateTable", {
        name: null,
        table: "0 8 zero\n8 32768 thin-pool /dev/nope /dev/ram1 128 16",
      }),
    ).toEqual([
      {
        line: 2,
        message:
          "thin-pool: not checked here (its constructor reads its devices); the load checks it",
        unchecked: true,
      },
    ]);
    expect(host.engine?.events.seq).toBe(seq);
  });

  it("reattaches to the same disks and rebuilds devices on a new engine", async () => {
    const first = connect();
    client = new EngineClient({
      createWorker: () => first.worker,
      ring,
      seed: 7,
      pingIntervalMs: 1e6,
    });
    await client.start();
    await client.runShell(
      "brd 2 1024\ncreate a 0 2048 linear /dev/ram1 0\ncreate b 0 1024 linear /dev/mapper/a 8\nwrite /dev/mapper/b 0 4096",
      () => undefined,
    );
    const before = await client.refreshState();
    const second = connect();
    const c2 = new EngineClient({
      createWorker: () => second.worker,
      ring,
      seed: 7,
      pingIntervalMs: 1e6,
    });
    await c2.start();
    await c2.call("init", { seed: 7, ring, storage: before.storage, disks: before.disks });
    expect(await c2.call("restore", { devices: before.devices })).toEqual({ ok: true, output: "" });
    const after = await c2.refreshState();
    expect(after.devices).toEqual(before.devices);
    const data = await second.host.engine?.read("/dev/ram1", 8 * 512, 4096);
    expect(data?.every((b) => b === 0xab)).toBe(true);
    // New writes allocate fresh chunks rather than reusing ones the old engine filled.
    await second.host.engine?.write("/dev/ram0", 0, new Uint8Array(512).fill(1));
    const again = await second.host.engine?.read("/dev/ram1", 8 * 512, 4096);
    expect(again?.every((b) => b === 0xab)).toBe(true);
    c2.dispose();
  });

  it("with dmsh: loads tables through dmsetup (creating, reloading, resuming) and reports failures", async () => {
    const { worker } = connect((engine) => createShell(engine));
    client = new EngineClient({ createWorker: () => worker, ring, seed: 7, pingIntervalMs: 1e6 });
    await client.start();
    expect(
      (await client.runShell("modprobe brd rd_nr=2 rd_size=1024", () => undefined)).exitCode,
    ).toBe(0);
    const created = await client.call("loadTable", {
      name: "a",
      table: "0 1024 linear /dev/ram0 0\n1024 1024 linear /dev/ram1 0\n",
      resume: true,
    });
    expect(created).toEqual({ exitCode: 0, output: "", problems: [] });
    const inactive = await client.call("loadTable", {
      name: "a",
      table: "0 8 zero",
      resume: false,
    });
    expect(inactive.exitCode).toBe(0);
    let state = await client.refreshState();
    expect(state.devices[0]?.live?.map((t) => t.type)).toEqual(["linear", "linear"]);
    expect(state.devices[0]?.inactive?.map((t) => t.type)).toEqual(["zero"]);
    const bad = await client.call("loadTable", {
      name: "a",
      table: "0 8 linear /dev/ram0",
      resume: true,
    });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.output).toContain("device-mapper: reload ioctl on a");
    expect(bad.problems.map((p) => p.message)).toContain(
      "device-mapper: table: 254:0: linear: Invalid argument count (-EINVAL)",
    );
    state = await client.refreshState();
    expect(state.devices[0]?.live?.length).toBe(2);
  });
});

describe("targetStatus", () => {
  it("gives each target's INFO and TABLE status lines, as dmsetup status and table print them", async () => {
    const { client } = await started();
    await client.runShell(
      "brd 2 1024\ncreate s 0 2048 striped 2 8 /dev/ram0 0 /dev/ram1 0",
      () => {},
    );
    expect(await client.call("targetStatus", { name: "s" })).toEqual([
      {
        start: 0,
        length: 2048,
        type: "striped",
        info: "2 1:0 1:1 1 AA",
        table: "2 8 1:0 0 1:1 0",
      },
    ]);
    await expect(client.call("targetStatus", { name: "nosuch" })).rejects.toThrow();
  });
});
