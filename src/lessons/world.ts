/**
 * What the engine did, as a lesson's checks and an exercise's reveal read it: a fold of decoded
 * engine events (docs/events.md) into devices by name, their tables, suspends and the bios that
 * went through them. Built the same way from `engine.events.since(n)` headless and from the
 * page's event history, so a check passes in a test exactly when it passes on the page.
 *
 * Only events are read, never screen text or engine state: a check is a function of what the
 * engine reported.
 */

import { decodeTable, EV, type EngineEvent, type SegmentDesc } from "../engine/events.ts";
import type { BlkStatus, MapState } from "../engine/types.ts";

/** dev numbers in events are major * 2^20 + minor (events.md). */
export const DEV_MINOR_BITS = 2 ** 20;
export const devMajor = (dev: number): number => Math.floor(dev / DEV_MINOR_BITS);
export const devMinor = (dev: number): number => dev % DEV_MINOR_BITS;
/** "major:minor", as tables and `SegmentDesc.devices` name a device. */
export const devText = (dev: number): string => `${devMajor(dev)}:${devMinor(dev)}`;

export interface WorldDevice {
  dev: number;
  name: string;
  /** The live table's segments (null before the first resume with a table). */
  live: SegmentDesc[] | null;
  inactive: SegmentDesc[] | null;
  suspended: boolean;
  loads: number;
  swaps: number;
  /** Each suspend, in order: whether it was noflush. */
  suspends: boolean[];
  resumes: number;
  removed: boolean;
}

/** One bio's life, from its events (ids are the engine's, per engine). */
export interface WorldBio {
  id: number;
  /** Where it was submitted (a mapped device or a disk). */
  dev: number;
  sector: number;
  sectors: number;
  op: string;
  /** 0: issued by a process; otherwise the bio it was split from or cloned from. */
  parent: number;
  splitFrom?: number;
  cloneOf?: number;
  /** The target index that cloned it (clones only). */
  target?: number;
  mapState?: MapState;
  /** Where a remap sent it: destination device and sector. */
  remap?: { dev: number; sector: number; from: number };
  deferred: boolean;
  /** Where it was held (a clone remapped onto a suspended device is held there). */
  deferredAt?: number;
  redriven: boolean;
  requeued: boolean;
  status?: BlkStatus;
  /** Virtual ns from submit to completion. */
  latency?: number;
  /** The event sequence numbers of its submit and completion. */
  submitSeq: number;
  completeSeq?: number;
}

export class World {
  readonly events: readonly EngineEvent[];
  readonly devices = new Map<string, WorldDevice>();
  readonly byDev = new Map<number, WorldDevice>();
  /** Disks (RAM disks, loop devices) by name, and their sizes in sectors. */
  readonly disks = new Map<string, { dev: number; sectors: number }>();
  readonly bios = new Map<number, WorldBio>();
  readonly messages: Array<{ dev: number; target: number; text: string }> = [];
  readonly modules: string[] = [];
  readonly faults: Array<{ dev: number; text: string }> = [];
  readonly #names = new Map<number, string>();

  constructor(events: readonly EngineEvent[]) {
    this.events = events;
    for (const e of events) this.#apply(e);
  }

