/**
 * The views' models, each a pure function of the history up to the cursor:
 *
 *   stats  devices (names, tables, suspended) and outcome counts per device and per target
 *   flow   every bio in flight: where it is (submitted, deferred, at a target, remapped…), its
 *          MapState and status; the bio-flow picture is drawn from this alone
 *
 * Both are folds (fold.ts), so the state at any cursor is exact wherever the cursor came from.
 * Records are read through the named accessors of events.ts (`ev.type(r, o)`…, docs/events.md).
 */

import { EV, ev, isBioEvent, namesBio } from "../../engine/events.ts";
import { BIO_OPS, BLK_STATUSES, END_IO_RESULTS, MAP_STATES } from "../../engine/types.ts";
import type { Fold } from "./fold.ts";
import type { StringLookup } from "./history.ts";

export const DM_MAJOR = 254;
export const devMajor = (d: number): number => Math.floor(d / 0x100000);
export const devMinor = (d: number): number => d % 0x100000;
export const devString = (d: number): string => `${devMajor(d)}:${devMinor(d)}`;
export function parseDev(s: string): number {
  const [ma, mi] = s.split(":");
  return Number(ma) * 0x100000 + Number(mi);
}

export const MAP_CODE = {
  SUBMITTED: MAP_STATES.indexOf("SUBMITTED"),
  REMAPPED: MAP_STATES.indexOf("REMAPPED"),
  REQUEUE: MAP_STATES.indexOf("REQUEUE"),
  DELAY_REQUEUE: MAP_STATES.indexOf("DELAY_REQUEUE"),
  KILL: MAP_STATES.indexOf("KILL"),
} as const;
export const STATUS_OK = BLK_STATUSES.indexOf("OK");
export const STATUS_IOERR = BLK_STATUSES.indexOf("IOERR");
export const ENDIO_INCOMPLETE = END_IO_RESULTS.indexOf("INCOMPLETE");
export const OP_READ = BIO_OPS.indexOf("READ");
export const OP_WRITE = BIO_OPS.indexOf("WRITE");

export { isBioEvent };

// ---------------------------------------------------------------- stats: devices and outcomes

export interface TargetDesc {
  /** Unique in the history: identifies the target's outcome row across table changes. */
  uid: number;
  index: number;
  begin: number;
  len: number;
  /** The target type's interned string (resolved when shown: see targetType). */
  typeId: number;
}

export interface DevState {
  dev: number;
  /** The name's interned string, -1 if never named (resolved when shown: see devName). */
  nameId: number;
  kind: "dm" | "disk";
  live: TargetDesc[];
  inactive: TargetDesc[] | null;
  /** Targets constructed by a load in progress (they become `inactive` at table_load). */
  building: TargetDesc[];
  suspended: boolean;
  removed: boolean;
}

/** Slots of an outcome row: MapStates, then completion statuses, then the rest. */
export const ROW = {
  MAP: 0,
  STATUS: MAP_STATES.length,
  DEFER: MAP_STATES.length + BLK_STATUSES.length,
  REQUEUE: MAP_STATES.length + BLK_STATUSES.length + 1,
  SUBMIT: MAP_STATES.length + BLK_STATUSES.length + 2,
  FAULT: MAP_STATES.length + BLK_STATUSES.length + 3,
  SIZE: MAP_STATES.length + BLK_STATUSES.length + 4,
} as const;

export interface StatsState {
  devs: Map<number, DevState>;
  /** Outcome counts by row key: a device's number, or minus a target's uid (rowKey). */
  rows: Map<number, Float64Array>;
  /** Which target row a clone was mapped by, until it ends (bio_endio names no target). */
  cloneRow: Map<number, number>;
  /**
   * The device each bio in flight was submitted to (bio_submit), until its bio_complete: a
   * device row counts the completion of a bio submitted to it, once. A clone its target ends
   * itself (a thin device's clone after the pool wrote the data with its own bio, a KILL, an
   * error_if_no_space) was never submitted anywhere: its bio_complete counts on no row.
   */
  submittedTo: Map<number, number>;
  /** The next target uid. */
  uids: number;
  /** Virtual time of the last record applied. */
  time: number;
  /**
   * The history's strings (not state: shared by every copy). Names are kept as string ids and
   * looked up when shown, because a record can be drained before its string has arrived.
   */
  text: StringLookup;
}

