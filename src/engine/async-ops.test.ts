/**
 * Asynchronous target operations: a ctr, dtr, suspend hook, status or message that does I/O
 * (as Linux's block on it: a snapshot reading its exception store, a pool committing its
 * metadata) returns a Promise, and the core awaits it on virtual time (target.ts, guard.ts,
 * dm-table.ts dmTableBuildAsync, dm-ioctl.ts loadAsync / removeAsync / statusAsync / message).
 */

import { describe, expect, it } from "vitest";
import { createShell } from "../shell/index.ts";
import { EV } from "./events.ts";
import { ctrError, defineTarget, type DmDev, type Target } from "./target.ts";
import { createDevice, engineWithDisks, kernelLines, register } from "./test/helpers.ts";
import { DmError, REQ_FUA } from "./types.ts";
import type { Engine } from "./engine.ts";

interface Meta {
  dev: DmDev;
  /** The counter read from sector 0 at ctr, bumped by each commit. */
  gen: number;
  trace: string[];
}

/** Reads a little-endian u32 "generation" from sector 0 in ctr; commits gen+1 with FUA. */
const meta = defineTarget<Meta>({
  name: "meta",
  version: [1, 0, 0],
  features: { ctrDoesIo: true },
  async ctr(t, args) {
    if (args.length !== 1) ctrError("Invalid argument count");
    const dev = t.getDevice(args[0]!);
    const buf = new Uint8Array(512);
    try {
      await t.dmIo({ op: "READ", mem: buf }, [{ dev, sector: 0, count: 1 }]);
    } catch {
      t.putDevice(dev);
      ctrError("Error reading metadata");
    }
    const gen = new DataView(buf.buffer).getUint32(0, true);
    if (gen === 0xdead) {
      t.putDevice(dev);
      ctrError("Bad metadata");
    }
    t.private = { dev, gen, trace: [`ctr gen=${gen} at ${t.now}`] };
  },
  async dtr(t) {
    await commit(t.priv, t);
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    bio.sector = 8 + t.offset(bio.sector);
    return "REMAPPED";
  },
  async postsuspend(t) {
    await commit(t.priv, t);
    t.priv.trace.push(`postsuspend committed gen=${t.priv.gen}`);
  },
  async preresume(t) {
    if (t.priv.gen > 5) throw new DmError("EINVAL", "too many generations");
    await Promise.resolve();
  },
  status(t, type) {
    // TABLE is synchronous (target.ts); INFO commits first, as pool_status does.
    if (type === "TABLE") return t.priv.dev.name;
    return commit(t.priv, t).then(() => `gen ${t.priv.gen}`);
  },
  async message(t, args) {
    if (args[0] !== "commit") throw new DmError("EINVAL");
    await commit(t.priv, t);
    return `committed ${t.priv.gen}`;
  },
});

/** Write gen+1 to sector 0 with FUA (durable when it ends), then count it. */
async function commit(p: Meta, t: Target<Meta>): Promise<void> {
  const buf = new Uint8Array(512);
  new DataView(buf.buffer).setUint32(0, p.gen + 1, true);
  await t.dmIo({ op: "WRITE", flags: REQ_FUA, mem: buf }, [{ dev: p.dev, sector: 0, count: 1 }]);
  p.gen++;
}

function withMeta(): Engine {
  const e = engineWithDisks(2, 1024);
  register(e, meta);
  return e;
}

