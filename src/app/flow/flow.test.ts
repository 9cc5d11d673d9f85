import { describe, expect, it } from "vitest";
import { EV, ev } from "../../engine/events.ts";
import { FoldCache } from "../history/fold.ts";
import { EventHistory } from "../history/history.ts";
import {
  flowFold,
  MAP_CODE,
  parseDev,
  statsFold,
  STATUS_IOERR,
  targetRowKey,
  type Pose,
} from "../history/model.ts";
import { recordEngine } from "../history/testing.ts";
import { layoutStack } from "../stackLayout.ts";
import type { BlockDeviceInfo, DmDeviceInfo } from "../../worker/protocol.ts";
import { FilterMatcher } from "./filter.ts";
import { FlowAnimator } from "./flowAnimator.ts";
import { FlowGeometry, TOKEN_H } from "./flowGeometry.ts";
import { sceneOf } from "./flowScene.ts";

const CONCAT = parseDev("254:0");
const RAM0 = parseDev("1:0");
const RAM1 = parseDev("1:1");

const blocks: BlockDeviceInfo[] = [
  { name: "ram0", dev: "1:0", sectors: 32768, kind: "ram" },
  { name: "ram1", dev: "1:1", sectors: 32768, kind: "ram" },
  { name: "dm-0", dev: "254:0", sectors: 32768, kind: "dm" },
];
const concat: DmDeviceInfo = {
  name: "concat",
  dev: "254:0",
  uuid: "",
  suspended: false,
  openCount: 0,
  sectors: 32768,
  live: [
    {
      start: 0,
      length: 16384,
      type: "linear",
      args: "1:0 0",
      maps: [{ dev: "1:0", start: 0, length: 16384 }],
    },
    {
      start: 16384,
      length: 16384,
      type: "linear",
      args: "1:1 0",
      maps: [{ dev: "1:1", start: 0, length: 16384 }],
    },
  ],
  inactive: null,
};

function geometry(width = 816): FlowGeometry {
  return new FlowGeometry(layoutStack([concat], blocks, width), [concat], blocks);
}

const pose = (p: Partial<Pose>): Pose => ({
  path: [CONCAT],
  place: "dev",
  target: -1,
  sector: 0,
  sectors: 8,
  slot: 0,
  ...p,
});

describe("FlowGeometry", () => {
  it("places a bio where its sectors are: on its device, its target, its disk", () => {
    const g = geometry();
    const dev = g.nodeOf(CONCAT)!;
    expect(dev.kind).toBe("device");
    expect(dev.targets.map((t) => [t.start, t.len])).toEqual([
      [0, 16384],
      [16384, 16384],
    ]);
    // The middle of the device: the boundary between its two targets.
    const mid = g.rect(pose({ sector: 16380, sectors: 8 }))!;
    expect(mid.x + mid.w / 2).toBeCloseTo(dev.x + dev.w / 2, 0);
    expect(mid.h).toBe(TOKEN_H);
    // A piece at the end of target 0 stays inside target 0; one at the start of target 1 inside
    // target 1: the fork shows.
    const t0 = g.rect(pose({ place: "target", target: 0, sector: 16380, sectors: 4 }))!;
    const t1 = g.rect(pose({ place: "target", target: 1, sector: 16384, sectors: 8 }))!;
    expect(t0.x + t0.w).toBeLessThanOrEqual(dev.targets[0]!.x + dev.targets[0]!.w);
    expect(t1.x).toBeGreaterThanOrEqual(dev.targets[1]!.x);
    expect(t1.x - (t0.x + t0.w)).toBeGreaterThanOrEqual(6);
    // On ram1 under concat's second target: ram1's box spans 0+16384 of ram1.
    const ram1 = g.resolve([CONCAT, 1, RAM1])!;
    expect(ram1.kind).toBe("disk");
    expect([ram1.start, ram1.len]).toEqual([0, 16384]);
    const onRam1 = g.rect(pose({ path: [CONCAT, 1, RAM1], sector: 0, sectors: 8 }))!;
    expect(onRam1.x).toBeCloseTo(ram1.x + 4, 0);
    expect(onRam1.y).toBeGreaterThan(ram1.y);
    // Held bios queue at the device's right, one after another.
    const q0 = g.rect(pose({ place: "queue", slot: 0 }))!;
    const q1 = g.rect(pose({ place: "queue", slot: 1 }))!;
    expect(q1.x).toBeLessThan(q0.x);
    expect(q0.x + q0.w).toBeLessThanOrEqual(dev.x + dev.w);
    // A device not drawn: no place.
    expect(g.rect(pose({ path: [parseDev("254:9")] }))).toBeNull();
    expect(g.lowerNodes(CONCAT, 0, RAM0).map((n) => n.kind)).toEqual(["disk"]);
  });
});

