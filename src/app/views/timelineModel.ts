/**
 * The lifecycle timeline's model: one lane per device, its lifecycle events (create, table
 * load and swap, target constructors, pre/post suspend, pre/resume, messages, dtr, remove, target
 * faults) and its suspended spans, from the lifecycle records before the cursor. Pure.
 */

import { decodeTable, EV, ev, eventKind, tableLines } from "../../engine/events.ts";
import { devString } from "../history/model.ts";

export interface LifeEvent {
  /** Index in the history. */
  index: number;
  type: number;
  kind: string;
  time: number;
  dev: number;
  /** Target index (target events), -1 otherwise. */
  target: number;
  begin: number;
  len: number;
  text: string;
  bio: number;
  /** Slot a: for a suspend, 1 when noflush. */
  a: number;
}

export interface Lane {
  /**
   * One device life: `dev` and the lane's place among the lives of that number ("254:2#1"). A
   * device number freed by a remove is reused by the next create, which gets a lane of its own.
   */
  key: string;
  dev: number;
  name: string;
  kind: "dm" | "disk";
  events: LifeEvent[];
  /** [from, to) virtual times while suspended (to: null while still suspended). */
  suspended: Array<{ from: number; to: number | null; fromIndex: number }>;
}

export const KIND_OF: Record<number, string> = {
  [EV.DEVICE_CREATE]: "create",
  [EV.DEVICE_REMOVE]: "remove",
  [EV.DEVICE_RENAME]: "rename",
  [EV.TABLE_LOAD]: "table load",
  [EV.TABLE_SWAP]: "table swap",
  [EV.TABLE_CLEAR]: "table clear",
  [EV.TARGET_CTR]: "ctr",
  [EV.TARGET_DTR]: "dtr",
  [EV.TARGET_PRESUSPEND]: "presuspend",
  [EV.TARGET_POSTSUSPEND]: "postsuspend",
  [EV.TARGET_PRERESUME]: "preresume",
  [EV.TARGET_RESUME]: "resume",
  [EV.TARGET_MESSAGE]: "message",
  [EV.DEVICE_SUSPEND]: "suspend",
  [EV.DEVICE_RESUME]: "device resume",
  [EV.TARGET_FAULT]: "target fault",
  [EV.DISK_CREATE]: "disk create",
  [EV.DISK_REMOVE]: "disk remove",
  [EV.THIN_ALLOC]: "thin alloc",
};

/** A lifecycle record (its slots, from offset 0) -> a lifecycle event (strings resolved). */
export function lifeEvent(
  r: ArrayLike<number>,
  index: number,
  text: (id: number) => string | undefined,
): LifeEvent {
  const type = ev.type(r, 0);
  const textId = ev.text(r, 0);
  let shown = textId >= 0 ? (text(textId) ?? "") : "";
  // A table load carries its table's description: shown as `dmsetup table` prints it.
  if (type === EV.TABLE_LOAD) {
    const segments = decodeTable(shown);
    shown = segments ? tableLines(segments) : "";
  }
  return {
    index,
    type,
    kind: KIND_OF[type] ?? eventKind(type)?.name.replace(/_/g, " ") ?? `event ${type}`,
    time: ev.time(r, 0),
    bio: ev.bio(r, 0),
    dev: ev.dev(r, 0),
    target: ev.target(r, 0),
    begin: ev.sector(r, 0),
    len: ev.sectors(r, 0),
    text: shown,
    a: ev.a(r, 0),
  };
}

/**
 * Lanes from lifecycle events in history order: one per device life, from its create to its
 * remove (a device number reused after a remove starts a new lane).
 */
export function buildLanes(events: readonly LifeEvent[]): Lane[] {
  return laneModel(events).lanes;
}