describe("async target operations", () => {
  it("loadAsync awaits an async ctr that reads its device; load (sync) refuses it", async () => {
    const e = withMeta();
    await createDevice(e, "m", "0 64 meta /dev/ram0");
    // The ctr's read is the target's own bio on ram0, before the device is live.
    const kinds = e.events.since(0).map((ev) => ev.kind);
    expect(kinds.indexOf("table_load")).toBeGreaterThan(kinds.indexOf("bio_submit"));
    expect(e.dm.info("m").targetCount).toBe(1);
    e.dm.create("n");
    e.klog.clear();
    expect(() => e.dm.load("n", "0 64 meta /dev/ram1")).toThrow(DmError);
    expect(kernelLines(e)[0]).toMatch(/meta: constructor is asynchronous/);
  });

  it("a rejected ctr is ti->error, and the device is not created", async () => {
    const e = withMeta();
    const bad = new Uint8Array(512);
    new DataView(bad.buffer).setUint32(0, 0xdead, true);
    await e.io(e.lookup("/dev/ram0")!, "WRITE", 0, bad);
    e.klog.clear();
    await expect(createDevice(e, "m", "0 64 meta /dev/ram0")).rejects.toThrow(DmError);
    expect(kernelLines(e)).toEqual([
      "device-mapper: table: 254:0: meta: Bad metadata (-EINVAL)",
      "device-mapper: ioctl: error adding target to table",
    ]);
    expect(e.dm.byName("m")).toBeUndefined();
    // The ctr put its device: ram0 is free again.
    expect(e.lookup("/dev/ram0")!.openCount).toBe(0);
  });

  it("suspend awaits postsuspend, resume awaits preresume, and a rejected preresume fails it", async () => {
    const e = withMeta();
    await createDevice(e, "m", "0 64 meta /dev/ram0");
    await e.dm.suspend("m");
    const t = e.dm.byName("m")!.live!.targets[0] as Target<Meta>;
    expect(t.priv.trace).toEqual([
      "ctr gen=0 at " + t.priv.trace[0]!.split(" at ")[1],
      "postsuspend committed gen=1",
    ]);
    expect(e.dm.byName("m")!.suspended).toBe(true);
    await e.dm.resume("m");
    expect(e.dm.byName("m")!.suspended).toBe(false);
    for (let i = 0; i < 5; i++) await e.dm.message("m", 0, "commit");
    await e.dm.suspend("m");
    e.klog.clear();
    await expect(e.dm.resume("m")).rejects.toThrow(DmError);
    expect(kernelLines(e)).toEqual([
      "device-mapper: table: 254:0: meta: preresume failed, error = -22",
    ]);
    expect(e.dm.byName("m")!.suspended).toBe(true);
  });

  it("statusAsync awaits an async INFO; status (sync) says to use it; TABLE stays synchronous", async () => {
    const e = withMeta();
    await createDevice(e, "m", "0 64 meta /dev/ram0");
    expect((await e.dm.statusAsync("m", "INFO"))[0]!.params).toBe("gen 1");
    expect(e.dm.status("m", "TABLE")[0]!.params).toBe("1:0");
    expect(() => e.dm.status("m", "INFO")).toThrow(/use statusAsync/);
  });

  it("removeAsync runs the hooks (a device not suspended is suspended first, as __dm_destroy does) and awaits an async dtr", async () => {
    const e = withMeta();
    await createDevice(e, "m", "0 64 meta /dev/ram0");
    await e.dm.message("m", 0, "commit");
    await e.dm.removeAsync("m");
    const buf = new Uint8Array(512);
    await e.io(e.lookup("/dev/ram0")!, "READ", 0, buf);
    // message: 1, postsuspend on the way out: 2, dtr: 3.
    expect(new DataView(buf.buffer).getUint32(0, true)).toBe(3);
    expect(e.lookup("/dev/ram0")!.openCount).toBe(0);
    const dtr = e.events.since(0).filter((ev) => ev.type === EV.TARGET_DTR);
    expect(dtr).toHaveLength(1);
  });

  it("dmsetup drives them all: create, status, message, suspend, resume, remove", async () => {
    const e = withMeta();
    const sh = createShell(e);
    let out = "";
    await sh.run(
      [
        "dmsetup create m --table '0 64 meta /dev/ram0'",
        "dmsetup status m",
        "dmsetup message m 0 commit",
        "dmsetup suspend m",
        "dmsetup resume m",
        "dmsetup status m",
        "dmsetup table m",
        "dmsetup message m 0 nonsense || echo refused",
        "dmsetup remove m",
        "dd if=/dev/ram0 bs=4 count=1 2>/dev/null | od -An -tu4",
      ].join("\n"),
      { onOutput: (_s, text) => (out += text) },
    );
    expect(out).toBe(
      [
        "0 64 meta gen 1",
        "committed 2",
        "0 64 meta gen 4",
        "0 64 meta 1:0",
        "device-mapper: message ioctl on m  failed: Invalid argument",
        "Command failed.",
        "refused",
        "          6",
        "",
      ].join("\n"),
    );
  });

  it("the editor's dry run does not run a ctr that does I/O", () => {
    const e = withMeta();
    const r = e.dm.validate(null, "0 64 meta /dev/ram0");
    expect(r).toEqual({ ok: true, log: [], unchecked: "meta" });
    expect(e.lookup("/dev/ram0")!.openCount).toBe(0);
  });
});
