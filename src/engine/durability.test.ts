/**
 * What the durability contract checks point at: a target that drops REQ_FUA or flushes loses
 * data an application was told is durable, once a RAM disk has a volatile write cache and the
 * power goes (writecache.ts, powercut.ts, contracts.ts fua-dropped / no-flush-bios).
 */
import { describe, expect, it } from "vitest";
import { cutPower } from "./powercut.ts";
import { REQ_FUA, REQ_PREFLUSH } from "./types.ts";
import { setWriteCache } from "./writecache.ts";
import { createDevice, engineWithDisks, pattern } from "./test/helpers.ts";

const DROP_FUA = `
import { defineTarget, type DmDev } from "dm-playground";
export default defineTarget<{ dev: DmDev }>({
  name: "drop_fua",
  version: [1, 0, 0],
  ctr(t, args) {
    t.numFlushBios = 1;
    t.private = { dev: t.getDevice(args[0]!) };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    bio.flags &= ~1; // BUG: drops REQ_FUA
    return "REMAPPED";
  },
  status(t, type) {
    return type === "TABLE" ? t.priv.dev.name : "";
  },
});
`;

describe("durability and the power cut", () => {
  it("a FUA write through a target that drops REQ_FUA is lost by a power cut; through linear it survives", async () => {
    const e = engineWithDisks(2);
    for (const d of e.ramDisks) setWriteCache(e, d, true);
    e.modules.insmod("dm-drop-fua.ts", DROP_FUA);
    await createDevice(e, "bad", "0 1024 drop_fua /dev/ram0");
    await createDevice(e, "good", "0 1024 linear /dev/ram1 0");
    const data = pattern(4096, 5);
    for (const name of ["bad", "good"])
      expect(
        await e.io(e.lookup(`/dev/mapper/${name}`)!, "WRITE", 0, data, undefined, REQ_FUA),
      ).toBe("OK");
    const problems = e.modules.problems();
    expect(problems.map((p) => p.check)).toEqual(["fua-dropped"]);
    expect(problems[0]!.message).toMatch(/diskcache ram0 on, then powercut/);
    expect(e.klog.lines.some((l) => l.text.includes("[fua-dropped]"))).toBe(true);
    cutPower(e);
    expect((await e.read("/dev/ram0", 0, 4096)).every((b) => b === 0)).toBe(true);
    expect(await e.read("/dev/ram1", 0, 4096)).toEqual(data);
  });

  it("a flush through linear makes earlier writes durable", async () => {
    const e = engineWithDisks(1);
    setWriteCache(e, e.ramDisks[0]!, true);
    await createDevice(e, "lin", "0 1024 linear /dev/ram0 0");
    const md = e.lookup("/dev/mapper/lin")!;
    const data = pattern(4096, 6);
    await e.io(md, "WRITE", 8, data);
    expect(await e.io(md, "WRITE", 0, null, 0, REQ_PREFLUSH)).toBe("OK");
    await e.io(md, "WRITE", 64, pattern(4096, 7)); // after the flush: lost
    cutPower(e);
    expect(await e.read("/dev/ram0", 8 * 512, 4096)).toEqual(data);
    expect((await e.read("/dev/ram0", 64 * 512, 4096)).every((b) => b === 0)).toBe(true);
  });
});