/** Outcome rows are keyed by numbers (no string per event): devices >= 0, targets < 0. */
export const deviceRowKey = (dev: number): number => dev;
export const targetRowKey = (t: TargetDesc): number => -t.uid;

function devState(s: StatsState, dev: number): DevState {
  let d = s.devs.get(dev);
  if (!d) {
    d = {
      dev,
      nameId: -1,
      kind: devMajor(dev) === DM_MAJOR ? "dm" : "disk",
      live: [],
      inactive: null,
      building: [],
      suspended: false,
      removed: false,
    };
    s.devs.set(dev, d);
  }
  return d;
}

function countRow(s: StatsState, key: number): Float64Array {
  let r = s.rows.get(key);
  if (!r) {
    r = new Float64Array(ROW.SIZE);
    s.rows.set(key, r);
  }
  return r;
}

function targetRow(s: StatsState, dev: number, index: number): number | null {
  const t = s.devs.get(dev)?.live[index];
  return t ? targetRowKey(t) : null;
}

export function statsFold(strings: StringLookup): Fold<StatsState> {
  return {
    init: () => ({
      devs: new Map(),
      rows: new Map(),
      cloneRow: new Map(),
      submittedTo: new Map(),
      uids: 1,
      time: 0,
      text: strings,
    }),
    clone: (s) => ({
      // Target lists are replaced, never mutated, except `building`.
      devs: new Map([...s.devs].map(([k, d]) => [k, { ...d, building: [...d.building] }])),
      rows: new Map([...s.rows].map(([k, r]) => [k, r.slice()])),
      cloneRow: new Map(s.cloneRow),
      submittedTo: new Map(s.submittedTo),
      uids: s.uids,
      time: s.time,
      text: s.text,
    }),
    apply(s, r, o) {
      const type = ev.type(r, o);
      const bio = ev.bio(r, o);
      const dev = ev.dev(r, o);
      s.time = ev.time(r, o);
      switch (type) {
        case EV.BIO_SUBMIT:
          countRow(s, dev)[ROW.SUBMIT]!++;
          s.submittedTo.set(bio, dev);
          break;
        case EV.BIO_MAP: {
          const map = ev.mapState(r, o);
          countRow(s, dev)[ROW.MAP + map]!++;
          const key = targetRow(s, dev, ev.target(r, o));
          if (key !== null && key !== undefined) {
            countRow(s, key)[ROW.MAP + map]!++;
            // Only a clone that will end through end_io needs remembering.
            if (map === MAP_CODE.REMAPPED || map === MAP_CODE.SUBMITTED) s.cloneRow.set(bio, key);
          }
          break;
        }
        case EV.BIO_ENDIO: {
          const key = s.cloneRow.get(bio);
          if (key !== null && key !== undefined) {
            countRow(s, key)[ROW.STATUS + ev.status(r, o)]!++;
            if (ev.endIo(r, o) !== ENDIO_INCOMPLETE) s.cloneRow.delete(bio);
          }
          break;
        }
        case EV.BIO_COMPLETE: {
          const to = s.submittedTo.get(bio);
          if (to !== undefined) {
            countRow(s, to)[ROW.STATUS + ev.status(r, o)]!++;
            s.submittedTo.delete(bio);
          }
          break;
        }
        case EV.BIO_DEFER:
          countRow(s, dev)[ROW.DEFER]!++;
          break;
        case EV.BIO_REQUEUE:
          countRow(s, dev)[ROW.REQUEUE]!++;
          break;
        case EV.TARGET_FAULT: {
          countRow(s, dev)[ROW.FAULT]!++;
          const t = ev.target(r, o);
          const key = t >= 0 ? targetRow(s, dev, t) : null;
          if (key !== null) countRow(s, key)[ROW.FAULT]!++;
          break;
        }
        case EV.DEVICE_CREATE:
        case EV.DISK_CREATE: {
          const d = devState(s, dev);
          d.nameId = ev.text(r, o);
          d.removed = false;
          d.live = [];
          d.inactive = null;
          d.building = [];
          d.suspended = false;
          break;
        }
        case EV.DEVICE_RENAME:
          devState(s, dev).nameId = ev.text(r, o);
          break;
        case EV.DEVICE_REMOVE:
        case EV.DISK_REMOVE:
          devState(s, dev).removed = true;
          break;
        case EV.TARGET_CTR: {
          const d = devState(s, dev);
          const index = ev.target(r, o);
          if (index === 0) d.building = [];
          d.building.push({
            index,
            begin: ev.sector(r, o),
            len: ev.sectors(r, o),
            typeId: ev.text(r, o),
            uid: s.uids++,
          });
          break;
        }
        case EV.TABLE_LOAD: {
          const d = devState(s, dev);
          d.inactive = d.building;
          d.building = [];
          break;
        }
        case EV.TABLE_SWAP: {
          const d = devState(s, dev);
          if (d.inactive) d.live = d.inactive;
          d.inactive = null;
          break;
        }
        case EV.TABLE_CLEAR:
          devState(s, dev).inactive = null;
          break;
        case EV.DEVICE_SUSPEND:
          devState(s, dev).suspended = true;
          break;
        case EV.DEVICE_RESUME:
          devState(s, dev).suspended = false;
          break;
      }
    },
  };
}

