/**
 * Metadata I/O (dm-io.ts): a target's own bios on virtual time, FLUSH/FUA, errors, determinism,
 * and dm_get_md references (dm.ts).
 */

import { describe, expect, it } from "vitest";
import { Engine } from "./engine.ts";
import { Pacer } from "../worker/pacer.ts";
import { DmIoError } from "./dm-io.ts";
import { EV, type EngineEvent } from "./events.ts";
import { createShell } from "../shell/index.ts";
import { defineTarget, ctrError, type DmDev, type MappedDeviceRef } from "./target.ts";
import type { Bio } from "./bio.ts";
import { createDevice, engineWithDisks, register } from "./test/helpers.ts";
import { DmError, REQ_FUA, REQ_PREFLUSH, dev as mkdev } from "./types.ts";

const MAGIC = [0x44, 0x4d, 0x48, 0x44]; // "DMHD"
const HDR_SECTORS = 8;

interface Hdr {
  dev: DmDev;
  state: "loading" | "ready" | "failed";
  gen: number;
  held: Bio[];
  /** What the loader saw, for the tests. */
  log: string[];
}

function encodeHeader(gen: number): Uint8Array {
  const b = new Uint8Array(HDR_SECTORS * 512);
  b.set(MAGIC, 0);
  new DataView(b.buffer).setUint32(4, gen, true);
  return b;
}

/**
 * A target with an on-disk header in the first 4 KiB of its device: at ctr it reads the header
 * (writing a fresh one with FUA if there is none, then flushing and reading it back), holding
 * bios until it is ready; data goes after the header. `dmsetup message bump` rewrites the
 * header with the next generation.
 */
const hdrTarget = defineTarget<Hdr>({
  name: "hdr",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 1) ctrError("Invalid argument count");
    t.private = { dev: t.getDevice(args[0]!), state: "loading", gen: 0, held: [], log: [] };
    t.numFlushBios = 1;
    const p = t.priv;
    const region = [{ dev: p.dev, sector: 0, count: HDR_SECTORS }];
    const load = async (): Promise<void> => {
      const buf = new Uint8Array(HDR_SECTORS * 512);
      await t.dmIo({ op: "READ", mem: buf }, region);
      p.log.push(`read@${t.now}`);
      if (MAGIC.every((m, i) => buf[i] === m)) {
        p.gen = new DataView(buf.buffer).getUint32(4, true);
      } else {
        p.gen = 1;
        await t.dmIo({ op: "WRITE", flags: REQ_FUA, mem: encodeHeader(1) }, region);
        p.log.push(`wrote@${t.now}`);
        await t.dmIo({ op: "WRITE", flags: REQ_PREFLUSH }, [{ dev: p.dev, sector: 0, count: 0 }]);
        p.log.push(`flushed@${t.now}`);
        const back = new Uint8Array(HDR_SECTORS * 512);
        await t.dmIo({ op: "READ", mem: back }, region);
        p.log.push(`readback@${t.now}`);
        if (new DataView(back.buffer).getUint32(4, true) !== 1) throw new Error("bad readback");
      }
      p.state = "ready";
      for (const bio of p.held.splice(0)) {
        bio.bdev = p.dev.bdev;
        bio.sector = t.offset(bio.sector) + HDR_SECTORS;
        t.submitRemapped(bio);
      }
    };
    load().catch((err: unknown) => {
      p.state = "failed";
      p.log.push(`failed: ${err instanceof DmIoError ? `EIO bits ${err.errorBits}` : String(err)}`);
      for (const bio of p.held.splice(0)) bio.end("IOERR");
    });
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const p = t.priv;
    if (p.state === "failed") return "KILL";
    if (p.state === "loading") {
      p.held.push(bio);
      return "SUBMITTED";
    }
    bio.bdev = p.dev.bdev;
    if (bio.sectors > 0) bio.sector = t.offset(bio.sector) + HDR_SECTORS;
    return "REMAPPED";
  },
  message(t, args) {
    if (args[0] !== "bump") throw new DmError("EINVAL");
    const p = t.priv;
    p.gen++;
    t.dmIoAsync(
      { op: "WRITE", flags: REQ_FUA, mem: encodeHeader(p.gen) },
      [{ dev: p.dev, sector: 0, count: HDR_SECTORS }],
      (bits) => p.log.push(`bumped ${p.gen} bits ${bits}@${t.now}`),
    );
  },
  status(t, type) {
    return type === "TABLE" ? t.priv.dev.name : `${t.priv.state} ${t.priv.gen}`;
  },
});

