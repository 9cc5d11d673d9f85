import { describe, expect, it } from "vitest";
import { Bio } from "../bio.ts";
import type { Engine } from "../engine.ts";
import { EV } from "../events.ts";
import { createDevice, engineWithDisks, pattern, sameBytes } from "../test/helpers.ts";

/** Submit without waiting (e.io in eager mode runs the clock until the bio is done). */
function submit(e: Engine, path: string, op: "READ" | "WRITE"): { done: boolean; status: string } {
  const r = { done: false, status: "" };
  e.submitBio(
    new Bio(e, op, e.lookup(path)!, 0, 1, new Uint8Array(512), 0, null, (b) =>
      Object.assign(r, { done: true, status: b.status }),
    ),
  );
  return r;
}

describe("delay", () => {
  it("holds bios for the class's delay in virtual time and counts them in status", async () => {
    const e = engineWithDisks();
    await createDevice(e, "d", "0 4096 delay /dev/ram0 16 50 /dev/ram1 0 0");
    expect(e.dm.status("d", "TABLE")[0]!.params).toBe("1:0 16 50 1:1 0 0");
    const t0 = e.now;
    const r = submit(e, "/dev/mapper/d", "READ");
    e.clock.runUntil(t0 + 10e6);
    expect(r.done).toBe(false);
    expect(e.dm.status("d", "INFO")[0]!.params).toBe("1 0 0");
    e.settle();
    expect(r.done).toBe(true);
    expect(e.now - t0).toBe(50e6);
    expect(e.dm.status("d", "INFO")[0]!.params).toBe("0 0 0");
    // Writes go to the second class: ram1, undelayed.
    const t1 = e.now;
    await e.write("/dev/mapper/d", 0, pattern(512, 1));
    expect(e.now).toBe(t1);
    expect(sameBytes(await e.read("/dev/ram1", 0, 512), pattern(512, 1))).toBe(true);
    const maps = e.events
      .since(0)
      .filter((v) => v.type === EV.BIO_MAP)
      .map((v) => v.mapState);
    expect(maps).toEqual(["SUBMITTED", "REMAPPED"]);
  });

  it("releases held bios when suspended and stops delaying until resume", async () => {
    const e = engineWithDisks();
    await createDevice(e, "d", "0 4096 delay /dev/ram0 0 1000");
    const t0 = e.now;
    const r = submit(e, "/dev/mapper/d", "WRITE");
    e.clock.runUntil(t0 + 1e6);
    await e.dm.suspend("d");
    expect(r).toEqual({ done: true, status: "OK" });
    expect(e.now - t0).toBe(1e6);
    await e.dm.resume("d");
    const t1 = e.now;
    await e.write("/dev/mapper/d", 0, new Uint8Array(512));
    expect(e.now - t1).toBe(1e9);
  });

  it("rejects bad arguments with the kernel's words", () => {
    const e = engineWithDisks();
    e.dm.create("x");
    const err = (t: string) => {
      e.klog.clear();
      try {
        e.dm.load("x", t);
      } catch {
        /* expected */
      }
      return e.klog.lines[0]?.text;
    };
    expect(err("0 8 delay /dev/ram0 0")).toBe(
      "device-mapper: table: 254:0: delay: Requires exactly 3, 6 or 9 arguments (-EINVAL)",
    );
    expect(err("0 8 delay /dev/ram0 x 10")).toBe(
      "device-mapper: table: 254:0: delay: Invalid device sector (-EINVAL)",
    );
    expect(err("0 8 delay /dev/ram0 0 -1")).toBe(
      "device-mapper: table: 254:0: delay: Invalid delay (-EINVAL)",
    );
    expect(err("0 8 delay /dev/nope 0 10")).toBe(
      "device-mapper: table: 254:0: delay: Device lookup failed (-ENODEV)",
    );
    expect(e.ramDisks[0]!.openCount).toBe(0);
  });
});

describe("flakey", () => {
  it("is up, then down (every bio killed), then up again", async () => {
    const e = engineWithDisks();
    await createDevice(e, "f", "0 4096 flakey /dev/ram0 0 2 3");
    const md = e.lookup("/dev/mapper/f")!;
    const at = async (sec: number) => {
      await e.sleep(sec * 1e9 - e.now);
      return e.io(md, "WRITE", 0, new Uint8Array(512));
    };
    expect(await at(1)).toBe("OK");
    expect(await at(2)).toBe("IOERR");
    expect(await at(4.5)).toBe("IOERR");
    expect(await at(5)).toBe("OK");
    expect(await at(7)).toBe("IOERR");
    expect(e.dm.status("f", "TABLE")[0]!.params).toBe("1:0 0 2 3 0 ");
  });

  it("drop_writes reports writes done without writing; reads still work", async () => {
    const e = engineWithDisks();
    await e.write("/dev/ram0", 0, pattern(512, 1));
    await createDevice(e, "f", "0 4096 flakey /dev/ram0 0 0 10 1 drop_writes");
    expect(await e.io(e.lookup("/dev/mapper/f")!, "WRITE", 0, pattern(512, 2))).toBe("OK");
    expect(sameBytes(await e.read("/dev/mapper/f", 0, 512), pattern(512, 1))).toBe(true);
    expect(e.dm.status("f", "TABLE")[0]!.params).toBe("1:0 0 0 10 1 drop_writes ");
  });

  it("corrupts the Nth byte of reads while down", async () => {
    const e = engineWithDisks();
    await e.write("/dev/ram0", 0, new Uint8Array(512));
    await createDevice(e, "f", "0 4096 flakey /dev/ram0 0 0 10 5 corrupt_bio_byte 32 r 1 0");
    const got = await e.read("/dev/mapper/f", 0, 512);
    expect(got[31]).toBe(1);
    expect(got.filter((b) => b !== 0)).toHaveLength(1);
    expect(e.dm.status("f", "TABLE")[0]!.params).toBe("1:0 0 0 10 5 corrupt_bio_byte 32 r 1 0 ");
  });
});

describe("crypt", () => {
  const K32 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  for (const cipher of ["aes-xts-plain64", "aes-cbc-essiv:sha256", "aes-cbc-plain64", "aes-ecb"]) {
    it(`${cipher}: what is written reads back; the disk below holds something else`, async () => {
      const e = engineWithDisks();
      await createDevice(e, "c", `0 4096 crypt ${cipher} ${K32} 7 /dev/ram0 8`);
      const data = pattern(8 * 512, 3);
      await e.write("/dev/mapper/c", 512, data);
      expect(sameBytes(await e.read("/dev/mapper/c", 512, data.length), data)).toBe(true);
      const below = await e.read("/dev/ram0", 9 * 512, data.length);
      expect(sameBytes(below, data)).toBe(false);
      // The caller's buffer still holds the plaintext (writes go through a bounce buffer).
      expect(sameBytes(data, pattern(8 * 512, 3))).toBe(true);
      // Each sector is encrypted on its own: the same plaintext in two sectors differs below,
      // except in ECB, which has no IV.
      await e.write("/dev/mapper/c", 0, new Uint8Array(1024));
      const two = await e.read("/dev/ram0", 8 * 512, 1024);
      expect(sameBytes(two.subarray(0, 512), two.subarray(512))).toBe(cipher === "aes-ecb");
      expect(e.dm.status("c", "TABLE")[0]!.params).toBe(`${cipher} ${K32} 7 1:0 8`);
    });
  }
});