/** A device's name at that point of the history ("254:3" if it was never named). */
export function devName(s: StatsState, dev: number): string {
  const id = s.devs.get(dev)?.nameId ?? -1;
  return (id >= 0 ? s.text(id) : undefined) ?? devString(dev);
}

/** A target's type name. */
export function targetType(s: StatsState, t: TargetDesc): string {
  return s.text(t.typeId) ?? "?";
}

// ---------------------------------------------------------------- flow: bios in flight

/** Where a bio is in its life. */
export const STAGE = {
  /** At its device (a process's bio, a redriven one, or a clone that reached a lower device). */
  SUBMITTED: 0,
  /** Held at its device by a suspend. */
  DEFERRED: 1,
  /** Pushed back at its device for after resume. */
  REQUEUED: 2,
  /** A piece cut from its parent at a target boundary or max_io_len, not yet cloned. */
  SPLIT: 3,
  /** A clone at its target; map has not returned. */
  CLONED: 4,
  /** map returned `mapState` (SUBMITTED: the target holds it). */
  MAPPED: 5,
  /** Pointed at a lower device (`dev`, `sector`). */
  REMAPPED: 6,
  /** Ended at `dev` with `status` (a clone's end_io comes next). */
  COMPLETED: 7,
  /** A clone's end_io at its target returned `endIo`. */
  ENDIO: 8,
} as const;
export type Stage = (typeof STAGE)[keyof typeof STAGE];
export const STAGE_NAMES = Object.keys(STAGE);

export interface BioState {
  id: number;
  /** The bio it was split or cloned from (0: issued by a process or a target). */
  parent: number;
  /** The first ancestor known: the bio a process issued. */
  root: number;
  /** Split pieces and clones live on their parent's device, handed to a target. */
  clone: boolean;
  op: number;
  flags: number;
  /** The device it is at now (a clone's lower device once remapped). */
  dev: number;
  sector: number;
  sectors: number;
  /** For a clone: the mapped device whose target handles it, and the range there. */
  hostDev: number;
  hostSector: number;
  hostSectors: number;
  target: number;
  splitReason: number;
  mapState: number;
  status: number;
  endIo: number;
  stage: Stage;
  /** Index of its latest record. */
  at: number;
  /** Index of its defer or requeue while held (queue order), -1 otherwise. */
  queuedAt: number;
  fault: boolean;
  /**
   * A thin target's own step on it (docs/events.md): 0 none, 1 its block was looked up
   * (`thin_lookup`), 2 a data block was allocated for it (`thin_alloc`; stays).
   */
  thin: number;
  /** Index of the record that ended it; -1 while in flight. Kept only in `keepEnded` states. */
  ended: number;
  /** Children not ended yet. */
  kids: number;
}