function hdrEngine(seed = 1): Engine {
  const e = engineWithDisks(2, 4096, seed);
  register(e, hdrTarget);
  return e;
}

function privOf(e: Engine, name: string): Hdr {
  return e.dm.byName(name)!.live!.targets[0]!.private as Hdr;
}

/** Events without their sequence numbers, for comparing runs. */
function trace(evs: EngineEvent[]): string[] {
  return evs.map(
    (v) =>
      `${v.time} ${v.kind} bio=${v.bio} dev=${v.dev} ${v.sector}+${v.sectors} a=${v.a} b=${v.b}`,
  );
}

describe("dm-io: a target's own bios", () => {
  it("writes a header with FUA, flushes, reads it back, and survives remove and recreate", async () => {
    const e = hdrEngine();
    const sh = createShell(e);
    let out = "";
    const run = async (script: string): Promise<string> => {
      out = "";
      await sh.run(script, { onOutput: (_s, text) => (out += text) });
      return out;
    };
    await run("dmsetup create h --table '0 4096 hdr /dev/ram0'");
    await e.settled();
    const p = privOf(e, "h");
    expect(p.state).toBe("ready");
    expect(p.log.map((l) => l.replace(/@\d+/, ""))).toEqual([
      "read",
      "wrote",
      "flushed",
      "readback",
    ]);
    // The header is on the RAM disk, bytes as written.
    expect(await run("hexdump -C -n 16 /dev/ram0")).toBe(
      "00000000  44 4d 48 44 01 00 00 00  00 00 00 00 00 00 00 00  |DMHD............|\n00000010\n",
    );
    // The target's bios are its own: bio_submit names it, with the flags it gave.
    const subs = e.events.since(0).filter((v) => v.type === EV.BIO_SUBMIT && v.issuer);
    const md = e.dm.byName("h")!;
    expect(subs.map((v) => [v.op, v.flags, v.sector, v.sectors])).toEqual([
      ["READ", 0, 0, 8],
      ["WRITE", REQ_FUA, 0, 8],
      ["FLUSH", REQ_PREFLUSH, 0, 0],
      ["READ", 0, 0, 8],
    ]);
    for (const v of subs) {
      expect(v.issuer).toEqual({ dev: md.dev, target: 0 });
      expect(v.dev).toBe(mkdev(1, 0));
    }
    // Each completes as usual.
    const ids = new Set(subs.map((v) => v.bio));
    const done = e.events.since(0).filter((v) => v.type === EV.BIO_COMPLETE && ids.has(v.bio));
    expect(done.map((v) => v.status)).toEqual(["OK", "OK", "OK", "OK"]);

    // Data goes after the header.
    await run("printf 'payload!' | dd of=/dev/mapper/h bs=512 conv=sync oflag=direct 2>/dev/null");
    expect(await run("dd if=/dev/ram0 bs=512 skip=8 count=1 2>/dev/null | head -c 8")).toBe(
      "payload!",
    );
    const before = await run("md5sum /dev/ram0");

    // Remove and recreate: the header is found, not rewritten.
    await run("dmsetup remove h && dmsetup create h --table '0 4096 hdr /dev/ram0'");
    await e.settled();
    const q = privOf(e, "h");
    expect(q.state).toBe("ready");
    expect(q.gen).toBe(1);
    expect(q.log.map((l) => l.replace(/@\d+/, ""))).toEqual(["read"]);
    expect(await run("md5sum /dev/ram0")).toBe(before);
    expect(await run("dd if=/dev/mapper/h bs=8 count=1 2>/dev/null")).toBe("payload!");

    // A message rewrites the header (async dm_io with a notify callback).
    await run("dmsetup message h 0 bump");
    await e.settled();
    expect(q.log.at(-1)).toMatch(/^bumped 2 bits 0@/);
    expect(await run("hexdump -C -n 8 /dev/ram0")).toBe(
      "00000000  44 4d 48 44 02 00 00 00                           |DMHD....|\n00000008\n",
    );
  });

  it("holds bios until its metadata is read, through a delayed device, at exact virtual times", async () => {
    const e = hdrEngine();
    // The metadata device is 5 ms away: every bio to it takes 5 ms of virtual time.
    await createDevice(e, "slow", "0 8192 delay /dev/ram0 0 5");
    const t0 = e.now;
    e.dm.create("h");
    e.dm.load("h", "0 4096 hdr /dev/mapper/slow");
    await e.dm.resume("h");
    // A timer due 1 ns after the header write ends (10 ms): the continuation that issues the
    // flush acts at 10 ms exactly, before it.
    let timerSeq = -1;
    e.clock.schedule(t0 + 10e6 + 1 - e.now, () => (timerSeq = e.events.seq));
    const data = new Uint8Array(512).fill(7);
    await e.write("/dev/mapper/h", 0, data);
    const p = privOf(e, "h");
    expect(p.log.map((l) => Number(l.split("@")[1]) - t0)).toEqual([5e6, 10e6, 15e6, 20e6]);
    const flushSubmit = e.events
      .since(0)
      .find((v) => v.type === EV.BIO_SUBMIT && v.issuer && v.op === "FLUSH")!;
    expect(flushSubmit.time - t0).toBe(10e6);
    expect(flushSubmit.seq).toBeLessThan(timerSeq);
    // The write waited for the metadata, then went through the stack (5 ms more).
    expect(e.now - t0).toBe(25e6);
    expect(Array.from(await e.read("/dev/ram0", 8 * 512, 512))).toEqual(Array.from(data));
  });

  it("lets a continuation act at the instant its I/O ended, before a later entry", async () => {
    const e = hdrEngine();
    await createDevice(e, "slow", "0 8192 delay /dev/ram0 0 5");
    const seen: string[] = [];
    const probe = defineTarget<{ dev: DmDev }>({
      name: "probe",
      version: [1, 0, 0],
      ctr(t, args) {
        t.private = { dev: t.getDevice(args[0]!) };
      },
      dtr(t) {
        t.putDevice(t.priv.dev);
      },
      map() {
        return "KILL";
      },
      message(t) {
        const region = [{ dev: t.priv.dev, sector: 0, count: 1 }];
        void (async () => {
          await t.dmIo({ op: "READ", mem: new Uint8Array(512) }, region);
          seen.push(`first@${t.now}`);
          await t.dmIo({ op: "READ", mem: new Uint8Array(512) }, region);
          seen.push(`second@${t.now}`);
        })();
      },
    });
    register(e, probe);
    await createDevice(e, "p", "0 8 probe /dev/mapper/slow");
    const t0 = e.now;
    void e.dm.message("p", 0, "go");
    // An entry due 1 ns after the first read ends: the continuation (and its second read's
    // submission) comes first.
    e.clock.schedule(5e6 + 1, () => seen.push(`timer@${e.now}`));
    await e.sleep(20e6);
    expect(seen).toEqual([`first@${t0 + 5e6}`, `timer@${t0 + 5e6 + 1}`, `second@${t0 + 10e6}`]);
  });

  it("gives the same events and bytes for the same script", async () => {
    const once = async (): Promise<[string[], string]> => {
      const e = hdrEngine(7);
      const sh = createShell(e);
      let out = "";
      await sh.run(
        [
          "dmsetup create slow --table '0 8192 delay /dev/ram0 0 3'",
          "dmsetup create h --table '0 4096 hdr /dev/mapper/slow'",
          "dd if=/dev/urandom of=/dev/mapper/h bs=4k count=4 oflag=direct 2>/dev/null &",
          "dmsetup message h 0 bump",
          "wait",
          "md5sum /dev/ram0",
        ].join("\n"),
        { onOutput: (_s, text) => (out += text) },
      );
      await e.settled();
      return [trace(e.events.since(0)), out];
    };
    const [a, outA] = await once();
    const [b, outB] = await once();
    expect(outA).toMatch(/^[0-9a-f]{32} {2}\/dev\/ram0\n$/);
    expect(outB).toBe(outA);
    expect(b).toEqual(a);
    expect(a.some((l) => / bio_submit .* b=-/.test(l))).toBe(true);
  });

  it("gives the paced browser driver's events and bytes headless too", async () => {
    const script = [
      "modprobe brd rd_nr=2 rd_size=4096",
      "dmsetup create slow --table '0 8192 delay /dev/ram0 0 3'",
      // Entries of a load generator run all along, between the metadata I/O's.
      "loadgen start /dev/ram1 --rate 20000 --count 400 >/dev/null",
      "dmsetup create h --table '0 4096 hdr /dev/mapper/slow'",
      // (Sleeps end off the load generator's 50 µs grid: a sleeper and an entry due at the same
      // instant are ordered differently by the two drivers, which is not what this tests.)
      "sleep 0.0200123",
      "dmsetup message h 0 bump",
      "sleep 0.0100123",
      "md5sum /dev/ram0",
    ].join("\n");
    const runIn = async (drive: "eager" | "paced"): Promise<[string[], string]> => {
      const e = new Engine({ seed: 5, drive, ramDiskLatency: 50_000 });
      register(e, hdrTarget);
      const pacer = new Pacer();
      if (drive === "paced") {
        pacer.attach(e);
        pacer.set({ speed: "max" });
      }
      let out = "";
      await createShell(e).run(script, { onOutput: (_s, text) => (out += text) });
      pacer.close();
      return [trace(e.events.since(0)), out];
    };
    const [eager, outE] = await runIn("eager");
    const [paced, outP] = await runIn("paced");
    expect(outP).toBe(outE);
    expect(paced).toEqual(eager);
    expect(eager.filter((l) => / bio_submit .* b=-/.test(l))).toHaveLength(5);
  });

  it("reports a notify callback that throws as the target's fault, through the guard", async () => {
    const e = hdrEngine();
    // Through a delayed device the last bio ends later, in a guarded completion (when every
    // bio has ended before dm_io returns, notify runs in the caller's own call, as in Linux).
    await createDevice(e, "slow", "0 8192 delay /dev/ram0 0 1");
    await createDevice(e, "h", "0 4096 hdr /dev/mapper/slow");
    await e.settled();
    const t = e.dm.byName("h")!.live!.targets[0]!;
    const calls: string[] = [];
    const off = e.targetCalls.add({ enter: (c) => calls.push(`${c.op}:${c.target.type.name}`) });
    t.dmIoAsync(
      { op: "READ", mem: new Uint8Array(512) },
      [{ dev: (t.private as Hdr).dev, sector: 0, count: 1 }],
      () => {
        throw new Error("notify broke");
      },
    );
    await e.settled();
    off();
    expect(calls).toContain("completion:hdr");
    expect(e.faults.map((f) => f.what).join("\n")).toMatch(/notify broke/);
    // The engine carries on.
    await e.write("/dev/mapper/h", 0, new Uint8Array(512));
  });

  it("waits while the device below is suspended, and goes on when it resumes", async () => {
    const e = hdrEngine();
    await createDevice(e, "lower", "0 8192 linear /dev/ram0 0");
    await createDevice(e, "h", "0 4096 hdr /dev/mapper/lower");
    await e.settled();
    const t = e.dm.byName("h")!.live!.targets[0]!;
    const dev = (t.private as Hdr).dev;
    await e.dm.suspend("lower");
    let done = false;
    const from = e.events.seq;
    void t
      .dmIo({ op: "WRITE", flags: REQ_FUA, mem: new Uint8Array(512).fill(9) }, [
        { dev, sector: 64, count: 1 },
      ])
      .then(() => (done = true));
    await e.settled();
    expect(done).toBe(false);
    const held = e.events.since(from).filter((v) => v.kind === "bio_defer");
    expect(held).toHaveLength(1);
    await e.dm.resume("lower");
    await e.settled();
    expect(done).toBe(true);
    expect((await e.read("/dev/ram0", 64 * 512, 512))[0]).toBe(9);
  });

  it("rejects a failed read with EIO and the failed region's bit", async () => {
    const e = hdrEngine();
    await createDevice(e, "bad", "0 8192 error");
    e.dm.create("h");
    e.dm.load("h", "0 4096 hdr /dev/mapper/bad");
    await e.dm.resume("h");
    await e.settled();
    const p = privOf(e, "h");
    expect(p.state).toBe("failed");
    expect(p.log).toEqual(["failed: EIO bits 1"]);
    await expect(e.read("/dev/mapper/h", 0, 512)).rejects.toMatchObject({ errno: "EIO" });
    // The error below is the error target's: the clone of the target's read is killed there.
    const maps = e.events.since(0).filter((v) => v.type === EV.BIO_MAP);
    expect(maps[0]!.mapState).toBe("KILL");
  });

  it("checks its arguments: one region per read, memory large enough", async () => {
    const e = hdrEngine();
    await createDevice(e, "h", "0 4096 hdr /dev/ram0");
    await e.settled();
    const t = e.dm.byName("h")!.live!.targets[0]!;
    const dev = (t.private as Hdr).dev;
    await expect(
      t.dmIo({ op: "READ", mem: new Uint8Array(1024) }, [
        { dev, sector: 0, count: 1 },
        { dev, sector: 1, count: 1 },
      ]),
    ).rejects.toMatchObject({ errno: "EIO" });
    await expect(
      t.dmIo({ op: "WRITE", mem: new Uint8Array(512) }, [{ dev, sector: 0, count: 2 }]),
    ).rejects.toMatchObject({ errno: "EINVAL" });
    // A write to two regions writes the same bytes to both (a mirror's way).
    const two = new Uint8Array(512).fill(0xab);
    await t.dmIo({ op: "WRITE", mem: two }, [
      { dev, sector: 100, count: 1 },
      { dev, sector: 200, count: 1 },
    ]);
    expect((await e.read("/dev/ram0", 100 * 512, 512))[0]).toBe(0xab);
    expect((await e.read("/dev/ram0", 200 * 512, 512))[511]).toBe(0xab);
  });

  it("splits a large region into bios of at most 1 MiB", async () => {
    const e = hdrEngine();
    await createDevice(e, "h", "0 4096 hdr /dev/ram0");
    await e.settled();
    const t = e.dm.byName("h")!.live!.targets[0]!;
    const dev = (t.private as Hdr).dev;
    const from = e.events.seq;
    await t.dmIo({ op: "WRITE", mem: new Uint8Array(5000 * 512) }, [
      { dev, sector: 0, count: 5000 },
    ]);
    const subs = e.events.since(from).filter((v) => v.type === EV.BIO_SUBMIT);
    expect(subs.map((v) => [v.sector, v.sectors])).toEqual([
      [0, 2048],
      [2048, 2048],
      [4096, 904],
    ]);
  });
});

