/**
 * The storage stack at any point of the history, rebuilt from lifecycle records alone: which
 * RAM disks and mapped devices exist, their names and sizes, each device's live and inactive
 * table (segments with their target type, arguments as `dmsetup table` prints them, and the
 * devices and ranges each uses), and whether it is suspended. This is what the stack view and
 * the flow's geometry draw at the playback cursor, so that scrubbing back before a create, a
 * reload or a remove shows the stack of that moment.
 *
 * Records applied (docs/events.md):
 *   disk_create / disk_remove           a disk (dev, sectors = size, b = name)
 *   device_create / _rename / _remove   a mapped device appears, is renamed, goes
 *   target_ctr                          a segment of the table being built (type, begin, len)
 *   table_load                          the built table fills the inactive slot; `b` is its
 *                                       description (events.ts encodeTable)
 *   table_swap                          the inactive table goes live (sectors = its size)
 *   table_clear                         the inactive slot is emptied
 *   device_suspend / device_resume      the suspended flag
 *
 * Strings are kept as ids and resolved when the state is turned into devices (`devicesOf`),
 * because a record can be drained before the string it names has arrived.
 */

import { decodeTable, EV, ev, type SegmentDesc } from "../../engine/events.ts";
import type { BlockDeviceInfo, TargetInfo } from "../../worker/protocol.ts";
import type { StackDevice } from "../stackLayout.ts";
import type { Fold } from "./fold.ts";
import type { StringLookup } from "./history.ts";
import { devMinor, devString } from "./model.ts";

/** A table as the lifecycle records give it. */
export interface TopoTable {
  /** The description's string id (table_load's `b`), -1 if the record had none. */
  descId: number;
  /** The segments as target_ctr gave them: the fallback when there is no description. */
  ctrs: ReadonlyArray<{ start: number; length: number; typeId: number }>;
  /** Sectors (table_load's). */
  size: number;
}

export interface TopoDevice {
  dev: number;
  nameId: number;
  /** Size of the live table (table_swap's), 0 without one. */
  sectors: number;
  live: TopoTable | null;
  inactive: TopoTable | null;
  /** Segments constructed by a load in progress. */
  building: Array<{ start: number; length: number; typeId: number }>;
  suspended: boolean;
}

export interface TopoDisk {
  dev: number;
  nameId: number;
  sectors: number;
}

export interface TopologyState {
  devs: Map<number, TopoDevice>;
  disks: Map<number, TopoDisk>;
}

export const topologyFold: Fold<TopologyState> = {
  init: () => ({ devs: new Map(), disks: new Map() }),
  // Tables are never mutated once made (a load makes a new one): a shallow copy per device.
  clone: (s) => ({
    devs: new Map([...s.devs].map(([k, d]) => [k, { ...d, building: [...d.building] }])),
    disks: new Map([...s.disks].map(([k, d]) => [k, { ...d }])),
  }),
  apply(s, r, o) {
    const dev = ev.dev(r, o);
    switch (ev.type(r, o)) {
      case EV.DISK_CREATE:
        s.disks.set(dev, { dev, nameId: ev.text(r, o), sectors: ev.sectors(r, o) });
        break;
      case EV.DISK_REMOVE:
        s.disks.delete(dev);
        break;
      case EV.DEVICE_CREATE:
        s.devs.set(dev, {
          dev,
          nameId: ev.text(r, o),
          sectors: 0,
          live: null,
          inactive: null,
          building: [],
          suspended: false,
        });
        break;
      case EV.DEVICE_RENAME: {
        const d = s.devs.get(dev);
        if (d) d.nameId = ev.text(r, o);
        break;
      }
      case EV.DEVICE_REMOVE:
        s.devs.delete(dev);
        break;
      case EV.TARGET_CTR: {
        const d = s.devs.get(dev);
        if (!d) break;
        if (ev.target(r, o) === 0) d.building = [];
        d.building.push({
          start: ev.sector(r, o),
          length: ev.sectors(r, o),
          typeId: ev.text(r, o),
        });
        break;
      }
      case EV.TABLE_LOAD: {
        const d = s.devs.get(dev);
        if (!d) break;
        d.inactive = { descId: ev.text(r, o), ctrs: d.building, size: ev.sectors(r, o) };
        d.building = [];
        break;
      }
      case EV.TABLE_SWAP: {
        const d = s.devs.get(dev);
        if (!d) break;
        if (d.inactive) d.live = d.inactive;
        d.inactive = null;
        d.sectors = ev.sectors(r, o);
        break;
      }
      case EV.TABLE_CLEAR: {
        const d = s.devs.get(dev);
        if (d) d.inactive = null;
        break;
      }
      case EV.DEVICE_SUSPEND:
      case EV.DEVICE_RESUME: {
        const d = s.devs.get(dev);
        if (d) d.suspended = ev.type(r, o) === EV.DEVICE_SUSPEND;
        break;
      }
    }
  },
};

