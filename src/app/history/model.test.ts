import { describe, expect, it } from "vitest";
import { EV, ev } from "../../engine/events.ts";
import { BLK_STATUSES } from "../../engine/types.ts";
import { describeScene, sceneOf } from "../flow/flowScene.ts";
import { FoldCache, type Fold } from "./fold.ts";
import { HistoryIndex } from "./indexes.ts";
import {
  MAP_CODE,
  ROW,
  STAGE,
  STATUS_IOERR,
  STATUS_OK,
  deviceRowKey,
  devName,
  flowFold,
  parseDev,
  poseOf,
  remapLabel,
  statsFold,
  targetRowKey,
  targetType,
  type FlowState,
} from "./model.ts";
import { recordEngine } from "./testing.ts";
import type { EventHistory } from "./history.ts";

const RAM0 = parseDev("1:0");
const RAM1 = parseDev("1:1");
const CONCAT = parseDev("254:0");
const BAD = parseDev("254:1");

/** The flow state at c with bios ended in the window [from, c) kept (as the picture does). */
function pictureAt(h: EventHistory, cache: FoldCache<FlowState>, c: number, window = 96) {
  const from = Math.max(h.base, c - window);
  const s = flowFold.clone(cache.stateAt(from));
  s.keepEnded = true;
  h.forEach(from, c, (r, o, i) => flowFold.apply(s, r, o, i));
  return s;
}

function firstIndex(h: EventHistory, from: number, pred: (r: number[]) => boolean): number {
  for (let i = from; i < h.head; i++) if (pred(h.record(i))) return i;
  return -1;
}

