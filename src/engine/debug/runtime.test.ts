/**
 * The debugger against a real engine: a user module loaded through the module loader, its
 * calls through the target-call guard, pauses answered by a callback instead of Atomics.wait.
 */
import { describe, expect, it } from "vitest";
import { createDevice, engineWithDisks } from "../test/helpers.ts";
import type { Engine } from "../engine.ts";
import { DebugRuntime, type PauseContext, type ResumeAction } from "./runtime.ts";

const PROXY = `import { defineTarget, type DmDev } from "dm-playground";

interface Proxy { dev: DmDev; reads: number; writes: number; seen: Map<number, string> }

export default defineTarget<Proxy>({
  name: "proxy",
  version: [1, 0, 0],
  ctr(t, args) {
    const dev = t.getDevice(args[0]!);
    t.private = { dev, reads: 0, writes: 0, seen: new Map() };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const p = t.priv;
    if (bio.op === "WRITE") p.writes++;
    else p.reads++;
    p.seen.set(bio.id, bio.op);
    if (bio.sector >= 1000) return "KILL";
    bio.bdev = p.dev.bdev;
    return "REMAPPED";
  },
});
`;

function setup(actions: ResumeAction[], onPause?: (ctx: PauseContext) => void) {
  const pauses: PauseContext["info"][] = [];
  const rt = new DebugRuntime((ctx) => {
    pauses.push(ctx.info);
    onPause?.(ctx);
    return actions.shift() ?? "continue";
  });
  const e = engineWithDisks(1, 1024);
  rt.attach(e);
  return { e, rt, pauses };
}

async function proxyDevice(e: Engine): Promise<void> {
  e.modules.insmod("dm-proxy.ts", PROXY);
  await createDevice(e, "p", "0 2048 proxy /dev/ram0");
}