/** The stack as the stack view draws it (the shape of the worker's getState, for the views). */
export interface Topology {
  /** Mapped devices in minor order. */
  devices: StackDevice[];
  /** Disks and mapped devices, by device number (as getState's blockDevices). */
  blockDevices: BlockDeviceInfo[];
}

/** A description's segments, decoded once per string (strings are immutable per engine). */
const decoded = new Map<string, SegmentDesc[] | null>();

function segmentsOf(t: TopoTable, text: StringLookup): TargetInfo[] {
  const desc = t.descId >= 0 ? text(t.descId) : undefined;
  let segs = desc === undefined ? null : decoded.get(desc);
  if (desc !== undefined && segs === undefined) {
    segs = decodeTable(desc);
    if (decoded.size > 4096) decoded.clear();
    decoded.set(desc, segs);
  }
  if (segs) {
    return segs.map((x) => ({
      start: x.start,
      length: x.length,
      type: x.type,
      args: x.args,
      maps: x.devices.map((d) => ({ dev: d.dev, start: d.start, length: d.length })),
    }));
  }
  // No description (yet): what the constructors told, without arguments or devices.
  return t.ctrs.map((c) => ({
    start: c.start,
    length: c.length,
    type: text(c.typeId) ?? "?",
    args: "",
    maps: [],
  }));
}

/** The devices of a topology state, names and tables resolved. */
export function devicesOf(s: TopologyState, text: StringLookup): Topology {
  const name = (id: number, dev: number) => (id >= 0 ? text(id) : undefined) ?? devString(dev);
  const devices: StackDevice[] = [...s.devs.values()]
    .sort((a, b) => devMinor(a.dev) - devMinor(b.dev))
    .map((d) => ({
      name: name(d.nameId, d.dev),
      dev: devString(d.dev),
      suspended: d.suspended,
      sectors: d.live ? d.sectors : 0,
      live: d.live ? segmentsOf(d.live, text) : null,
      inactive: d.inactive ? segmentsOf(d.inactive, text) : null,
    }));
  const blockDevices: BlockDeviceInfo[] = [
    ...[...s.disks.values()].map((d) => {
      const n = name(d.nameId, d.dev);
      // As getState names kinds: brd's disks are "ram", others "block".
      return {
        num: d.dev,
        name: n,
        dev: devString(d.dev),
        sectors: d.sectors,
        kind: n.startsWith("ram") ? "ram" : "block",
      };
    }),
    ...[...s.devs.values()].map((d) => ({
      num: d.dev,
      name: `dm-${devMinor(d.dev)}`,
      dev: devString(d.dev),
      sectors: d.live ? d.sectors : 0,
      kind: "dm",
    })),
  ]
    .sort((a, b) => a.num - b.num)
    .map(({ num: _num, ...b }) => b);
  return { devices, blockDevices };
}

/**
 * `t` with the block devices its tables use and it does not know, taken from `present` (the
 * engine's devices now): a kind of device whose driver records no disk_create is drawn with
 * its present name rather than its number.
 */
export function withUnknownDevices(t: Topology, present: readonly BlockDeviceInfo[]): Topology {
  const known = new Set(t.blockDevices.map((b) => b.dev));
  const used = new Set<string>();
  for (const d of t.devices) {
    for (const table of [d.live, d.inactive]) {
      for (const seg of table ?? []) for (const m of seg.maps) used.add(m.dev);
    }
  }
  const extra = present.filter((b) => used.has(b.dev) && !known.has(b.dev));
  return extra.length === 0 ? t : { ...t, blockDevices: [...t.blockDevices, ...extra] };
}