interface Peer {
  ref: MappedDeviceRef;
  keep: boolean;
}

/** "peer <mapped device> [keep]": finds another mapped device's target, as thin finds its pool. */
const peerTarget = defineTarget<Peer>({
  name: "peer",
  version: [1, 0, 0],
  ctr(t, args) {
    const ref = t.getMappedDevice(args[0] ?? "");
    if (!ref) ctrError("Couldn't get pool mapped device");
    t.private = { ref, keep: args[1] === "keep" };
  },
  dtr(t) {
    if (!t.priv.keep) t.priv.ref.put();
  },
  map() {
    return "KILL";
  },
  status(t) {
    const live = t.priv.ref.liveTable();
    return live ? live.map((x) => `${x.type.name}:${x.len}`).join(",") : "-";
  },
});

describe("dm_get_md: another mapped device's target", () => {
  it("finds the device and its live table, and keeps it from being removed until put", async () => {
    const e = engineWithDisks();
    register(e, peerTarget);
    await createDevice(e, "pool", "0 100 linear /dev/ram0 0\n100 28 zero");
    await createDevice(e, "thin", "0 8 peer /dev/mapper/pool");
    const pool = e.dm.byName("pool")!;
    expect(pool.references).toBe(1);
    expect(e.dm.status("thin", "INFO")[0]!.params).toBe("linear:100,zero:28");
    // A reload of the pool: the reference reads the new live table.
    e.dm.load("pool", "0 64 zero");
    await e.dm.resume("pool");
    expect(e.dm.status("thin", "INFO")[0]!.params).toBe("zero:64");
    // Held: removing the pool is refused, as dmsetup reports it.
    expect(() => e.dm.remove("pool")).toThrow(DmError);
    const sh = createShell(e);
    let out = "";
    await sh.run("dmsetup remove pool; echo rc=$?", { onOutput: (_s, t) => (out += t) });
    expect(out).toBe(
      "device-mapper: remove ioctl on pool  failed: Device or resource busy\nCommand failed.\nrc=1\n",
    );
    // By number too.
    await createDevice(e, "thin2", `0 8 peer ${pool.devName}`);
    expect(pool.references).toBe(2);
    e.dm.remove("thin");
    e.dm.remove("thin2");
    expect(pool.references).toBe(0);
    e.dm.remove("pool");
  });

  it("returns null for what is not a mapped device, and reports a reference dtr kept", async () => {
    const e = engineWithDisks();
    register(e, peerTarget);
    e.dm.create("x");
    expect(() => e.dm.load("x", "0 8 peer /dev/ram0")).toThrow(DmError);
    expect(e.klog.lines.map((l) => l.text)).toContain(
      "device-mapper: table: 254:0: peer: Couldn't get pool mapped device (-EINVAL)",
    );
    e.dm.remove("x");
    await createDevice(e, "pool", "0 8 zero");
    await createDevice(e, "leaky", "0 8 peer /dev/mapper/pool keep");
    e.dm.remove("leaky");
    expect(e.faults.map((f) => f.what)).toContain(
      "dtr did not put its reference to 254:0 (dm_get_md)",
    );
    expect(e.dm.byName("pool")!.references).toBe(0);
    e.dm.remove("pool");
  });
});
