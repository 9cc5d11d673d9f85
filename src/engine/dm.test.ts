import { describe, expect, it } from "vitest";
import { DmError } from "./types.ts";
import { createDevice, engineWithDisks, kernelLines } from "./test/helpers.ts";

function loadError(e: ReturnType<typeof engineWithDisks>, table: string): [string, string[]] {
  e.klog.clear();
  const md = e.dm.create("x");
  try {
    e.dm.load("x", table);
    return ["ok", kernelLines(e)];
  } catch (err) {
    return [(err as DmError).errno, kernelLines(e)];
  } finally {
    e.dm.remove(md.dmName);
  }
}

describe("device-mapper ioctls", () => {
  it("numbers dm devices 254:N with the lowest free minor", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 100 linear /dev/ram0 0");
    await createDevice(e, "b", "0 100 linear /dev/ram0 100");
    await createDevice(e, "c", "0 100 linear /dev/ram0 200");
    expect(e.dm.list().map((m) => [m.dmName, m.devName, m.name])).toEqual([
      ["a", "254:0", "dm-0"],
      ["b", "254:1", "dm-1"],
      ["c", "254:2", "dm-2"],
    ]);
    e.dm.remove("b");
    await createDevice(e, "d", "0 100 zero");
    expect(e.dm.byName("d")!.devName).toBe("254:1");
    expect(e.lookup("/dev/mapper/d")).toBe(e.lookup("/dev/dm-1"));
    expect(e.lookup("254:1")).toBe(e.dm.byName("d"));
    expect(e.lookup("/dev/ram1")!.devName).toBe("1:1");
  });

  it("refuses a name or uuid already in use", () => {
    const e = engineWithDisks();
    e.dm.create("a", { uuid: "U1" });
    expect(() => e.dm.create("a")).toThrow(DmError);
    expect(() => e.dm.create("b", { uuid: "U1" })).toThrowError(/busy/);
  });

  it("validates tables with the kernel's words", () => {
    const e = engineWithDisks(2, 4096);
    const dm = "device-mapper: ioctl: error adding target to table";
    expect(loadError(e, "0 100 nosuch")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: nosuch: unknown target type", dm],
    ]);
    expect(loadError(e, "0 100 linear /dev/ram0 0\n200 100 linear /dev/ram0 0")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: linear: Gap in table (-EINVAL)", dm],
    ]);
    expect(loadError(e, "0 0 zero")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: zero-length target", dm],
    ]);
    expect(loadError(e, "0 100 linear /dev/ram0")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: linear: Invalid argument count (-EINVAL)", dm],
    ]);
    expect(loadError(e, "0 100 linear /dev/ram0 -1")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: linear: Invalid device sector (-EINVAL)", dm],
    ]);
    expect(loadError(e, "0 100 linear /dev/nothing 0")).toEqual([
      "ENODEV",
      ["device-mapper: table: 254:0: linear: Device lookup failed (-ENODEV)", dm],
    ]);
    expect(loadError(e, "0 100 linear 7:99 0")).toEqual([
      "ENXIO",
      ["device-mapper: table: 254:0: linear: Device lookup failed (-ENXIO)", dm],
    ]);
    expect(loadError(e, "0 100 zero extra")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: zero: No arguments required (-EINVAL)", dm],
    ]);
    expect(loadError(e, "0 100 error any args at all")[0]).toBe("ok");
    expect(loadError(e, "0 8193 linear /dev/ram0 0")).toEqual([
      "EINVAL",
      [
        "device-mapper: table: 254:0: ram0 too small for target: start=0, len=8193, dev_size=8192",
        "device-mapper: core: Cannot calculate initial queue limits",
        "device-mapper: ioctl: unable to set up device queue for new table.",
      ],
    ]);
    expect(loadError(e, "0 -5 zero")).toEqual([
      "EINVAL",
      ["device-mapper: table: 254:0: too large device", dm],
    ]);
  });

  it("validates striped tables", () => {
    const e = engineWithDisks(3, 4096);
    const err = (t: string) => loadError(e, t)[1][0];
    expect(err("0 100 striped 2")).toBe(
      "device-mapper: table: 254:0: striped: Not enough arguments (-EINVAL)",
    );
    expect(err("0 100 striped 0 8 /dev/ram0 0")).toBe(
      "device-mapper: table: 254:0: striped: Invalid stripe count (-EINVAL)",
    );
    expect(err("0 100 striped 2 0 /dev/ram0 0 /dev/ram1 0")).toBe(
      "device-mapper: table: 254:0: striped: Invalid chunk_size (-EINVAL)",
    );
    expect(err("0 101 striped 2 8 /dev/ram0 0 /dev/ram1 0")).toBe(
      "device-mapper: table: 254:0: striped: Target length not divisible by number of stripes (-EINVAL)",
    );
    expect(err("0 100 striped 2 8 /dev/ram0 0 /dev/ram1 0")).toBe(
      "device-mapper: table: 254:0: striped: Target length not divisible by chunk size (-EINVAL)",
    );
    expect(err("0 96 striped 2 8 /dev/ram0 0")).toBe(
      "device-mapper: table: 254:0: striped: Not enough destinations specified (-EINVAL)",
    );
    expect(err("0 96 striped 2 8 /dev/ram0 0 /dev/nope 0")).toBe(
      "device-mapper: table: 254:0: striped: Couldn't parse stripe destination (-ENODEV)",
    );
    // A failed striped ctr puts the devices it already got.
    expect(e.ramDisks[0]!.openCount).toBe(0);
    expect(loadError(e, "0 96 striped 3 8 /dev/ram0 0 /dev/ram1 0 /dev/ram2 0")[0]).toBe("ok");
  });

  it("keeps live and inactive tables apart; resume swaps and destroys the old one", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 100 linear /dev/ram0 0");
    e.dm.load("a", "0 200 linear /dev/ram1 0");
    let info = e.dm.info("a");
    expect([info.live, info.inactive, info.targetCount]).toEqual([true, true, 1]);
    expect(e.dm.status("a", "TABLE")[0]!.params).toBe("1:0 0");
    expect(e.dm.status("a", "TABLE", { inactive: true })[0]!.params).toBe("1:1 0");
    expect(e.ramDisks[0]!.openCount).toBe(1);
    expect(e.ramDisks[1]!.openCount).toBe(1);
    await e.dm.resume("a");
    info = e.dm.info("a");
    expect([info.live, info.inactive]).toEqual([true, false]);
    expect(e.dm.byName("a")!.sizeSectors).toBe(200);
    expect(e.ramDisks[0]!.openCount).toBe(0);
    // clear drops an inactive table and its device references.
    e.dm.load("a", "0 100 linear /dev/ram0 0");
    e.dm.clear("a");
    expect(e.dm.info("a").inactive).toBe(false);
    expect(e.ramDisks[0]!.openCount).toBe(0);
  });

  it("stacks devices and refuses to remove one that is held open", async () => {
    const e = engineWithDisks();
    await createDevice(e, "low", "0 8192 linear /dev/ram0 0");
    await createDevice(e, "mid", "0 8192 linear /dev/mapper/low 0");
    await createDevice(e, "top", "0 4096 linear 254:1 4096");
    expect(e.dm.info("low").openCount).toBe(1);
    expect(e.dm.deps("top").map((d) => d.devName)).toEqual(["254:1"]);
    expect(() => e.dm.remove("low")).toThrowError(/busy/);
    e.dm.remove("top");
    e.dm.remove("mid");
    e.dm.remove("low");
    expect(e.dm.list()).toEqual([]);
  });

  it("remove_all removes stacks top-down", async () => {
    const e = engineWithDisks();
    await createDevice(e, "low", "0 8192 linear /dev/ram0 0");
    await createDevice(e, "top", "0 8192 linear /dev/mapper/low 0");
    expect(await e.dm.removeAllAsync()).toBe(false);
    expect(e.dm.list()).toEqual([]);
    expect(e.ramDisks[0]!.openCount).toBe(0);
  });

  it("renames and sets uuids once", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 100 zero");
    e.dm.rename("a", "b");
    expect(e.dm.byName("a")).toBeUndefined();
    expect(e.lookup("/dev/mapper/b")).toBeDefined();
    e.dm.rename("b", "UUID-1", { setUuid: true });
    expect(e.dm.info("b").uuid).toBe("UUID-1");
    expect(() => e.dm.rename("b", "UUID-2", { setUuid: true })).toThrow(DmError);
  });

  it("messages need a target that takes them", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 100 linear /dev/ram0 0");
    e.klog.clear();
    await expect(e.dm.message("a", 0, "hello")).rejects.toThrow(DmError);
    expect(kernelLines(e)).toEqual(["device-mapper: ioctl: Target type does not support messages"]);
  });

  it("the device has no size and fails I/O until a table is live", async () => {
    const e = engineWithDisks();
    e.dm.create("a");
    expect(e.dm.byName("a")!.sizeSectors).toBe(0);
    e.dm.load("a", "0 100 zero");
    expect(e.dm.byName("a")!.sizeSectors).toBe(0);
    await e.dm.resume("a");
    expect(e.dm.byName("a")!.sizeSectors).toBe(100);
  });
});

