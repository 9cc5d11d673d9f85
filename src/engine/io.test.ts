import { describe, expect, it } from "vitest";
import { Bio } from "./bio.ts";
import { EV } from "./events.ts";
import { defineTarget, type DmDev } from "./target.ts";
import { createDevice, engineWithDisks, pattern, register, sameBytes } from "./test/helpers.ts";
import type { MapState } from "./types.ts";

/** A target whose map returns whatever the test says, remapping to ram0 when REMAPPED. */
function scripted(
  name: string,
  decide: (bio: Bio) => MapState | "END_THEN_SUBMITTED" | "DOUBLE_END",
) {
  return defineTarget<{ dev: DmDev }>({
    name,
    version: [1, 0, 0],
    ctr(t, args) {
      t.private = { dev: t.getDevice(args[0] ?? "/dev/ram0") };
      t.numFlushBios = 1;
    },
    dtr(t) {
      t.putDevice(t.priv.dev);
    },
    map(t, bio) {
      const d = decide(bio);
      if (d === "END_THEN_SUBMITTED") {
        bio.end();
        return "SUBMITTED";
      }
      if (d === "DOUBLE_END") {
        bio.end();
        bio.end();
        return "SUBMITTED";
      }
      bio.bdev = t.priv.dev.bdev;
      return d;
    },
  });
}

