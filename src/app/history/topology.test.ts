import { describe, expect, it } from "vitest";
import { EV, ev, isLifecycleEvent } from "../../engine/events.ts";
import { FoldCache } from "./fold.ts";
import type { EventHistory } from "./history.ts";
import { LifecycleStore } from "./lifecycle.ts";
import { recordEngine } from "./testing.ts";
import { devicesOf, topologyFold, withUnknownDevices, type Topology } from "./topology.ts";

/** The page's wiring (service.ts) without the page: lifecycle records apart, a fold over them. */
function topologyOf(h: EventHistory) {
  const life = new LifecycleStore();
  let added = h.base;
  const cache = new FoldCache(life, topologyFold, 2);
  const sync = () => {
    h.forEach(added, h.head, (r, o, i) => {
      if (isLifecycleEvent(ev.type(r, o))) life.add(r, o, i);
    });
    added = h.head;
  };
  return {
    /** The stack before history record `c`. */
    at(c: number): Topology {
      sync();
      return devicesOf(cache.stateAt(life.countBefore(c)), (id) => h.string(id));
    },
    /** The same, folded from scratch (no snapshot). */
    fresh(c: number): Topology {
      sync();
      const s = topologyFold.init();
      life.forEach(0, life.countBefore(c), (r, o, i) => topologyFold.apply(s, r, o, i));
      return devicesOf(s, (id) => h.string(id));
    },
  };
}

/** Index of the first record of `type` on `dev` at or after `from` (-1 if none). */
function find(h: EventHistory, from: number, type: number, dev?: number): number {
  for (let i = from; i < h.head; i++) {
    if (h.type(i) === type && (dev === undefined || h.dev(i) === dev)) return i;
  }
  return -1;
}

const names = (t: Topology) => t.devices.map((d) => d.name);
const device = (t: Topology, name: string) => t.devices.find((d) => d.name === name);
const RAM0 = 1 * 0x100000;