describe("the flow model", () => {
  it("a write across concat's linear boundary splits into two remapped pieces", async () => {
    const { history: h, run } = await recordEngine();
    const flow = new FoldCache(h, flowFold, 8);
    const start = h.head;
    // 12 sectors at 16380: 4 on ram0's end, 8 at ram1's start.
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct");
    const submit = firstIndex(
      h,
      start,
      (r) => ev.type(r, 0) === EV.BIO_SUBMIT && ev.dev(r, 0) === CONCAT,
    );
    const root = h.bio(submit);
    // Just after the second piece is remapped: both pieces are on their disks.
    let remaps = 0;
    const second = firstIndex(h, submit, (r) => ev.type(r, 0) === EV.BIO_REMAP && ++remaps === 2);
    // RAM disks complete at once: the first piece is done by then (the picture keeps it).
    expect(flow.stateAt(second + 1).bios.get(root)!.kids).toBe(1);
    const s = pictureAt(h, flow, second + 1);
    const r = s.bios.get(root)!;
    expect(r.stage).toBe(STAGE.SUBMITTED);
    const kids = [...s.bios.values()].filter((b) => b.parent === root);
    expect(kids.map((k) => [k.hostSector, k.hostSectors, k.dev, k.sector, k.sectors])).toEqual([
      [16380, 4, RAM0, 16380, 4],
      [16384, 8, RAM1, 0, 8],
    ]);
    expect(kids.every((k) => k.mapState === MAP_CODE.REMAPPED && k.splitReason === 0)).toBe(true);
    const names = new Map([
      [CONCAT, "concat"],
      [RAM0, "ram0"],
      [RAM1, "ram1"],
    ]);
    expect(remapLabel(r, kids, (d) => names.get(d) ?? "?")).toBe(
      "concat:16380+12 → ram0:16380+4, ram1:0+8",
    );
    // Poses: the root at concat; the first piece back at concat's target 0 (its end_io done),
    // the second on its way to ram1, under concat's target 1.
    expect(poseOf(r, s.bios)).toMatchObject({ path: [CONCAT], place: "dev", sector: 16380 });
    expect(poseOf(kids[0]!, s.bios)).toMatchObject({
      path: [CONCAT],
      place: "target",
      target: 0,
      sector: 16380,
      sectors: 4,
    });
    expect(poseOf(kids[1]!, s.bios)).toMatchObject({
      path: [CONCAT, 1, RAM1],
      place: "dev",
      sector: 0,
      sectors: 8,
    });
    // After it all: nothing in flight, and the picture keeps the ended bios a while.
    expect(flow.stateAt(h.head).bios.size).toBe(0);
    const pic = pictureAt(h, flow, h.head);
    const lines = describeScene(pic, sceneOf(pic, h.head), (d) => names.get(d) ?? "?");
    expect(lines).toEqual([
      `bio ${root} WRITE concat:16380+12 COMPLETED OK ended; concat:16380+12 → ram0:16380+4, ram1:0+8`,
      `bio ${root + 1} WRITE ram0:16380+4 ENDIO target 0 REMAPPED OK ended`,
      `bio ${root + 2} WRITE ram1:0+8 ENDIO target 1 REMAPPED OK ended`,
    ]);
  });

  it("a read of an error target is KILLed and fails with an I/O error", async () => {
    const { history: h, run } = await recordEngine();
    const stats = new FoldCache(
      h,
      statsFold((id) => h.string(id)),
      8,
    );
    const flow = new FoldCache(h, flowFold, 8);
    const start = h.head;
    expect(await run("dd if=/dev/mapper/bad of=/dev/null bs=4k count=1 iflag=direct")).not.toBe(0);
    const map = firstIndex(h, start, (r) => ev.type(r, 0) === EV.BIO_MAP);
    expect(h.get(map, ev.mapState)).toBe(MAP_CODE.KILL);
    // The killed clone is gone at once; its parent is still there until it completes.
    const s = flow.stateAt(map + 1);
    expect([...s.bios.values()].map((b) => [b.stage, b.kids])).toEqual([[STAGE.SUBMITTED, 0]]);
    const st = stats.stateAt(h.head);
    expect(devName(st, BAD)).toBe("bad");
    const dev = st.rows.get(deviceRowKey(BAD))!;
    expect(dev[ROW.MAP + MAP_CODE.KILL]).toBe(1);
    expect(dev[ROW.STATUS + STATUS_IOERR]).toBe(1);
    const t = st.devs.get(BAD)!.live[0]!;
    expect([targetType(st, t), t.begin, t.len]).toEqual(["error", 0, 1024]);
    const target = st.rows.get(targetRowKey(t))!;
    expect(target[ROW.MAP + MAP_CODE.KILL]).toBe(1);
    const pic = pictureAt(h, flow, h.head);
    const lines = describeScene(pic, sceneOf(pic, h.head), (d) => devName(st, d));
    expect(lines[0]).toMatch(/^bio \d+ READ bad:0\+8 COMPLETED IOERR ended$/);
    expect(lines[1]).toMatch(/^bio \d+ READ bad:0\+8 MAPPED target 0 KILL ended$/);
  });

  it("bios sent to a suspended device queue there and complete after resume", async () => {
    const { history: h, run } = await recordEngine();
    const flow = new FoldCache(h, flowFold, 8);
    const stats = new FoldCache(
      h,
      statsFold((id) => h.string(id)),
      8,
    );
    await run("dmsetup suspend concat");
    const start = h.head;
    await run(
      "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 oflag=direct &\n" +
        "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 seek=8 oflag=direct &",
    );
    const held = flow.stateAt(h.head);
    const queued = [...held.bios.values()].sort((a, b) => a.queuedAt - b.queuedAt);
    expect(queued.map((b) => [b.stage, b.sector])).toEqual([
      [STAGE.DEFERRED, 0],
      [STAGE.DEFERRED, 64],
    ]);
    const scene = sceneOf(held, h.head);
    expect(scene.map((t) => [t.pose.place, t.pose.slot])).toEqual([
      ["queue", 0],
      ["queue", 1],
    ]);
    expect(stats.stateAt(h.head).rows.get(deviceRowKey(CONCAT))![ROW.DEFER]).toBe(2);
    await run("dmsetup resume concat");
    expect(flow.stateAt(h.head).bios.size).toBe(0);
    const completes = [];
    for (let i = start; i < h.head; i++) {
      if (h.type(i) === EV.BIO_COMPLETE && h.dev(i) === CONCAT) completes.push(h.get(i, ev.status));
    }
    expect(completes).toEqual([STATUS_OK, STATUS_OK]);
    expect(firstIndex(h, start, (r) => ev.type(r, 0) === EV.BIO_REDRIVE)).toBeGreaterThan(start);
  });
});