describe("FlowAnimator", () => {
  it("moves a split write hop by hop: pieces leave after their parent, it ends after them", async () => {
    const { history: h, run } = await recordEngine();
    const start = h.head;
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct");
    const a = new FlowAnimator({ minHop: 100, linger: 500 });
    a.apply(h, start, h.head, 0, "play");
    const root = h.bio(start);
    const tokens = a.tokens;
    expect([...tokens.keys()]).toEqual([root, root + 1, root + 2]);
    const rootToken = tokens.get(root)!;
    const piece = tokens.get(root + 1)!;
    // The piece's first hop starts once its parent has appeared (one hop later).
    expect(piece.frames[0]!.t0).toBeGreaterThanOrEqual(rootToken.frames[0]!.t0);
    // The parent's completion waits for both pieces to have come back.
    const done = rootToken.frames[rootToken.frames.length - 1]!;
    expect(done.style.status).toBe(0);
    expect(done.t0).toBeGreaterThanOrEqual(tokens.get(root + 2)!.readyAt);
    // Every hop lasts at least half the minimum (a change of look) and moves take the whole.
    for (const t of tokens.values())
      for (const f of t.frames) expect(f.dur).toBeGreaterThanOrEqual(50);
    // Mid-way, the pieces are on their disks while the parent waits at concat.
    const mid = a.frame(piece.frames.find((f) => f.pose.path.length === 3)!.t0 + 50);
    const where = new Map(mid.map((m) => [m.id, m.to.path.join("/")]));
    expect(where.get(root)).toBe(String(CONCAT));
    expect(where.get(root + 1)).toBe(`${CONCAT}/0/${RAM0}`);
    // Moving, then fading: the page's frame loop must keep drawing.
    expect(a.settled(piece.frames[0]!.t0 + 50)).toBe(false);
    expect(a.settled(done.t0 + done.dur + 100)).toBe(false);
    // Long after: all gone (ended, lingered, dropped); nothing left to draw, the loop may sleep.
    expect(a.frame(done.t0 + 10_000)).toEqual([]);
    expect(a.settled(done.t0 + 10_000)).toBe(true);
    expect(a.tokens.size).toBe(0);
    expect(a.state.bios.size).toBe(0);
  });

  it("under load admits families at a steady pace, counts the rest, and always shows errors", async () => {
    const { history: h, run } = await recordEngine();
    const start = h.head;
    await run(
      "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=200 oflag=direct; " +
        "dd if=/dev/mapper/bad of=/dev/null bs=4k count=1 iflag=direct",
    );
    const a = new FlowAnimator({ minHop: 100, linger: 100, maxFamilies: 10 });
    // Everything arrives in one frame: one family per (6 * 100 + 100) / 10 = 70 ms.
    a.apply(h, start, h.head, 0, "play");
    expect(a.admitted).toBe(1);
    expect(a.skipped).toBe(200);
    expect(a.sampling(10)).toBe(true);
    const kinds = [...a.tokens.values()].map((t) => t.alarm);
    // The first write's family (3 bios), and the failed read: its KILLed clone and its bio.
    expect(kinds.filter((x) => x).length).toBe(2);
    const rates = a.edges.rates(1000);
    expect(rates.find((e) => e.dev === CONCAT && e.lower === null)?.n).toBe(200);
    expect(rates.find((e) => e.lower === RAM0)?.n).toBe(200);
  });

  it("starts from a still picture exactly where the picture puts each bio", async () => {
    const { history: h, run } = await recordEngine();
    await run("dmsetup suspend concat");
    await run("dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 oflag=direct &");
    const flow = new FoldCache(h, flowFold);
    const state = flowFold.clone(flow.stateAt(h.head));
    state.keepEnded = true;
    const scene = sceneOf(state, h.head);
    const a = new FlowAnimator();
    a.reset(state, scene, 1000);
    const frames = a.frame(1000);
    expect(frames.map((f) => [f.to.place, f.t, f.alpha])).toEqual([["queue", 1, 1]]);
  });
});

describe("FilterMatcher", () => {
  it("matches a device's statuses and a target's MapStates", async () => {
    const { history: h, run } = await recordEngine();
    const start = h.head;
    await run("dd if=/dev/mapper/bad of=/dev/null bs=4k count=1 iflag=direct");
    const stats = new FoldCache(
      h,
      statsFold((id) => h.string(id)),
    ).sync();
    const BAD = parseDev("254:1");
    const t = stats.devs.get(BAD)!.live[0]!;
    const kill = new FilterMatcher(
      { row: targetRowKey(t), kind: "map", code: MAP_CODE.KILL, label: "" },
      stats,
    );
    const ioerr = new FilterMatcher(
      { row: BAD, kind: "status", code: STATUS_IOERR, label: "" },
      stats,
    );
    const hits = (m: FilterMatcher) => {
      const out: number[] = [];
      h.forEach(start, h.head, (r, o) => {
        if (m.matches(r, o, -1)) out.push(ev.type(r, o));
      });
      return out;
    };
    expect(hits(kill)).toEqual([EV.BIO_MAP]);
    expect(hits(ioerr)).toEqual([EV.BIO_COMPLETE]);
  });
});

describe("EventHistory with the stats fold", () => {
  it("names devices even when a record arrives before its string", () => {
    const strings: string[] = [];
    const h = new EventHistory({ strings });
    const stats = new FoldCache(
      h,
      statsFold((id) => h.string(id)),
    );
    h.push(EV.DEVICE_CREATE, 0, 0, CONCAT, 0, 0, 0, 0);
    expect(stats.sync().devs.get(CONCAT)?.nameId).toBe(0);
    strings.push("concat");
    // Looked up when shown, so the late string is found.
    expect(h.string(stats.sync().devs.get(CONCAT)!.nameId)).toBe("concat");
  });
});