describe("the topology at any point of the history", () => {
  it("follows brd load, create, load and swap, with each segment's args and device areas", async () => {
    const { history: h } = await recordEngine();
    const topo = topologyOf(h);
    const disk = find(h, 0, EV.DISK_CREATE, RAM0);
    expect(topo.at(disk).blockDevices).toEqual([]);
    expect(topo.at(disk + 1).blockDevices).toEqual([
      { name: "ram0", dev: "1:0", sectors: 32768, kind: "ram" },
    ]);

    const create = find(h, 0, EV.DEVICE_CREATE);
    const concat = h.dev(create);
    expect(names(topo.at(create))).toEqual([]);
    expect(topo.at(create + 1).devices).toEqual([
      { name: "concat", dev: "254:0", suspended: false, sectors: 0, live: null, inactive: null },
    ]);

    const segments = [
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
    ];
    const load = find(h, create, EV.TABLE_LOAD, concat);
    expect(device(topo.at(load), "concat")!.inactive).toBeNull();
    expect(device(topo.at(load + 1), "concat")).toMatchObject({
      live: null,
      inactive: segments,
    });

    const swap = find(h, load, EV.TABLE_SWAP, concat);
    expect(device(topo.at(swap), "concat")).toMatchObject({ suspended: true, live: null });
    expect(device(topo.at(swap + 1), "concat")).toMatchObject({
      sectors: 32768,
      live: segments,
      inactive: null,
    });
    const resume = find(h, swap, EV.DEVICE_RESUME, concat);
    expect(device(topo.at(resume + 1), "concat")!.suspended).toBe(false);
    expect(topo.at(h.head).blockDevices.map((b) => `${b.name} ${b.dev} ${b.kind}`)).toEqual([
      "ram0 1:0 ram",
      "ram1 1:1 ram",
      "dm-0 254:0 dm",
      "dm-1 254:1 dm",
    ]);
  });

  it("shows the old table until a reload that changes the target type is resumed", async () => {
    const { history: h, run } = await recordEngine();
    const topo = topologyOf(h);
    const start = h.head;
    expect(await run("dmsetup reload bad --table '0 2048 linear /dev/ram1 8'")).toBe(0);
    expect(await run("dmsetup resume bad")).toBe(0);
    const bad = h.dev(find(h, start, EV.TABLE_LOAD));
    const load = find(h, start, EV.TABLE_LOAD, bad);
    const swap = find(h, load, EV.TABLE_SWAP, bad);
    const error = [{ start: 0, length: 1024, type: "error", args: "", maps: [] }];
    const linear = [
      {
        start: 0,
        length: 2048,
        type: "linear",
        args: "1:1 8",
        maps: [{ dev: "1:1", start: 8, length: 2048 }],
      },
    ];
    expect(device(topo.at(load), "bad")).toMatchObject({ sectors: 1024, live: error });
    expect(device(topo.at(load + 1), "bad")).toMatchObject({ live: error, inactive: linear });
    expect(device(topo.at(swap + 1), "bad")).toMatchObject({
      sectors: 2048,
      live: linear,
      inactive: null,
    });
    // Scrubbing back gives the error table again, from a snapshot or folded afresh alike.
    for (const c of [start, load, load + 1, swap, swap + 1, h.head]) {
      expect(topo.at(c)).toEqual(topo.fresh(c));
    }
  });

  it("renames at the rename, removes at the remove, and drops disks at rmmod", async () => {
    const { history: h, run } = await recordEngine();
    const topo = topologyOf(h);
    const start = h.head;
    expect(await run("dmsetup rename bad good")).toBe(0);
    expect(await run("dmsetup remove good")).toBe(0);
    expect(await run("dmsetup remove concat && modprobe -r brd")).toBe(0);
    const rename = find(h, start, EV.DEVICE_RENAME);
    expect(names(topo.at(rename))).toEqual(["concat", "bad"]);
    expect(names(topo.at(rename + 1))).toEqual(["concat", "good"]);
    expect(device(topo.at(rename + 1), "good")!.live).toEqual([
      { start: 0, length: 1024, type: "error", args: "", maps: [] },
    ]);
    const remove = find(h, rename, EV.DEVICE_REMOVE);
    expect(names(topo.at(remove))).toEqual(["concat", "good"]);
    expect(names(topo.at(remove + 1))).toEqual(["concat"]);
    const rmmod = find(h, remove, EV.DISK_REMOVE);
    expect(names(topo.at(rmmod))).toEqual([]);
    expect(topo.at(rmmod).blockDevices.map((b) => b.name)).toEqual(["ram0", "ram1"]);
    expect(topo.at(h.head).blockDevices).toEqual([]);
    // Back at the start the whole default stack is there again.
    expect(names(topo.at(start))).toEqual(["concat", "bad"]);
  });

  it("matches the engine's own tables at the head", async () => {
    const { engine, history: h, run } = await recordEngine();
    await run(
      [
        "dmsetup create stripes --table '0 8192 striped 2 64 /dev/ram0 16384 /dev/ram1 16384'",
        "dmsetup create top --table '0 4096 linear /dev/mapper/stripes 0'",
        "dmsetup load top --table '0 1024 zero'",
      ].join("\n"),
    );
    const t = topologyOf(h).at(h.head);
    for (const md of engine.dm.list()) {
      const d = device(t, md.dmName)!;
      expect(d.dev).toBe(md.devName);
      expect(d.sectors).toBe(md.sizeSectors);
      for (const [slot, inactive] of [
        ["live", false],
        ["inactive", true],
      ] as const) {
        const lines = engine.dm.status(md.dmName, "TABLE", { inactive });
        expect(
          (d[slot] ?? []).map((s) => ({
            start: s.start,
            length: s.length,
            type: s.type,
            params: s.args,
          })),
        ).toEqual(lines);
      }
    }
    expect(device(t, "stripes")!.live![0]!.maps).toEqual([
      { dev: "1:0", start: 16384, length: 4096 },
      { dev: "1:1", start: 16384, length: 4096 },
    ]);
    expect(device(t, "top")!.live![0]!.maps).toEqual([{ dev: "254:2", start: 0, length: 4096 }]);
  });

  it("names a device no event introduced as the engine names it now", () => {
    const t: Topology = {
      devices: [
        {
          name: "onloop",
          dev: "254:0",
          suspended: false,
          sectors: 8,
          live: [
            {
              start: 0,
              length: 8,
              type: "linear",
              args: "7:0 0",
              maps: [{ dev: "7:0", start: 0, length: 8 }],
            },
          ],
          inactive: null,
        },
      ],
      blockDevices: [{ name: "dm-0", dev: "254:0", sectors: 8, kind: "dm" }],
    };
    const loop0 = { name: "loop0", dev: "7:0", sectors: 2048, kind: "block" };
    const unused = { name: "loop1", dev: "7:1", sectors: 2048, kind: "block" };
    expect(withUnknownDevices(t, [loop0, unused]).blockDevices).toEqual([...t.blockDevices, loop0]);
    expect(withUnknownDevices(t, [])).toBe(t);
  });
});
