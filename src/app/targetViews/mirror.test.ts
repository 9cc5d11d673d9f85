import { describe, expect, it } from "vitest";
import { HistoryIndex } from "../history/indexes.ts";
import { recordEngine } from "../history/testing.ts";
import { viewsFor } from "./index.ts";
import { mirrorModel, parseMirrorArgs } from "./mirror.tsx";

// The recorded engine's scenario has two 16 MiB RAM disks (ram0, ram1).
describe("the mirror's view", () => {
  it("is registered, and reads table lines as dmsetup table prints them", () => {
    expect(viewsFor("mirror").map((v) => v.title)).toEqual(["regions per leg"]);
    expect(parseMirrorArgs("disk 3 1:2 512 nosync 2 1:0 0 1:1 8 1 handle_errors")).toEqual({
      log: "disk",
      logDev: "1:2",
      regionSize: 512,
      nosync: true,
      legs: [
        { dev: "1:0", offset: 0 },
        { dev: "1:1", offset: 8 },
      ],
      features: ["handle_errors"],
    });
    expect(parseMirrorArgs("core 1 1024 2 1:0 0")).toBeNull();
  });

  it("follows recovery, writes and a failed leg as the engine has them", async () => {
    const { engine: e, history: h, run } = await recordEngine();
    expect(
      await run(
        [
          "dmsetup create leg --table '0 8192 linear /dev/ram1 0'",
          "dmsetup create m --table '0 8192 mirror core 1 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors'",
        ].join("\n"),
      ),
    ).toBe(0);
    const dev = e.dm.byName("m")!.dev;
    const p = parseMirrorArgs(e.dm.status("m", "TABLE")[0]!.params)!;
    const index = new HistoryIndex(h);
    // Right after the resume recovery has started: region 0 is being copied, the rest not.
    const m0 = mirrorModel(p, 0, 8192, dev, h, index, h.head);
    expect(m0.regions.length).toBe(8);
    expect(m0.regions.filter((s) => s === "sync").length).toBeLessThan(8);
    expect(await run("sleep 1")).toBe(0);
    let m = mirrorModel(p, 0, 8192, dev, h, new HistoryIndex(h), h.head);
    expect(m.regions).toEqual(new Array(8).fill("sync"));
    expect(m.recovered).toBe(8);
    const leg = `254:${e.dm.byName("leg")!.minor}`;
    expect(e.dm.status("m", "INFO")[0]!.params).toBe(`2 1:0 ${leg} 8/8 1 AA 1 core`);
    // The second leg fails; a write to region 1 is held (handle_errors) until the suspend.
    expect(
      await run(
        [
          "dmsetup suspend leg",
          "dmsetup reload leg --table '0 8192 error'",
          "dmsetup resume leg",
          "dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 seek=130 oflag=direct 2>/dev/null &",
          "sleep 1",
        ].join("\n"),
      ),
    ).toBe(0);
    m = mirrorModel(p, 0, 8192, dev, h, new HistoryIndex(h), h.head);
    expect(m.health).toEqual(["A", "D"]);
    expect(m.regions[1]).toBe("nosync");
    expect(m.regions.filter((s) => s === "sync").length).toBe(7);
    expect(e.dm.status("m", "INFO")[0]!.params).toBe(`2 1:0 ${leg} 7/8 1 AD 1 core`);
    expect(await run("dmsetup suspend m\nwait\ndmsetup resume m")).toBe(0);
  });
});
