import { describe, expect, it } from "vitest";
import { EV } from "./events.ts";
import { createDevice, engineWithDisks } from "./test/helpers.ts";

describe("load generators", () => {
  it("issue bios at the given rate on the virtual clock, and stop", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 8192 linear /dev/ram0 0");
    const g = e.load.start({
      device: "/dev/mapper/a",
      rate: 1000,
      readPct: 0,
      pattern: "seq",
      blockSize: 4096,
    });
    // A generator alone does not keep the engine busy.
    e.settle();
    await e.sleep(1e9);
    expect(g.issued).toBe(1001);
    expect(g.completed).toBe(1001);
    e.load.stop(g.id);
    await e.sleep(1e9);
    expect(g.issued).toBe(1001);
    expect(g.running).toBe(false);
    expect(
      e.events.since(0).filter((v) => v.type === EV.BIO_SUBMIT && v.dev === e.dm.byName("a")!.dev),
    ).toHaveLength(1001);
    // Sequential 4 KiB writes filled the start of the disk.
    expect([...e.ramDisks[0]!.disk.allocatedChunks()]).toHaveLength(63); // 1001 x 4 KiB = 62.6 chunks of 64 KiB
  });

  it("honours the queue depth when the device holds bios", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 8192 linear /dev/ram0 0");
    await e.dm.suspend("a");
    const g = e.load.start({ device: "/dev/mapper/a", rate: 0, queueDepth: 3 });
    await e.sleep(1e6);
    expect(g.issued).toBe(3);
    expect(g.inFlight).toBe(3);
    await e.dm.resume("a");
    await e.sleep(1e3);
    expect(g.completed).toBeGreaterThanOrEqual(3);
    e.load.stop();
  });

  it("counts completion statuses, and is reproducible from its seed", async () => {
    const run = async () => {
      const e = engineWithDisks();
      await createDevice(e, "a", "0 4096 linear /dev/ram0 0\n4096 4096 error");
      const g = e.load.start({ device: "/dev/mapper/a", count: 200, rate: 0, seed: 7 });
      await e.sleep(1e9);
      return { ...g.statuses };
    };
    const a = await run();
    expect(a.OK! + a.IOERR!).toBe(200);
    expect(a.IOERR).toBeGreaterThan(50);
    expect(await run()).toEqual(a);
  });

  it("rejects bad specs with a reason", () => {
    const e = engineWithDisks();
    expect(() => e.load.start({ device: "/dev/ram0", blockSize: 1000 })).toThrow(/multiple of 512/);
    expect(() => e.load.start({ device: "/dev/nope" })).toThrow(/No such file/);
  });
});