describe("debugger on a live engine", () => {
  it("loads a module without probes until a breakpoint asks for them", async () => {
    const { e, rt } = setup([]);
    await proxyDevice(e);
    expect(rt.files()).toEqual([
      { file: "dm-proxy.ts", module: "dm_proxy", instrumented: false, lines: [] },
    ]);
    expect(rt.setBreakpoints({ "dm-proxy.ts": [16] })).toEqual(["dm_proxy"]);
    await e.modules.reload("dm_proxy", PROXY);
    expect(rt.files()[0]).toMatchObject({ instrumented: true, lines: [16] });
  });

  it("pauses in map with the locals, t.private and the bio; steps; continues; the bio completes", async () => {
    const seenWatch: unknown[] = [];
    const { e, rt, pauses } = setup(["stepOver", "stepOver", "stepOver", "continue"], (ctx) => {
      seenWatch.push(ctx.evaluate("p.writes + bio.sectors"));
    });
    rt.setBreakpoints({ "dm-proxy.ts": [16] });
    await proxyDevice(e);
    await e.write("/dev/mapper/p", 8 * 512, new Uint8Array(4096).fill(1));
    expect(pauses.map((p) => `${p.reason} ${p.fn}:${p.line}`)).toEqual([
      "breakpoint map:16",
      "step map:17", // the if
      "step map:17", // its lone statement, wrapped with its probe
      "step map:19",
    ]);
    const first = pauses[0]!;
    expect(first.file).toBe("dm-proxy.ts");
    // At line 16 `p` is not declared yet; one statement later it is.
    expect(Object.keys(first.locals)).toEqual(["t", "bio"]);
    expect(Object.keys(pauses[1]!.locals)).toEqual(["p", "t", "bio"]);
    expect(first.bio).toMatchObject({ k: "kobj", cls: "Bio" });
    expect(JSON.stringify(first.bio)).toContain('"WRITE"');
    expect(first.private).toMatchObject({ k: "obj" });
    expect(JSON.stringify(first.private)).toContain('"writes"');
    expect(first.stack.map((s) => s.label)).toEqual([
      expect.stringMatching(/^map · proxy #0 on p \(254:0\) · bio \d+$/),
      "map · dm-proxy.ts:16",
    ]);
    // The watch, evaluated in each paused frame: `p` not yet initialised, then before the write
    // was counted, then after.
    expect(seenWatch).toEqual([
      { ok: false, error: "ReferenceError: Cannot access 'p' before initialization" },
      { ok: true, value: { k: "num", v: 8 } },
      { ok: true, value: { k: "num", v: 8 } },
      { ok: true, value: { k: "num", v: 9 } },
    ]);
    // Continue: the write went through.
    expect(await e.read("/dev/ram0", 8 * 512, 4096)).toEqual(new Uint8Array(4096).fill(1));
  });

  it("steps into the next call into a user target", async () => {
    const { e, rt, pauses } = setup(["stepInto", "continue"]);
    rt.setBreakpoints({ "dm-proxy.ts": [16] });
    await proxyDevice(e);
    // The first write's map pauses at the breakpoint; step into: the first line of the next
    // call into the module, the second write's map.
    await e.write("/dev/mapper/p", 0, new Uint8Array(1024));
    await e.write("/dev/mapper/p", 1024, new Uint8Array(1024));
    expect(pauses.map((p) => `${p.reason} ${p.fn}:${p.line}`)).toEqual([
      "breakpoint map:16",
      "step map:16",
    ]);
  });

  it("pauses when map returns KILL, with the bio and the target's private state", async () => {
    const { e, rt, pauses } = setup([], (ctx) => {
      expect(ctx.evaluate("result")).toEqual({ ok: true, value: { k: "str", v: "KILL" } });
      expect(ctx.evaluate("t.priv.writes")).toEqual({ ok: true, value: { k: "num", v: 2 } });
    });
    rt.setOutcomes([{ id: 7, enabled: true, point: "map", mapState: "KILL", device: "p" }]);
    await proxyDevice(e);
    await e.write("/dev/mapper/p", 0, new Uint8Array(512));
    expect(pauses).toHaveLength(0);
    await expect(e.write("/dev/mapper/p", 1000 * 512, new Uint8Array(512))).rejects.toThrow();
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toMatchObject({
      reason: "outcome",
      outcome: 7,
      fn: "map",
      file: "dm-proxy.ts",
    });
    expect(pauses[0]!.detail).toMatch(/^map returned KILL on p \(254:0\) \(proxy #0\) bio \d+$/);
    expect(pauses[0]!.bioId).toBeGreaterThan(0);
    expect(pauses[0]!.stack.map((f) => f.label)).toEqual([
      expect.stringMatching(/^map · proxy #0 on p \(254:0\) · bio \d+$/),
    ]);
  });

  it("pauses at a completion with an error status, and at a target fault", async () => {
    const { e, rt, pauses } = setup([]);
    rt.setOutcomes([
      {
        id: 1,
        enabled: true,
        point: "complete",
        device: "/dev/mapper/p",
        status: "error",
        op: "WRITE",
      },
      { id: 2, enabled: true, point: "fault", target: "error" },
    ]);
    await proxyDevice(e);
    await e.write("/dev/mapper/p", 0, new Uint8Array(512));
    await expect(e.write("/dev/mapper/p", 1000 * 512, new Uint8Array(512))).rejects.toThrow();
    expect(pauses.map((p) => p.outcome)).toEqual([1]);
    expect(pauses[0]!.detail).toMatch(/^bio \d+ completed with status IOERR on p/);
  });

  it("observes target calls only while a breakpoint needs them", () => {
    const e = engineWithDisks(1, 64);
    const before = e.targetCalls.active;
    const rt = new DebugRuntime(() => "continue");
    rt.attach(e);
    expect(e.targetCalls.active).toBe(before);
    rt.setOutcomes([{ id: 1, enabled: true, point: "map", mapState: "KILL" }]);
    expect(e.targetCalls.active).toBe(true);
    rt.setOutcomes([]);
    expect(e.targetCalls.active).toBe(before);
  });

  it("keeps quiet while no breakpoint is set", async () => {
    const { e, pauses, rt } = setup([]);
    rt.instrumentAll = true;
    await proxyDevice(e);
    await e.write("/dev/mapper/p", 0, new Uint8Array(4096));
    expect(rt.on).toBe(false);
    expect(pauses).toHaveLength(0);
  });
});