describe("the bio path", () => {
  it("splits a write across a linear boundary into two remapped clones", async () => {
    const e = engineWithDisks();
    await createDevice(e, "cat", "0 8192 linear /dev/ram0 0\n8192 8192 linear /dev/ram1 0");
    const data = pattern(4096, 1);
    const from = e.events.seq;
    await e.write("/dev/mapper/cat", (8192 - 4) * 512, data);
    const evs = e.events.since(from);
    const remaps = evs.filter((v) => v.type === EV.BIO_REMAP);
    expect(
      remaps.map((r) => [e.lookup(`${r.dev >> 20}:${r.dev & 0xfffff}`)!.name, r.sector, r.sectors]),
    ).toEqual([
      ["ram0", 8188, 4],
      ["ram1", 0, 4],
    ]);
    expect(evs.filter((v) => v.type === EV.BIO_SPLIT)).toHaveLength(2);
    expect(evs.filter((v) => v.type === EV.BIO_MAP).map((v) => v.mapState)).toEqual([
      "REMAPPED",
      "REMAPPED",
    ]);
    // One bio from submission to completion: the original completes last, OK.
    const last = evs[evs.length - 1]!;
    expect(last.kind).toBe("bio_complete");
    expect(last.status).toBe("OK");
    expect(sameBytes(await e.read("/dev/ram0", 8188 * 512, 2048), data.subarray(0, 2048))).toBe(
      true,
    );
    expect(sameBytes(await e.read("/dev/ram1", 0, 2048), data.subarray(2048))).toBe(true);
  });

  it("splits at max_io_len (striped chunks) and lands data round robin", async () => {
    const e = engineWithDisks(3);
    await createDevice(e, "s", "0 6144 striped 3 16 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0");
    const data = pattern(96 * 512, 2);
    const from = e.events.seq;
    await e.write("/dev/mapper/s", 0, data);
    expect(e.events.since(from).filter((v) => v.type === EV.BIO_CLONE)).toHaveLength(6);
    // chunk k (16 sectors) goes to disk k % 3 at sector 16 * floor(k / 3)
    for (let k = 0; k < 6; k++) {
      const got = await e.read(`/dev/ram${k % 3}`, 16 * Math.floor(k / 3) * 512, 16 * 512);
      expect(sameBytes(got, data.subarray(k * 8192, (k + 1) * 8192))).toBe(true);
    }
    expect(e.dm.status("s", "INFO")[0]!.params).toBe("3 1:0 1:1 1:2 1 AAA");
  });

  it("fans an empty flush out num_flush_bios times per target", async () => {
    const e = engineWithDisks(2);
    await createDevice(
      e,
      "s",
      "0 64 striped 2 8 /dev/ram0 0 /dev/ram1 0\n64 64 linear /dev/ram0 100\n128 64 zero",
    );
    const from = e.events.seq;
    const st = await e.io(e.lookup("/dev/mapper/s")!, "FLUSH", 0, null, 0);
    expect(st).toBe("OK");
    const remaps = e.events.since(from).filter((v) => v.type === EV.BIO_REMAP);
    expect(remaps.map((r) => r.dev & 0xfffff)).toEqual([0, 1, 0]);
  });

  it("zero reads zeros and drops writes; error kills", async () => {
    const e = engineWithDisks();
    await createDevice(e, "z", "0 100 zero\n100 100 error");
    const buf = await e.read("/dev/mapper/z", 0, 4096);
    expect(buf.every((b) => b === 0)).toBe(true);
    const from = e.events.seq;
    const st = await e.io(e.lookup("/dev/mapper/z")!, "WRITE", 96, new Uint8Array(4096));
    expect(st).toBe("IOERR");
    const maps = e.events
      .since(from)
      .filter((v) => v.type === EV.BIO_MAP)
      .map((v) => v.mapState);
    expect(maps).toEqual(["SUBMITTED", "KILL"]);
  });

  it("holds bios while suspended and re-drives them on resume", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 8192 linear /dev/ram0 0");
    await e.dm.suspend("a");
    let done = false;
    const p = e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, pattern(512, 3)).then((s) => {
      done = true;
      return s;
    });
    await e.sleep(5e9);
    expect(done).toBe(false);
    expect(e.dm.byName("a")!.deferred).toHaveLength(1);
    await e.dm.resume("a");
    expect(await p).toBe("OK");
    const kinds = e.events.since(0).map((v) => v.kind);
    expect(kinds.indexOf("bio_defer")).toBeLessThan(kinds.lastIndexOf("device_resume"));
    expect(kinds.indexOf("bio_redrive")).toBeGreaterThan(kinds.lastIndexOf("device_resume"));
  });

  it("REQUEUE is retried after resume during a noflush suspend, an error otherwise", async () => {
    const e = engineWithDisks();
    let requeue = true;
    register(e, scripted("rq", () => (requeue ? "REQUEUE" : "REMAPPED")) as never);
    await createDevice(e, "a", "0 100 rq /dev/ram0");
    // Outside a noflush suspend: an I/O error.
    expect(await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512))).toBe("IOERR");
    // Inside one: pushed back, then retried after resume.
    const md = e.dm.byName("a")!;
    md.noflushSuspending = true;
    md.blockIo = true;
    let status = "";
    const bio = new Bio(
      e,
      "WRITE",
      md,
      0,
      1,
      new Uint8Array(512),
      0,
      null,
      (b) => (status = b.status),
    );
    // Bypass blockIo for the first map so that map returns REQUEUE while the suspend waits.
    md.blockIo = false;
    e.submitBio(bio);
    md.blockIo = true;
    expect(md.deferred).toEqual([bio]);
    md.noflushSuspending = false;
    md.suspended = true;
    requeue = false;
    await e.dm.resume("a");
    expect(status).toBe("OK");
  });

  it("end_io REQUEUE, INCOMPLETE and DONE", async () => {
    const e = engineWithDisks();
    let phase: "INCOMPLETE" | "DONE" = "INCOMPLETE";
    register(
      e,
      defineTarget<{ dev: DmDev; held: Bio | null }>({
        name: "eio",
        version: [1, 0, 0],
        ctr(t) {
          t.private = { dev: t.getDevice("/dev/ram0"), held: null };
        },
        dtr(t) {
          t.putDevice(t.priv.dev);
        },
        map(t, bio) {
          bio.bdev = t.priv.dev.bdev;
          return "REMAPPED";
        },
        endIo(t, bio) {
          if (phase === "INCOMPLETE") {
            // Keep it and end it later, after 1 ms of virtual time.
            phase = "DONE";
            t.schedule(1e6, () => bio.end());
            return "INCOMPLETE";
          }
          return "DONE";
        },
      }) as never,
    );
    await createDevice(e, "a", "0 100 eio");
    const t0 = e.now;
    expect(await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512))).toBe("OK");
    expect(e.now - t0).toBe(1e6);
    const endios = e.events
      .since(0)
      .filter((v) => v.type === EV.BIO_ENDIO)
      .map((v) => v.endIo);
    expect(endios).toEqual(["INCOMPLETE", "DONE"]);
  });
});

it("a target whose end_io keeps returning INCOMPLETE and never ends the bio does not hang", async () => {
  const e = engineWithDisks();
  register(
    e,
    defineTarget<{ dev: DmDev }>({
      name: "forever",
      version: [1, 0, 0],
      ctr(t) {
        t.private = { dev: t.getDevice("/dev/ram0") };
      },
      dtr(t) {
        t.putDevice(t.priv.dev);
      },
      map(t, bio) {
        bio.bdev = t.priv.dev.bdev;
        return "REMAPPED";
      },
      endIo: () => "INCOMPLETE",
    }) as never,
  );
  await createDevice(e, "a", "0 100 forever");
  expect(await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512))).toBe("IOERR");
  expect(e.faults.map((f) => f.what)).toEqual([
    expect.stringMatching(/SUBMITTED but never ended/),
    expect.stringMatching(/end_io returned INCOMPLETE for bio \d+ the engine had to end/),
  ]);
});