describe("validate (the table editor's dry run)", () => {
  it("reports what the kernel would log, and changes nothing", async () => {
    const e = engineWithDisks();
    await createDevice(e, "a", "0 100 linear /dev/ram0 0");
    const before = { seq: e.events.seq, log: kernelLines(e), open: e.ramDisks[1]!.openCount };
    expect(e.dm.validate("a", "0 100 linear /dev/ram1")).toEqual({
      ok: false,
      errno: "EINVAL",
      log: [
        "device-mapper: table: 254:0: linear: Invalid argument count (-EINVAL)",
        "device-mapper: ioctl: error adding target to table",
      ],
      failedTarget: 0,
    });
    expect(e.dm.validate("a", "0 100 linear /dev/ram1 0")).toEqual({ ok: true, log: [] });
    // A device about to be created gets the next minor, and the first-load checks.
    expect(e.dm.validate(null, "0 9000 linear /dev/ram1 0").log[0]).toBe(
      "device-mapper: table: 254:1: ram1 too small for target: start=0, len=9000, dev_size=8192",
    );
    expect({ seq: e.events.seq, log: kernelLines(e), open: e.ramDisks[1]!.openCount }).toEqual(
      before,
    );
    expect(e.dm.info("a").inactive).toBe(false);
  });
});