describe("the outcome rows", () => {
  /** Each device row's submits and completions by status, and each target row's end_ios. */
  async function outcomes(setup: string, io: string) {
    const { history: h, run } = await recordEngine();
    await run(setup);
    await run(io);
    const st = new FoldCache(
      h,
      statsFold((id) => h.string(id)),
      8,
    ).stateAt(h.head);
    const rows = new Map<
      string,
      { bios: number; done: number; statuses: Record<string, number> }
    >();
    for (const d of st.devs.values()) {
      const r = st.rows.get(deviceRowKey(d.dev));
      if (!r) continue;
      const statuses: Record<string, number> = {};
      let done = 0;
      BLK_STATUSES.forEach((name, i) => {
        const n = r[ROW.STATUS + i]!;
        if (n > 0) statuses[name] = n;
        done += n;
      });
      rows.set(devName(st, d.dev), { bios: r[ROW.SUBMIT]!, done, statuses });
      for (const t of d.live) {
        const tr = st.rows.get(targetRowKey(t));
        if (!tr) continue;
        const ts: Record<string, number> = {};
        BLK_STATUSES.forEach((name, i) => {
          if (tr[ROW.STATUS + i]! > 0) ts[name] = tr[ROW.STATUS + i]!;
        });
        rows.set(`${devName(st, d.dev)}/${targetType(st, t)}`, { bios: 0, done: 0, statuses: ts });
      }
    }
    return rows;
  }

  /** Every device row completed each bio submitted to it exactly once (nothing is in flight). */
  function expectOncePerBio(rows: Awaited<ReturnType<typeof outcomes>>) {
    for (const [name, r] of rows) {
      if (!name.includes("/")) expect([name, r.done]).toEqual([name, r.bios]);
    }
  }

  it("linear on linear: each device completes its bios once", async () => {
    const rows = await outcomes(
      "dmsetup create top --table '0 32768 linear /dev/mapper/concat 0'",
      "dd if=/dev/zero of=/dev/mapper/top bs=6k count=1 seek=1365 oflag=direct",
    );
    expectOncePerBio(rows);
    expect(rows.get("top")).toEqual({ bios: 1, done: 1, statuses: { OK: 1 } });
    expect(rows.get("concat")).toEqual({ bios: 1, done: 1, statuses: { OK: 1 } });
  });

  it("thin on a pool that runs out (error_if_no_space): the thin row matches its target's", async () => {
    const rows = await outcomes(
      [
        "dmsetup remove_all; rmmod brd; modprobe brd rd_nr=2 rd_size=16384",
        'dmsetup create pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 128 0 1 error_if_no_space"',
        "dmsetup message pool 0 create_thin 0",
        'dmsetup create vol --table "0 65536 thin /dev/mapper/pool 0"',
      ].join("\n"),
      [
        "dd if=/dev/zero of=/dev/mapper/vol bs=64k count=16 oflag=direct",
        "for i in 20 21 22; do dd if=/dev/zero of=/dev/mapper/vol bs=4k count=1 seek=$((i*16)) oflag=direct; done",
        "dd if=/dev/zero of=/dev/mapper/vol bs=4k count=1 seek=16 oflag=direct",
      ].join("\n"),
    );
    expectOncePerBio(rows);
    // 16 whole-block writes provisioned the pool's 16 blocks, 3 found it full, 1 overwrote.
    expect(rows.get("vol")).toEqual({ bios: 20, done: 20, statuses: { OK: 17, NOSPC: 3 } });
    expect(rows.get("vol/thin")!.statuses).toEqual({ OK: 17, NOSPC: 3 });
    // The pool got the data (the 16 provisioning writes and the overwrite).
    expect(rows.get("pool")).toEqual({ bios: 17, done: 17, statuses: { OK: 17 } });
  });

  it("a snapshot and its origin: the exception's copy is the target's own I/O", async () => {
    const rows = await outcomes(
      [
        "dmsetup create o --table '0 8192 linear /dev/ram0 0'",
        "dmsetup suspend o",
        "dmsetup create s --table '0 8192 snapshot /dev/ram0 /dev/ram1 P 8'",
        "dmsetup reload o --table '0 8192 snapshot-origin /dev/ram0'",
        "dmsetup resume o",
      ].join("\n"),
      "dd if=/dev/zero of=/dev/mapper/o bs=4k count=2 oflag=direct; dd if=/dev/zero of=/dev/mapper/s bs=4k count=1 seek=8 oflag=direct",
    );
    expectOncePerBio(rows);
    expect(rows.get("o")).toEqual({ bios: 2, done: 2, statuses: { OK: 2 } });
    expect(rows.get("s")).toEqual({ bios: 1, done: 1, statuses: { OK: 1 } });
  });
});

