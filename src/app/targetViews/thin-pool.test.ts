import { describe, expect, it } from "vitest";
import type { RamDisk } from "../../engine/blockdev.ts";
import {
  decodeSuperblock,
  readDeviceRoots,
  readMappings,
  type ReadMetadataBlock,
} from "../../engine/thin-metadata-reader.ts";
import { recordEngine } from "../history/testing.ts";
import { viewsFor } from "./index.ts";
import { EV } from "../../engine/events.ts";
import { dataFigure, parsePoolArgs, thinLabel, thinPoolModel } from "./thin-pool.tsx";

const SETUP = [
  "dmsetup remove concat",
  "dmsetup create pool --table '0 16384 thin-pool /dev/ram0 /dev/ram1 128 4'",
  "dmsetup message pool 0 create_thin 0",
  "dmsetup create t0 --table '0 8192 thin /dev/mapper/pool 0'",
  "dd if=/dev/zero of=/dev/mapper/t0 bs=64k count=4 oflag=direct 2>/dev/null",
  "dmsetup suspend t0",
  "dmsetup message pool 0 create_snap 1 0",
  "dmsetup resume t0",
  "dmsetup create t1 --table '0 8192 thin /dev/mapper/pool 1'",
  // Breaks the sharing of block 1 (a copy) and of block 2 (written whole, no copy needed).
  "dd if=/dev/zero of=/dev/mapper/t0 bs=4k count=1 seek=16 oflag=direct 2>/dev/null",
  "dd if=/dev/zero of=/dev/mapper/t1 bs=64k count=1 seek=2 oflag=direct 2>/dev/null",
  "dmsetup status pool >/dev/null",
].join("\n");

describe("the thin pool's view", () => {
  it("is registered for thin-pool and reads its table line", () => {
    expect(viewsFor("thin-pool").map((v) => v.title)).toEqual(["data blocks and mapping trees"]);
    expect(parsePoolArgs("1:0 1:1 128 16 0 ")).toEqual({
      metadata: "1:0",
      data: "1:1",
      blockSize: 128,
      lowWater: 16,
    });
    expect(parsePoolArgs("1:0 1:1")).toBeNull();
  });

  it("has every thin device's mappings the metadata device holds, and their sharing", async () => {
    const r = await recordEngine();
    expect(await r.run(SETUP)).toBe(0);
    const pool = r.engine.dm.byName("pool")!;
    const model = thinPoolModel(pool.dev, r.history, r.history.head);

    // The metadata as committed on ram0 (the status line committed it).
    const ram0 = r.engine.lookup("/dev/ram0") as RamDisk;
    const read: ReadMetadataBlock = (b) => {
      const out = new Uint8Array(4096);
      ram0.disk.read(b * 4096, out);
      return out;
    };
    const sb = decodeSuperblock(read(0));
    expect(sb.csumOk).toBe(true);
    const onDisk = new Map<number, Map<number, number>>();
    for (const [id, root] of readDeviceRoots(read, sb))
      onDisk.set(id, new Map(readMappings(read, root).map((m) => [m.virt, m.data])));
    expect(model.devices).toEqual(onDisk);

    // Blocks 0 and 3 are still shared; 1 and 2 each got a new block for t0 and t1.
    const shared = [...model.owners].filter(([, o]) => o.size > 1).map(([b]) => b);
    expect(shared.sort()).toEqual([0, 3]);
    expect(model.devices.get(0)!.get(1)).not.toBe(model.devices.get(1)!.get(1));
    expect(model.state).toMatchObject({ usedData: 6, nrData: 128, mode: "rw", transaction: "0" });
    expect(model.deviceOf.get(1)).toBe(r.engine.dm.byName("t1")!.dev);
  });

  it("says as many data blocks used as its grid shows, at every cursor; committed apart", async () => {
    const r = await recordEngine();
    const start = r.history.head;
    expect(await r.run(SETUP)).toBe(0);
    const pool = r.engine.dm.byName("pool")!;
    let lagging = 0;
    let maps = 0;
    for (let c = start; c <= r.history.head; c++) {
      const model = thinPoolModel(pool.dev, r.history, c);
      const f = dataFigure(model, 128);
      // The grid: one coloured square per data block some thin device maps.
      const coloured = [...model.owners.values()].filter((o) => o.size > 0).length;
      expect(f.used).toBe(coloured);
      expect(f.total).toBe(128);
      if (f.committed !== null && f.committed !== f.used) lagging++;
      if (c > start && r.history.type(c - 1) === EV.THIN_MAP) maps++;
    }
    // Blocks were provisioned before the commit that counted them: the two figures differ then.
    expect(maps).toBeGreaterThan(0);
    expect(lagging).toBeGreaterThan(0);
    const model = thinPoolModel(pool.dev, r.history, r.history.head);
    expect(dataFigure(model, 128)).toEqual({ used: 6, committed: 6, total: 128 });
    const t1 = r.engine.dm.byName("t1")!.dev;
    const t1Name = `${Math.floor(t1 / 0x100000)}:${t1 % 0x100000}`;
    expect(thinLabel(model, 1, (d) => (d === t1Name ? "t1" : d))).toBe("thin 1 (t1)");
  });
});