export interface FlowState {
  bios: Map<number, BioState>;
  /** Replaying a window for a picture: ended bios stay (with `ended` set) instead of going. */
  keepEnded: boolean;
}

function newBio(s: FlowState, id: number, parent: number, dev: number, at: number): BioState {
  const p = parent ? s.bios.get(parent) : undefined;
  if (p) p.kids++;
  const b: BioState = {
    id,
    parent,
    root: parent === 0 ? id : (p?.root ?? parent),
    clone: false,
    op: p?.op ?? 0,
    flags: p?.flags ?? 0,
    dev,
    sector: 0,
    sectors: 0,
    hostDev: dev,
    hostSector: 0,
    hostSectors: 0,
    target: -1,
    splitReason: -1,
    mapState: -1,
    status: -1,
    endIo: -1,
    stage: STAGE.SUBMITTED,
    at,
    queuedAt: -1,
    fault: false,
    thin: 0,
    ended: -1,
    kids: 0,
  };
  s.bios.set(id, b);
  return b;
}

function endBio(s: FlowState, b: BioState, index: number): void {
  b.ended = index;
  const p = b.parent ? s.bios.get(b.parent) : undefined;
  if (p && p.kids > 0) p.kids--;
  if (s.keepEnded) return;
  s.bios.delete(b.id);
  if (b.kids > 0 && b.parent === 0) {
    // Descendants that never ended (events lost to a full ring): they go with their root.
    for (const [id, x] of s.bios) if (x.root === b.id) s.bios.delete(id);
  }
}

export const flowFold: Fold<FlowState> = {
  init: () => ({ bios: new Map(), keepEnded: false }),
  clone: (s) => ({
    bios: new Map([...s.bios].map(([k, b]) => [k, { ...b }])),
    keepEnded: s.keepEnded,
  }),
  apply(s, r, o, index) {
    const type = ev.type(r, o);
    const fault = type === EV.TARGET_FAULT || type === EV.DISK_FAULT;
    if (!namesBio(r, o)) return;
    const id = ev.bio(r, o);
    const dev = ev.dev(r, o);
    const sector = ev.sector(r, o);
    const sectors = ev.sectors(r, o);
    let b = s.bios.get(id);
    if (b && b.ended >= 0 && !fault) {
      // A bio id reused after ending (it cannot be in one engine), or a second end: start over.
      s.bios.delete(id);
      b = undefined;
    }
    switch (type) {
      case EV.BIO_SUBMIT:
        if (!b) {
          b = newBio(s, id, ev.parent(r, o), dev, index);
          b.op = ev.op(r, o);
          b.flags = ev.opFlags(r, o);
        }
        b.dev = dev;
        b.sector = sector;
        b.sectors = sectors;
        if (!b.clone) {
          b.hostDev = dev;
          b.hostSector = sector;
          b.hostSectors = sectors;
        }
        b.stage = STAGE.SUBMITTED;
        break;
      case EV.BIO_SPLIT:
        b ??= newBio(s, id, ev.parent(r, o), dev, index);
        b.clone = true;
        b.dev = b.hostDev = dev;
        b.sector = b.hostSector = sector;
        b.sectors = b.hostSectors = sectors;
        b.splitReason = ev.splitReason(r, o);
        b.stage = STAGE.SPLIT;
        break;
      case EV.BIO_CLONE:
        b ??= newBio(s, id, ev.parent(r, o), dev, index);
        b.clone = true;
        b.dev = b.hostDev = dev;
        b.sector = b.hostSector = sector;
        b.sectors = b.hostSectors = sectors;
        b.target = ev.target(r, o);
        b.stage = STAGE.CLONED;
        break;
      case EV.BIO_MAP: {
        if (!b) return;
        const map = ev.mapState(r, o);
        b.mapState = map;
        b.target = ev.target(r, o);
        b.stage = STAGE.MAPPED;
        b.at = index;
        if (map === MAP_CODE.KILL || map === MAP_CODE.REQUEUE || map === MAP_CODE.DELAY_REQUEUE) {
          // The core fails (or pushes back) the piece itself: this clone is done.
          endBio(s, b, index);
        }
        return;
      }
      case EV.BIO_REMAP:
        if (!b) return;
        b.dev = dev;
        b.sector = sector;
        b.sectors = sectors;
        b.stage = STAGE.REMAPPED;
        break;
      case EV.BIO_COMPLETE:
        if (!b) return;
        b.status = ev.status(r, o);
        b.stage = STAGE.COMPLETED;
        b.queuedAt = -1;
        b.at = index;
        // A clone still has its end_io to go through.
        if (!b.clone) endBio(s, b, index);
        return;
      case EV.BIO_ENDIO:
        if (!b) return;
        b.status = ev.status(r, o);
        b.endIo = ev.endIo(r, o);
        b.stage = STAGE.ENDIO;
        b.at = index;
        if (b.endIo === ENDIO_INCOMPLETE) {
          // The target keeps it and will end it again.
          b.stage = STAGE.MAPPED;
          b.status = -1;
        } else endBio(s, b, index);
        return;
      case EV.BIO_DEFER:
      case EV.BIO_REQUEUE:
        b ??= newBio(s, id, 0, dev, index);
        b.stage = type === EV.BIO_DEFER ? STAGE.DEFERRED : STAGE.REQUEUED;
        b.queuedAt = index;
        break;
      case EV.BIO_REDRIVE:
        if (!b) return;
        b.stage = STAGE.SUBMITTED;
        b.queuedAt = -1;
        b.mapState = -1;
        b.status = -1;
        break;
      case EV.TARGET_FAULT:
      case EV.DISK_FAULT:
        if (b) b.fault = true;
        return;
      case EV.THIN_LOOKUP:
        if (b && b.thin < 1) b.thin = 1;
        break;
      case EV.THIN_ALLOC:
        if (b) b.thin = 2;
        break;
    }
    if (b) b.at = index;
  },
};