describe("FoldCache", () => {
  /** A fold that is easy to check: count and sum of bio ids. */
  const sum: Fold<{ n: number; s: number }> = {
    init: () => ({ n: 0, s: 0 }),
    clone: (x) => ({ ...x }),
    apply: (x, r, o) => {
      x.n++;
      x.s += ev.bio(r, o);
    },
  };

  it("gives the fold of [0, c) at any cursor, after forgetting too", async () => {
    const { history: h, run } = await recordEngine({ chunkRecords: 32, capacity: 256 });
    const cache = new FoldCache(h, sum, 8);
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=4k count=40 oflag=direct");
    expect(h.base).toBeGreaterThan(0);
    let n = 0;
    let s = 0;
    // Independently: what the history held, plus the forgotten part from a snapshot at base.
    const atBase = cache.stateAt(h.base);
    n = atBase.n;
    s = atBase.s;
    expect(n).toBe(h.base);
    for (let c = h.base; c <= h.head; c++) {
      const got = cache.stateAt(c);
      expect([got.n, got.s]).toEqual([n, s]);
      if (c < h.head) {
        n++;
        s += h.bio(c);
      }
    }
    // stateAt of the past never disturbs the head state.
    expect(cache.sync().n).toBe(h.head);
  });

  it("the flow fold replayed from a snapshot equals the fold from the start", async () => {
    const { history: h, run } = await recordEngine();
    const cache = new FoldCache(h, flowFold, 16);
    await run(
      "dmsetup suspend concat\n" +
        "dd if=/dev/zero of=/dev/mapper/concat bs=6k count=3 seek=1364 oflag=direct &\n" +
        "dmsetup resume concat",
    );
    for (let c = 0; c <= h.head; c += 7) {
      const direct = flowFold.init();
      h.forEach(0, c, (r, o, i) => flowFold.apply(direct, r, o, i));
      expect(cache.stateAt(c)).toEqual(direct);
    }
  });
});

describe("HistoryIndex", () => {
  it("finds a bio's records, its family, and a device's records, lazily", async () => {
    const { history: h, run } = await recordEngine();
    const index = new HistoryIndex(h);
    const start = h.head;
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct");
    const root = h.bio(firstIndex(h, start, (r) => ev.type(r, 0) === EV.BIO_SUBMIT));
    const kids = index.childrenOf(root);
    expect(kids).toEqual([root + 1, root + 2]);
    expect(index.rootOf(root + 2)).toBe(root);
    expect(index.family(root)).toEqual([root, root + 1, root + 2]);
    const types = (ids: number[]) => ids.map((i) => h.type(i));
    expect(types(index.bioRecords(root))).toEqual([EV.BIO_SUBMIT, EV.BIO_COMPLETE]);
    expect(types(index.bioRecords(root + 1))).toEqual([
      EV.BIO_SPLIT,
      EV.BIO_CLONE,
      EV.BIO_MAP,
      EV.BIO_REMAP,
      EV.BIO_SUBMIT,
      EV.BIO_COMPLETE,
      EV.BIO_ENDIO,
    ]);
    const fam = index.familyRecords(root);
    expect(fam.length).toBe(2 + 7 + 7);
    expect(fam).toEqual([...fam].sort((a, b) => a - b));
    // Up to a cursor: only what came before it.
    const cut = fam[5]!;
    expect(index.familyRecords(root, cut)).toEqual(fam.slice(0, 5));
    // New records are indexed on the next query.
    await run("dd if=/dev/zero of=/dev/ram1 bs=4k count=1 oflag=direct");
    const ram1 = index.devRecords(RAM1);
    expect(h.type(ram1[ram1.length - 1]!)).toBe(EV.BIO_COMPLETE);
    expect(index.devRecords(RAM1, Infinity, 2)).toEqual(ram1.slice(-2));
  });

  it("keeps working when old records are forgotten", async () => {
    const { history: h, run } = await recordEngine({ chunkRecords: 32, capacity: 128 });
    const index = new HistoryIndex(h);
    index.ensure();
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=4k count=30 oflag=direct");
    expect(h.base).toBeGreaterThan(0);
    const last = h.bio(h.head - 1);
    expect(index.bioRecords(last).every((i) => i >= h.base)).toBe(true);
    expect(index.bioRecords(1)).toEqual([]);
  });
});