/** buildLanes, with the lane holding each event, by the event's history index. */
export function laneModel(events: readonly LifeEvent[]): {
  lanes: Lane[];
  laneOf: Map<number, Lane>;
} {
  const lanes: Lane[] = [];
  const open = new Map<number, Lane>();
  const lives = new Map<number, number>();
  const laneOf = new Map<number, Lane>();
  const lane = (dev: number): Lane => {
    let l = open.get(dev);
    if (!l) {
      const life = lives.get(dev) ?? 0;
      lives.set(dev, life + 1);
      // Module events (insmod, rmmod, reload) belong to no device: their own lane.
      l = {
        key: `${dev}#${life}`,
        dev,
        name: dev === 0 ? "modules" : devString(dev),
        kind: "disk",
        events: [],
        suspended: [],
      };
      open.set(dev, l);
      lanes.push(l);
    }
    return l;
  };
  for (const e of events) {
    const l = lane(e.dev);
    l.events.push(e);
    laneOf.set(e.index, l);
    // The device is gone (its targets' dtr came before): its number may be given again.
    if (e.type === EV.DEVICE_REMOVE || e.type === EV.DISK_REMOVE) open.delete(e.dev);
    switch (e.type) {
      case EV.DEVICE_CREATE:
        l.kind = "dm";
        l.name = e.text || l.name;
        break;
      case EV.DISK_CREATE:
        l.name = e.text || l.name;
        break;
      case EV.DEVICE_RENAME:
        l.name = e.text || l.name;
        break;
      case EV.DEVICE_SUSPEND: {
        const last = l.suspended[l.suspended.length - 1];
        if (!last || last.to !== null) {
          l.suspended.push({ from: e.time, to: null, fromIndex: e.index });
        }
        break;
      }
      case EV.DEVICE_RESUME: {
        const last = l.suspended[l.suspended.length - 1];
        if (last && last.to === null) last.to = e.time;
        break;
      }
    }
    if (e.type >= EV.TARGET_CTR && e.type <= EV.TARGET_MESSAGE) l.kind = "dm";
  }
  // dm devices first, in the order they appeared; then disks.
  lanes.sort((a, b) => Number(a.kind === "disk") - Number(b.kind === "disk"));
  return { lanes, laneOf };
}

/** One line about an event, as the tooltip and the screen-reader list say it. */
export function describeLife(e: LifeEvent, name: string): string {
  const head = `${e.kind} ${name}`;
  switch (e.type) {
    case EV.TARGET_MESSAGE:
      return `${head} target ${e.target} ${e.begin}+${e.len}: "${e.text}"`;
    case EV.TARGET_FAULT:
      return `${head} ${e.target >= 0 ? `target ${e.target}` : "core"}${e.bio ? ` bio ${e.bio}` : ""}: ${e.text}`;
    case EV.TABLE_LOAD:
    case EV.TABLE_SWAP:
      return `${head}: ${e.a} target${e.a === 1 ? "" : "s"}, ${e.len} sectors`;
    case EV.DEVICE_SUSPEND:
      return e.a === 1 ? `${head} (noflush)` : head;
    case EV.DEVICE_RENAME:
      return `${head} → ${e.text}`;
    case EV.MODULE_LOAD:
    case EV.MODULE_UNLOAD:
    case EV.MODULE_RELOAD:
      return `${e.kind} ${e.text}`;
    case EV.CONTRACT_WARNING:
      // a: the target's index in its table.
      return `${head} target ${e.a}${e.bio ? ` bio ${e.bio}` : ""}: ${e.text}`;
    case EV.DISK_CREATE:
      return `${head}: ${e.len} sectors`;
    case EV.DISK_FAULT:
      return `${head}${e.bio ? ` bio ${e.bio}` : ""} ${e.begin}+${e.len}: ${e.text}`;
    case EV.DISK_CONFIG:
    case EV.POWER_CUT:
      return `${head}: ${e.text}`;
    case EV.THIN_ALLOC:
      // begin: the virtual block; a: the new data block; text: how it is filled.
      return `${head}${e.bio ? ` bio ${e.bio}` : ""}: virtual block ${e.begin} → data block ${e.a} (${e.text})`;
    default:
      if (e.target >= 0) {
        return `${head} target ${e.target} ${e.text} ${e.begin}+${e.len}`;
      }
      return head;
  }
}