/** Whether a record is one the flow always shows: an error, a kill, a requeue, a hold, a fault. */
export function isAlarmRecord(r: Float64Array, o: number): boolean {
  switch (ev.type(r, o)) {
    case EV.BIO_MAP: {
      const map = ev.mapState(r, o);
      return map !== MAP_CODE.REMAPPED && map !== MAP_CODE.SUBMITTED;
    }
    case EV.BIO_COMPLETE:
    case EV.BIO_ENDIO:
      return ev.status(r, o) !== STATUS_OK;
    case EV.BIO_DEFER:
    case EV.BIO_REQUEUE:
      return true;
    case EV.TARGET_FAULT:
    case EV.DISK_FAULT:
      return namesBio(r, o);
    default:
      return false;
  }
}

/**
 * A bio as far as one alarm record tells (the flow follows only the families it draws; an alarm
 * in another one is shown where it happened, on the device the record names).
 */
export function bioFromAlarm(r: Float64Array, o: number, index: number): BioState {
  const type = ev.type(r, o);
  const dev = ev.dev(r, o);
  const map = ev.mapState(r, o);
  const clone = type === EV.BIO_MAP || type === EV.BIO_ENDIO;
  const ends =
    type === EV.BIO_COMPLETE ||
    (type === EV.BIO_ENDIO && ev.endIo(r, o) !== ENDIO_INCOMPLETE) ||
    (type === EV.BIO_MAP && map !== MAP_CODE.REMAPPED && map !== MAP_CODE.SUBMITTED);
  const stage: Stage =
    type === EV.BIO_MAP
      ? STAGE.MAPPED
      : type === EV.BIO_ENDIO
        ? STAGE.ENDIO
        : type === EV.BIO_COMPLETE
          ? STAGE.COMPLETED
          : type === EV.BIO_DEFER
            ? STAGE.DEFERRED
            : type === EV.BIO_REQUEUE
              ? STAGE.REQUEUED
              : STAGE.SUBMITTED;
  return {
    id: ev.bio(r, o),
    parent: 0,
    root: ev.bio(r, o),
    clone,
    op: 0,
    flags: 0,
    dev,
    sector: ev.sector(r, o),
    sectors: ev.sectors(r, o),
    hostDev: dev,
    hostSector: ev.sector(r, o),
    hostSectors: ev.sectors(r, o),
    target: type === EV.BIO_MAP || type === EV.TARGET_FAULT ? ev.target(r, o) : -1,
    splitReason: -1,
    mapState: map,
    status: ev.status(r, o),
    endIo: ev.endIo(r, o),
    stage,
    at: index,
    queuedAt: type === EV.BIO_DEFER || type === EV.BIO_REQUEUE ? index : -1,
    fault: type === EV.TARGET_FAULT || type === EV.DISK_FAULT,
    thin: 0,
    ended: ends ? index : -1,
    kids: 0,
  };
}