describe("misbehaving targets are caught, the bio failed, the engine goes on", () => {
  const cases: Array<
    [string, (bio: Bio) => never | MapState | "END_THEN_SUBMITTED" | "DOUBLE_END", RegExp]
  > = [
    [
      "throws",
      () => {
        throw new Error("oops");
      },
      /map threw: oops/,
    ],
    ["returns an unknown MapState", () => "SOMETIMES" as MapState, /unknown value: SOMETIMES/],
    ["returns DELAY_REQUEUE", () => "DELAY_REQUEUE", /DELAY_REQUEUE/],
    ["ends a bio twice", () => "DOUBLE_END", /ended twice/],
    ["never ends a SUBMITTED bio", () => "SUBMITTED", /SUBMITTED but never ended/],
  ];
  for (const [what, decide, fault] of cases) {
    it(what, async () => {
      const e = engineWithDisks();
      register(e, scripted("bad", decide) as never);
      await createDevice(e, "a", "0 100 bad /dev/ram0");
      const st = await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512));
      expect(e.faults.map((f) => f.what).join("\n")).toMatch(fault);
      if (what !== "ends a bio twice") expect(st).toBe("IOERR");
      expect(e.events.since(0).some((v) => v.type === EV.TARGET_FAULT)).toBe(true);
      // Still working: another device does I/O fine.
      await createDevice(e, "ok", "0 100 linear /dev/ram1 0");
      expect(await e.io(e.lookup("/dev/mapper/ok")!, "WRITE", 0, new Uint8Array(512))).toBe("OK");
    });
  }

  it("remaps past a device's end", async () => {
    const e = engineWithDisks(2, 4);
    register(
      e,
      defineTarget<DmDev>({
        name: "far",
        version: [1, 0, 0],
        ctr(t) {
          t.private = t.getDevice("/dev/ram0");
        },
        dtr(t) {
          t.putDevice(t.priv);
        },
        map(t, bio) {
          bio.bdev = t.priv.bdev;
          bio.sector += 1_000_000;
          return "REMAPPED";
        },
      }) as never,
    );
    await createDevice(e, "a", "0 8 far");
    expect(await e.io(e.lookup("/dev/mapper/a")!, "READ", 0, new Uint8Array(512))).toBe("IOERR");
    expect(e.faults[0]!.what).toMatch(/remapped past the end of ram0/);
    expect(
      e.klog.lines.some((l) => l.text.startsWith("attempt to access beyond end of device")),
    ).toBe(true);
  });

  it("a ctr that throws a plain Error fails the load with its message", () => {
    const e = engineWithDisks();
    register(
      e,
      defineTarget({
        name: "boom",
        version: [1, 0, 0],
        ctr() {
          throw new TypeError("cannot read x of undefined");
        },
        map: () => "KILL",
      }),
    );
    e.dm.create("a");
    expect(() => e.dm.load("a", "0 8 boom")).toThrow();
    expect(e.klog.lines.map((l) => l.text)).toContain(
      "device-mapper: table: 254:0: boom: ctr threw: cannot read x of undefined (-EINVAL)",
    );
  });
});

describe("determinism", () => {
  it("the same script gives the same events and bytes", async () => {
    async function run(): Promise<[Float64Array, Uint8Array]> {
      const e = engineWithDisks(2, 1024, 99);
      await createDevice(e, "s", "0 2048 striped 2 8 /dev/ram0 0 /dev/ram1 0");
      for (let i = 0; i < 50; i++) {
        const sector = Math.floor(e.rng.next() * 2040);
        const buf = new Uint8Array(4096);
        e.rng.fill(buf);
        await e.io(e.lookup("/dev/mapper/s")!, "WRITE", sector - (sector % 8), buf);
      }
      const out = new Float64Array(e.events.seq * 8);
      e.events.copySince(0, out);
      return [out, await e.read("/dev/mapper/s", 0, 2048 * 512)];
    }
    const [ea, da] = await run();
    const [eb, db] = await run();
    expect(Buffer.from(ea.buffer).equals(Buffer.from(eb.buffer))).toBe(true);
    expect(sameBytes(da, db)).toBe(true);
  });
});
