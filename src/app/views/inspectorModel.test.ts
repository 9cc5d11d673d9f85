import { describe, expect, it } from "vitest";
import { EV, ev, isLifecycleEvent, RECORD_SLOTS } from "../../engine/events.ts";
import { describeScene, sceneOf } from "../flow/flowScene.ts";
import { FoldCache } from "../history/fold.ts";
import { HistoryIndex } from "../history/indexes.ts";
import { flowFold, parseDev } from "../history/model.ts";
import { recordEngine } from "../history/testing.ts";
import {
  allocBios,
  allocDetail,
  lookupDetail,
  ownBioPurpose,
  sectorDev,
} from "./inspectorModel.ts";
import { describeLife, lifeEvent } from "./timelineModel.ts";

const THIN_SETUP = [
  "dmsetup remove concat",
  'dmsetup create pool --table "0 16384 thin-pool /dev/ram0 /dev/ram1 128 0"',
  "dmsetup message pool 0 create_thin 0",
  'dmsetup create t0 --table "0 2048 thin /dev/mapper/pool 0"',
].join("\n");

describe("a thin bio's lookup and allocation in its life", () => {
  it("the inspector's family of a write lists lookup and allocation between map and end_io", async () => {
    const { history: h, run } = await recordEngine();
    expect(await run(THIN_SETUP)).toBe(0);
    const t0 = h.dev(h.head - 1); // the last record is t0's resume
    expect(h.type(h.head - 1)).toBe(EV.DEVICE_RESUME);
    const start = h.head;
    // 4 KiB at block 3 (sector 384), the first block written.
    expect(await run("dd if=/dev/zero of=/dev/mapper/t0 bs=4k count=1 seek=48 oflag=direct")).toBe(
      0,
    );
    const index = new HistoryIndex(h);
    let submit = -1;
    for (let i = start; i < h.head && submit < 0; i++) {
      if (h.type(i) === EV.BIO_SUBMIT && h.dev(i) === t0 && h.get(i, ev.parent) === 0) submit = i;
    }
    expect(submit).toBeGreaterThanOrEqual(0);
    const root = h.bio(submit);
    const life = index.familyRecords(root);
    const line = (i: number): string => {
      const t = h.type(i);
      const text = h.string(h.get(i, ev.b)) ?? "";
      switch (t) {
        case EV.THIN_LOOKUP:
          return `${h.bio(i)} ${lookupDetail(h.get(i, ev.sector), h.get(i, ev.a), text)}`;
        case EV.THIN_ALLOC:
          return `${h.bio(i)} ${allocDetail(h.get(i, ev.sector), h.get(i, ev.a), text)}`;
        case EV.BIO_MAP:
          return `${h.bio(i)} map`;
        case EV.BIO_ENDIO:
          return `${h.bio(i)} endio`;
        default:
          return "";
      }
    };
    const onT0 = life
      .filter((i) => h.dev(i) === t0)
      .map(line)
      .filter(Boolean);
    const clone = index.childrenOf(root)[0]!;
    expect(onT0).toEqual([
      `${clone} lookup: virtual block 3 unmapped`,
      `${clone} map`,
      `${clone} lookup: virtual block 3 unmapped`,
      `${clone} allocated data block 0 for virtual block 3 (zeroed)`,
      `${clone} endio`,
    ]);

    // The zeroing bios: the thin target's own, linked both ways.
    const alloc = life.find((i) => h.type(i) === EV.THIN_ALLOC)!;
    const own = allocBios(h, alloc, h.head);
    expect(own.length).toBeGreaterThan(0);
    const ownSubmit = index.bioRecords(own[0]!)[0]!;
    expect(h.type(ownSubmit)).toBe(EV.BIO_SUBMIT);
    expect(h.get(ownSubmit, ev.issuer)).toEqual({ dev: t0, target: 0 });
    expect(ownBioPurpose(h, index, ownSubmit)).toBe(`zero of data block 0 for bio ${clone}`);

    // The flow marks the clone (thin alloc), and the timeline lists the allocation.
    const flow = new FoldCache(h, flowFold, 8);
    const s = flowFold.clone(flow.stateAt(alloc + 1));
    expect(s.bios.get(clone)?.thin).toBe(2);
    const scene = describeScene(s, sceneOf(s, alloc + 1), (d) => (d === t0 ? "t0" : String(d)));
    expect(scene.find((l) => l.startsWith(`bio ${clone} `))).toContain("thin alloc");
    const r = h.record(alloc);
    expect(isLifecycleEvent(r[0]!)).toBe(true);
    const le = lifeEvent(Float64Array.from(r).subarray(0, RECORD_SLOTS), alloc, (id) =>
      h.string(id),
    );
    expect(describeLife(le, "t0")).toBe(
      `thin alloc t0 bio ${clone}: virtual block 3 → data block 0 (zero)`,
    );
  });

  it("lines for each outcome and fill", () => {
    expect(lookupDetail(3, 0, "mapped")).toBe("lookup: virtual block 3 mapped to data block 0");
    expect(lookupDetail(3, 2, "shared")).toBe(
      "lookup: virtual block 3 shared: data block 2 (a write breaks sharing)",
    );
    expect(lookupDetail(3, -1, "deferred: cell held")).toBe(
      "lookup: virtual block 3 deferred: cell held",
    );
    expect(allocDetail(3, 9, "copy 2")).toBe(
      "allocated data block 9 for virtual block 3 (copy of 2: breaks sharing)",
    );
    expect(allocDetail(3, 9, "overwrite 2")).toBe(
      "allocated data block 9 for virtual block 3 (the write overwrites it whole: breaks sharing with 2)",
    );
    expect(allocDetail(3, 9, "none")).toBe(
      "allocated data block 9 for virtual block 3 (not zeroed: skip_block_zeroing)",
    );
    expect(parseDev("254:0")).toBe(254 * 2 ** 20);
  });
});

describe("the device a record's sectors belong to", () => {
  it("an end_io after a remap names the lower device's sectors; one without keeps the mapped device's", async () => {
    const { history: h, run } = await recordEngine();
    expect(
      await run(
        "dmsetup create vol0 --table '0 2048 linear /dev/ram0 128'\n" +
          "dmsetup create nil --table '0 2048 zero'",
      ),
    ).toBe(0);
    const start = h.head;
    expect(
      await run(
        "dd if=/dev/zero of=/dev/mapper/vol0 bs=4k count=1 seek=1 oflag=direct\n" +
          "dd if=/dev/zero of=/dev/mapper/nil bs=4k count=1 oflag=direct",
      ),
    ).toBe(0);
    const index = new HistoryIndex(h);
    const ram0 = parseDev("1:0");
    const endios: Array<[number, number, number]> = [];
    for (let i = start; i < h.head; i++) {
      if (h.type(i) !== EV.BIO_ENDIO) continue;
      endios.push([h.dev(i), h.get(i, ev.sector), sectorDev(h, index, i)]);
    }
    const [vol0, nil] = [endios[0]![0], endios[1]![0]];
    expect(vol0).not.toBe(nil);
    // vol0's clone went to ram0 at 128 + 8: the record names vol0 (its end_io ran there) with
    // the clone's sector 136, which is ram0's.
    expect(endios).toEqual([
      [vol0, 136, ram0],
      [nil, 0, nil],
    ]);
    // Any other record's sectors are its own device's.
    for (let i = start; i < h.head; i++) {
      if (h.type(i) !== EV.BIO_ENDIO) expect(sectorDev(h, index, i)).toBe(h.dev(i));
    }
  });
});