// ---------------------------------------------------------------- poses: where a bio is drawn

/**
 * Where a bio is, in terms of the stack: `path` walks from the device its root was submitted
 * to, through (target index, lower device) pairs, to the device the bio is at; `place` says
 * whether it is drawn at that device, queued there, split off there, or at one of its targets
 * (`target`). Sectors are in the coordinates of that device. Geometry turns this into pixels.
 */
export interface Pose {
  path: number[];
  place: "dev" | "queue" | "split" | "target";
  target: number;
  sector: number;
  sectors: number;
  /** Position in the device's queue (place "queue"). */
  slot: number;
}

/** The devices (and targets between them) from the root down to the device `b` is at. */
export function devPath(b: BioState, bios: ReadonlyMap<number, BioState>, depth = 0): number[] {
  const p = b.parent ? bios.get(b.parent) : undefined;
  if (!b.clone || !p || depth > 32) return [b.clone ? b.hostDev : b.dev];
  const up = devPath(p, bios, depth + 1);
  if (b.dev !== b.hostDev && b.stage !== STAGE.SPLIT && b.stage !== STAGE.CLONED) {
    return [...up, b.target, b.dev];
  }
  return up;
}

export function poseOf(b: BioState, bios: ReadonlyMap<number, BioState>, slot = 0): Pose {
  const path = devPath(b, bios);
  const atLower = b.clone && b.dev !== b.hostDev;
  let place: Pose["place"];
  switch (b.stage) {
    case STAGE.DEFERRED:
    case STAGE.REQUEUED:
      place = "queue";
      break;
    case STAGE.SPLIT:
      place = "split";
      break;
    case STAGE.CLONED:
    case STAGE.MAPPED:
    case STAGE.ENDIO:
      place = "target";
      break;
    case STAGE.REMAPPED:
    case STAGE.SUBMITTED:
    case STAGE.COMPLETED:
      place = b.clone && !atLower ? "target" : "dev";
      break;
  }
  const onHost = place === "target" || place === "split";
  return {
    path: onHost && atLower ? path.slice(0, -2) : path,
    place,
    target: b.target,
    sector: onHost ? b.hostSector : b.sector,
    sectors: onHost ? b.hostSectors : b.sectors,
    slot,
  };
}

/** `name:sector+sectors`, as the remap label writes a range. */
export function rangeLabel(name: string, sector: number, sectors: number): string {
  return `${name}:${sector}+${sectors}`;
}

/**
 * The remap of a bio's children, as the flow labels it: `cat:8188+8 → ram0:8188+4, ram1:0+4`.
 * Null until at least one child has been pointed at a lower device.
 */
export function remapLabel(
  b: BioState,
  kids: readonly BioState[],
  name: (dev: number) => string,
): string | null {
  const moved = kids
    .filter((k) => k.clone && k.dev !== k.hostDev)
    .sort((x, y) => x.hostSector - y.hostSector || x.id - y.id);
  if (moved.length === 0) return null;
  const to = moved.map((k) => rangeLabel(name(k.dev), k.sector, k.sectors)).join(", ");
  return `${rangeLabel(name(b.dev), b.sector, b.sectors)} → ${to}`;
}