  #apply(e: EngineEvent): void {
    const d = this.byDev.get(e.dev);
    switch (e.type) {
      case EV.DISK_CREATE:
        this.disks.set(e.text ?? devText(e.dev), { dev: e.dev, sectors: e.sectors });
        this.#names.set(e.dev, e.text ?? devText(e.dev));
        break;
      case EV.DEVICE_CREATE: {
        const name = e.text ?? devText(e.dev);
        const dev: WorldDevice = {
          dev: e.dev,
          name,
          live: null,
          inactive: null,
          suspended: false,
          loads: 0,
          swaps: 0,
          suspends: [],
          resumes: 0,
          removed: false,
        };
        this.devices.set(name, dev);
        this.byDev.set(e.dev, dev);
        this.#names.set(e.dev, name);
        break;
      }
      case EV.DEVICE_RENAME:
        if (d) {
          this.devices.delete(d.name);
          d.name = e.text ?? d.name;
          this.devices.set(d.name, d);
          this.#names.set(e.dev, d.name);
        }
        break;
      case EV.DEVICE_REMOVE:
        if (d) {
          d.removed = true;
          this.#removedNames.add(d.name);
          this.devices.delete(d.name);
          this.byDev.delete(e.dev);
        }
        break;
      case EV.TABLE_LOAD:
        if (d) {
          d.inactive = decodeTable(e.text) ?? [];
          d.loads++;
        }
        break;
      case EV.TABLE_SWAP:
        if (d) {
          d.live = d.inactive;
          d.inactive = null;
          d.swaps++;
        }
        break;
      case EV.TABLE_CLEAR:
        if (d) d.inactive = null;
        break;
      case EV.DEVICE_SUSPEND:
        if (d) {
          d.suspended = true;
          d.suspends.push(e.a === 1);
        }
        break;
      case EV.DEVICE_RESUME:
        if (d) {
          d.suspended = false;
          d.resumes++;
        }
        break;
      case EV.TARGET_MESSAGE:
        this.messages.push({ dev: e.dev, target: e.a, text: e.text ?? "" });
        break;
      case EV.MODULE_LOAD:
      case EV.MODULE_RELOAD:
        if (e.text) this.modules.push(e.text);
        break;
      case EV.TARGET_FAULT:
        this.faults.push({ dev: e.dev, text: e.text ?? "" });
        break;
      case EV.BIO_SUBMIT:
        // A remapped clone is submitted again, under its id, to the device below: its life
        // goes on, it does not start over.
        if (this.bios.has(e.bio)) break;
        this.bios.set(e.bio, {
          id: e.bio,
          dev: e.dev,
          sector: e.sector,
          sectors: e.sectors,
          op: e.op ?? "?",
          parent: e.b > 0 ? e.b : 0,
          deferred: false,
          redriven: false,
          requeued: false,
          submitSeq: e.seq,
        });
        break;
      case EV.BIO_SPLIT:
      case EV.BIO_CLONE: {
        // The piece or clone may have no submit of its own: it starts here.
        let b = this.bios.get(e.bio);
        if (!b) {
          const from = this.bios.get(e.a);
          b = {
            id: e.bio,
            dev: e.dev,
            sector: e.sector,
            sectors: e.sectors,
            op: from?.op ?? "?",
            parent: e.a,
            deferred: false,
            redriven: false,
            requeued: false,
            submitSeq: e.seq,
          };
          this.bios.set(e.bio, b);
        }
        if (e.type === EV.BIO_SPLIT) b.splitFrom = e.a;
        else {
          b.cloneOf = e.a;
          b.target = e.b;
        }
        break;
      }
      case EV.BIO_MAP: {
        const b = this.bios.get(e.bio);
        if (b && e.mapState) b.mapState = e.mapState;
        break;
      }
      case EV.BIO_REMAP: {
        const b = this.bios.get(e.bio);
        if (b) b.remap = { dev: e.dev, sector: e.sector, from: e.a };
        break;
      }
      case EV.BIO_DEFER: {
        const b = this.bios.get(e.bio);
        if (b) {
          b.deferred = true;
          b.deferredAt = e.dev;
        }
        break;
      }
      case EV.BIO_REDRIVE: {
        const b = this.bios.get(e.bio);
        if (b) b.redriven = true;
        break;
      }
      case EV.BIO_REQUEUE: {
        const b = this.bios.get(e.bio);
        if (b) b.requeued = true;
        break;
      }
      case EV.BIO_COMPLETE: {
        const b = this.bios.get(e.bio);
        if (b) {
          if (e.status) b.status = e.status;
          b.latency = e.b;
          b.completeSeq = e.seq;
        }
        break;
      }
    }
  }

  /** The name of a device or disk by dev number ("major:minor" when none was seen). */
  name(dev: number): string {
    return this.#names.get(dev) ?? devText(dev);
  }

  /** Whether a device of this name was removed and none of that name is there now. */
  wasRemoved(name: string): boolean {
    return this.#removedNames.has(name) && !this.devices.has(name);
  }

  readonly #removedNames = new Set<string>();

  /** A mapped device by its present name (undefined when absent or removed). */
  device(name: string): WorldDevice | undefined {
    return this.devices.get(name);
  }

  /** The dev number of a device or disk name ("ram0", "stripes"). */
  devOf(name: string): number | undefined {
    return this.devices.get(name)?.dev ?? this.disks.get(name)?.dev;
  }

  /** The live table's target types, in order ("" when there is no live table). */
  liveTypes(name: string): string[] {
    return this.devices.get(name)?.live?.map((s) => s.type) ?? [];
  }

  /** Whether the live table of `upper` uses the device or disk `lower`. */
  uses(upper: string, lower: string): boolean {
    const dev = this.devOf(lower);
    if (dev === undefined) return false;
    const t = devText(dev);
    return !!this.devices.get(upper)?.live?.some((s) => s.devices.some((d) => d.dev === t));
  }

  /** Whether the inactive table of `upper` uses the device or disk `lower`. */
  inactiveUses(upper: string, lower: string): boolean {
    const dev = this.devOf(lower);
    if (dev === undefined) return false;
    const t = devText(dev);
    return !!this.devices.get(upper)?.inactive?.some((s) => s.devices.some((d) => d.dev === t));
  }

  /** Bios issued by a process (parent 0) to `name`, in submit order. */
  issued(name: string, op?: string): WorldBio[] {
    const dev = this.devOf(name);
    return [...this.bios.values()].filter(
      (b) => b.dev === dev && b.parent === 0 && (op === undefined || b.op === op),
    );
  }

  /** Clones remapped from device `from` onto `to` (names). */
  remapsOnto(to: string, from?: string): WorldBio[] {
    const toDev = this.devOf(to);
    const fromDev = from === undefined ? undefined : this.devOf(from);
    return [...this.bios.values()].filter(
      (b) =>
        b.remap && b.remap.dev === toDev && (fromDev === undefined || b.remap.from === fromDev),
    );
  }

  /** Clones made on device `name` (target map calls), optionally with a MapState. */
  mapped(name: string, state?: MapState): WorldBio[] {
    const dev = this.devOf(name);
    return [...this.bios.values()].filter(
      (b) =>
        b.cloneOf !== undefined &&
        b.dev === dev &&
        b.mapState !== undefined &&
        (state === undefined || b.mapState === state),
    );
  }

  /** Pieces split off bios submitted to `name`. */
  splits(name: string): WorldBio[] {
    const dev = this.devOf(name);
    return [...this.bios.values()].filter((b) => b.splitFrom !== undefined && b.dev === dev);
  }

  /** Bios held at `name` because it was suspended (bio_defer). */
  deferred(name: string): WorldBio[] {
    const dev = this.devOf(name);
    return [...this.bios.values()].filter((b) => b.deferred && b.deferredAt === dev);
  }

  /** Bios of `name` completed with a status (`OK`, `IOERR`...). */
  completed(name: string, status?: BlkStatus): WorldBio[] {
    const dev = this.devOf(name);
    return [...this.bios.values()].filter(
      (b) =>
        b.dev === dev &&
        b.completeSeq !== undefined &&
        (status === undefined || b.status === status),
    );
  }

  /** Events of a kind (EV code) on `name` (any device when omitted). */
  count(type: number, name?: string): number {
    const dev = name === undefined ? undefined : this.devOf(name);
    return this.events.filter((e) => e.type === type && (dev === undefined || e.dev === dev))
      .length;
  }

  /** Messages sent to targets of `name`. */
  messagesTo(name: string): string[] {
    const dev = this.devOf(name);
    return this.messages.filter((m) => m.dev === dev).map((m) => m.text);
  }
}
