/**
 * The device-mapper ioctl interface (drivers/md/dm-ioctl.c): create, load, resume, suspend,
 * remove, remove_all, rename, clear, message, status, table, deps, info, list. Each call either
 * succeeds or throws a DmError with the errno the ioctl returns, after logging what the kernel
 * logs. The name and uuid hash (dm_hash_insert, dm_hash_rename...) lives here; tables are built
 * by dm-table.ts and devices suspended, swapped and resumed by dm.ts.
 */

import { DM_MAJOR, type BlockDevice } from "./blockdev.ts";
import { dmCreate, dmDestroy, dmResume, dmSuspend, dmSwapTable, type SuspendFlags } from "./dm.ts";
import {
  deviceAreas,
  deviceAreasValid,
  dmTableBuild,
  dmTableBuildAsync,
  dmTableDestroy,
  splitArgs,
  type BuildFailure,
  type Table,
} from "./dm-table.ts";
import type { Engine } from "./engine.ts";
import { encodeTable, EV, type SegmentDesc } from "./events.ts";
import { MappedDevice } from "./mapped-device.ts";
import { parseTable, type TargetSpec } from "./table.ts";
import { DmError, type Errno, type Sector, type StatusType } from "./types.ts";

export type { SuspendFlags };

/** DM_VERSION of the 6.1 kernel's ioctl interface. */
export const DM_IOCTL_VERSION = [4, 47, 0] as const;
const DM_NAME_LEN = 128;
const DM_UUID_LEN = 129;

export interface DeviceInfo {
  name: string;
  uuid: string;
  major: number;
  minor: number;
  /** Has a live table / an inactive table. */
  live: boolean;
  inactive: boolean;
  suspended: boolean;
  readOnly: boolean;
  openCount: number;
  eventNr: number;
  /** Targets in the live table (the inactive one with `inactive` queries). */
  targetCount: number;
}

export interface StatusLine {
  start: Sector;
  length: Sector;
  type: string;
  params: string;
}

export class DeviceMapper {
  readonly #e: Engine;
  /** The name hash (_name_buckets); uuids are looked up by walking it. */
  readonly #byName = new Map<string, MappedDevice>();

  constructor(engine: Engine) {
    this.#e = engine;
  }

  byName(name: string): MappedDevice | undefined {
    return this.#byName.get(name);
  }

  byUuid(uuid: string): MappedDevice | undefined {
    for (const md of this.#byName.values()) if (md.uuid !== "" && md.uuid === uuid) return md;
    return undefined;
  }

  /** Mapped devices in minor order. */
  list(): MappedDevice[] {
    return [...this.#byName.values()].sort((a, b) => a.minor - b.minor);
  }

  #find(name: string): MappedDevice {
    const md = this.#byName.get(name);
    if (!md) throw new DmError("ENXIO");
    return md;
  }

  #err(text: string): void {
    this.#e.log("err", text);
  }

  #warn(text: string): void {
    this.#e.log("warn", text);
  }

  /** DM_DEV_CREATE: a device with no table, taking the lowest free minor (or `minor`). */
  create(name: string, opts: { uuid?: string; minor?: number } = {}): MappedDevice {
    const uuid = opts.uuid ?? "";
    if (name.length === 0 || name.length >= DM_NAME_LEN || name.includes("/"))
      throw new DmError("EINVAL");
    if (uuid.length >= DM_UUID_LEN) throw new DmError("EINVAL");
    // dm_hash_insert fails these with EBUSY and logs nothing (golden 008, 009).
    if (this.#byName.has(name)) throw new DmError("EBUSY");
    if (uuid && this.byUuid(uuid)) throw new DmError("EBUSY");
    const used = new Set([...this.#byName.values()].map((m) => m.minor));
    let minor = opts.minor ?? 0;
    if (opts.minor !== undefined) {
      if (used.has(minor)) throw new DmError("EBUSY");
    } else {
      while (used.has(minor)) minor++;
    }
    const md = dmCreate(this.#e, minor, name, uuid);
    this.#byName.set(name, md);
    const ev = this.#e.events;
    ev.emit(EV.DEVICE_CREATE, this.#e.now, 0, md.dev, 0, 0, 0, ev.intern(name));
    return md;
  }

  /** Parse a table text ("start len type args" per line) as dmsetup does into target specs. */
  static parseTable(text: string): TargetSpec[] {
    return parseTable(text);
  }

  /**
   * DM_TABLE_LOAD: build a table from `specs` into the inactive slot. On failure the kernel's
   * lines are logged and the ioctl's errno thrown; the previous inactive table is kept.
   */
  load(name: string, specs: TargetSpec[] | string, opts: { readOnly?: boolean } = {}): void {
    const md = this.#find(name);
    const table = this.#build(md, specs, opts, md.type === "NONE");
    void this.#loaded(md, table);
  }

  /**
   * DM_TABLE_LOAD for any table: each constructor awaited in order (an async ctr does I/O, as
   * Linux's blocks). What dmsetup, the editor and scripts use. Errors as `load`.
   */
  async loadAsync(
    name: string,
    specs: TargetSpec[] | string,
    opts: { readOnly?: boolean } = {},
  ): Promise<void> {
    const md = this.#find(name);
    const list = typeof specs === "string" ? parseTable(specs) : specs;
    const table = await dmTableBuildAsync(this.#e, md, list, opts, md.type === "NONE");
    const old = this.#loaded(md, table);
    if (old) await old;
  }

  /** The new inactive table is in place: the old one destroyed, the event emitted. */
  #loaded(md: MappedDevice, table: Table): void | Promise<void> {
    const e = this.#e;
    md.type = "BIO_BASED";
    const old = md.inactive ? dmTableDestroy(e, md, md.inactive) : undefined;
    md.inactive = table;
    const desc = this.#describe(md);
    e.events.emit(EV.TABLE_LOAD, e.now, 0, md.dev, 0, table.size, table.targets.length, desc);
    return old;
  }

  /**
   * The description `table_load` carries (docs/events.md), so that the page can rebuild the
   * stack at any point of the history: each segment as `dmsetup table` prints it (the status
   * TABLE of `md`'s inactive table, just loaded) and the device areas it uses. The interned
   * string's id; -1 while events are muted (a dry run).
   */
  #describe(md: MappedDevice): number {
    const log = this.#e.events;
    if (log.muted || !md.inactive) return -1;
    const lines = md.inactive.targets.map((ti) => {
      const p = ti.guard.status(md, ti, "TABLE");
      return { params: typeof p === "string" ? p : "" };
    });
    const segments: SegmentDesc[] = md.inactive.targets.map((ti, i) => ({
      start: ti.begin,
      length: ti.len,
      type: ti.type.name,
      args: lines[i]?.params ?? "",
      devices: deviceAreas(md, ti).map((a) => ({
        dev: a.dev.bdev.devName,
        start: Number(a.start),
        length: a.len,
      })),
    }));
    return log.intern(encodeTable(segments));
  }

  /**
   * A dry run of DM_TABLE_LOAD, which Linux does not have: what the kernel would log and the
   * errno the ioctl would return, for `name` (or for a device about to be created), with
   * nothing changed: the table is built (constructors run) and destroyed, its log lines and
   * events withdrawn.
   *
   * `resume`: also the checks DM_DEV_SUSPEND makes when it swaps the table in (dm_swap_table
   * -> dm_calculate_queue_limits: a device area past the end of its device, "too small for
   * target"), which a load into a device that already has a table leaves to the resume;
   * `atResume` then says the load itself would pass.
   */
  validate(
    name: string | null,
    specs: TargetSpec[] | string,
    opts: { readOnly?: boolean; resume?: boolean } = {},
  ): {
    ok: boolean;
    errno?: Errno;
    log: string[];
    failedTarget?: number;
    atResume?: boolean;
    /** A target type whose ctr does I/O (features.ctrDoesIo): not run; checked at load. */
    unchecked?: string;
  } {
    const e = this.#e;
    const list = typeof specs === "string" ? parseTable(specs) : specs;
    const io = list.find((sp) => e.targets.lookup(sp.type)?.type.features?.ctrDoesIo);
    if (io) return { ok: true, log: [], unchecked: io.type };
    const existing = name === null ? undefined : this.#byName.get(name);
    const used = new Set(this.list().map((m) => m.minor));
    let minor = 0;
    while (used.has(minor)) minor++;
    // A stand-in with the same name and number, so messages read as they would for real.
    const md = new MappedDevice(e, existing?.minor ?? minor, name ?? "", existing?.uuid ?? "");
    const lines = e.klog.lines.length;
    const failure: BuildFailure = {};
    e.events.muted++;
    try {
      const first = !existing || existing.type === "NONE";
      const table = this.#build(md, list, opts, first, failure);
      const swappable = first || !opts.resume || deviceAreasValid(e, md, table);
      void dmTableDestroy(e, md, table);
      const log = e.klog.lines.slice(lines).map((l) => l.text);
      return swappable ? { ok: true, log } : { ok: false, errno: "EINVAL", log, atResume: true };
    } catch (err) {
      if (!(err instanceof DmError)) throw err;
      const log = e.klog.lines.slice(lines).map((l) => l.text);
      const at = failure.failedAt;
      return at === undefined
        ? { ok: false, errno: err.errno, log }
        : { ok: false, errno: err.errno, log, failedTarget: at };
    } finally {
      e.events.muted--;
      e.klog.lines.splice(lines);
    }
  }

  #build(
    md: MappedDevice,
    specs: TargetSpec[] | string,
    opts: { readOnly?: boolean },
    first: boolean,
    failure: BuildFailure = {},
  ): Table {
    const list = typeof specs === "string" ? parseTable(specs) : specs;
    return dmTableBuild(this.#e, md, list, opts, first, failure);
  }

  /**
   * DM_DEV_SUSPEND without DM_SUSPEND_FLAG (do_resume): with an inactive table, suspend if
   * needed and swap it in; then resume a suspended device; then destroy the old table.
   */
  async resume(name: string, flags: SuspendFlags = {}): Promise<void> {
    const md = this.#find(name);
    const e = this.#e;
    const newMap = md.inactive;
    let oldMap: Table | null = null;
    if (newMap) {
      if (!md.suspended) await dmSuspend(e, md, flags);
      md.inactive = null;
      // A table whose devices cannot hold it fails the resume; the device stays suspended and
      // the table is dropped.
      try {
        oldMap = dmSwapTable(e, md, newMap);
      } catch (err) {
        const p = dmTableDestroy(e, md, newMap);
        // The inactive slot is empty now: the views must not keep showing the table.
        e.events.emit(EV.TABLE_CLEAR, e.now, 0, md.dev, 0, 0, 0, 0);
        if (p) await p;
        throw err;
      }
    }
    if (md.suspended) {
      try {
        await dmResume(e, md);
      } catch (err) {
        if (oldMap) {
          const p = dmTableDestroy(e, md, oldMap);
          if (p) await p;
        }
        throw err;
      }
    }
    if (oldMap) {
      const p = dmTableDestroy(e, md, oldMap);
      if (p) await p;
    }
    e.wake();
  }

  /** DM_DEV_SUSPEND with DM_SUSPEND_FLAG: presuspend, hold new I/O, drain, postsuspend. */
  async suspend(name: string, flags: SuspendFlags = {}): Promise<void> {
    await dmSuspend(this.#e, this.#find(name), flags);
  }

  /**
   * DM_DEV_REMOVE: fails with EBUSY while the device is open, unless `deferred`
   * (DM_DEFERRED_REMOVE): then the device is marked and goes at its last close (dm_blk_close
   * -> dm_deferred_remove), and the call succeeds.
   */
  remove(name: string, opts: { deferred?: boolean } = {}): void {
    const md = this.#find(name);
    // Linux's remove would wait for dm_get_md references to go (dm_destroy); here it is busy.
    if (md.openCount > 0 || md.references > 0) {
      if (opts.deferred && md.openCount > 0) {
        md.deferredRemove = true;
        return;
      }
      throw new DmError("EBUSY");
    }
    void this.#teardown(md);
  }

  /**
   * `remove` that waits for the targets' dtr when one is async (a pool committing its
   * metadata), as the ioctl would. What dmsetup uses.
   */
  async removeAsync(name: string, opts: { deferred?: boolean } = {}): Promise<void> {
    const md = this.#find(name);
    if (md.openCount > 0 || md.references > 0) {
      if (opts.deferred && md.openCount > 0) {
        md.deferredRemove = true;
        return;
      }
      throw new DmError("EBUSY");
    }
    const p = this.#teardown(md);
    if (p) await p;
  }

  /** dm_deferred_remove: remove every device marked for deferred removal that is now closed. */
  deferredRemove(): void {
    for (const md of this.list()) {
      if (md.deferredRemove && md.openCount === 0 && md.references === 0) void this.#teardown(md);
    }
  }

  #teardown(md: MappedDevice): void | Promise<void> {
    const e = this.#e;
    const p = dmDestroy(e, md);
    this.#byName.delete(md.dmName);
    const ev = e.events;
    ev.emit(EV.DEVICE_REMOVE, e.now, 0, md.dev, 0, 0, 0, ev.intern(md.dmName));
    e.wake();
    return p;
  }

  /**
   * The power went (powercut.ts): every mapped device is gone with its tables, and no target
   * code runs on the way (no presuspend, postsuspend or dtr: nothing a target would write while
   * going down reaches a disk). Bios the devices held are dropped, never ended.
   */
  powerOff(): void {
    const e = this.#e;
    for (const md of this.list()) {
      md.deferred.splice(0);
      md.live = null;
      md.inactive = null;
      for (const d of e.devices.values()) d.holders.delete(md);
      e.devices.delete(md.dev);
      this.#byName.delete(md.dmName);
      e.events.emit(EV.DEVICE_REMOVE, e.now, 0, md.dev, 0, 0, 0, e.events.intern(md.dmName));
    }
  }

  /**
   * DM_REMOVE_ALL as dm_hash_remove_all(keep_open_devices) does it: walk the devices in name
   * order (the name rb-tree), skip the open ones, remove the first closed one, waiting for its
   * targets' dtr (a thin device puts its pool only there), and start the walk again, until a
   * walk removes nothing; then log how many were left. True if any stayed.
   */
  async removeAllAsync(): Promise<boolean> {
    const enc = new TextEncoder();
    // strcmp on the names' bytes, as the rb-tree orders them.
    const byName = (a: MappedDevice, b: MappedDevice): number => {
      const x = enc.encode(a.dmName);
      const y = enc.encode(b.dmName);
      for (let i = 0; i < Math.min(x.length, y.length); i++)
        if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    let skipped = 0;
    for (;;) {
      skipped = 0;
      let removed = false;
      for (const md of [...this.#byName.values()].sort(byName)) {
        if (md.openCount > 0 || md.references > 0) {
          skipped++;
          continue;
        }
        const p = this.#teardown(md);
        if (p) await p;
        removed = true;
        break;
      }
      if (!removed) break;
    }
    if (skipped) this.#warn(`device-mapper: ioctl: remove_all left ${skipped} open device(s)`);
    return skipped > 0;
  }

  /** DM_TABLE_CLEAR: drop the inactive table. */
  clear(name: string): void {
    const md = this.#find(name);
    if (md.inactive) {
      const e = this.#e;
      void dmTableDestroy(e, md, md.inactive);
      md.inactive = null;
      e.events.emit(EV.TABLE_CLEAR, e.now, 0, md.dev, 0, 0, 0, 0);
    }
  }

  /** DM_DEV_RENAME: a new name, or (setUuid) a uuid for a device that has none. */
  rename(name: string, newName: string, opts: { setUuid?: boolean } = {}): void {
    // dev_rename: the new name must be valid; then dm_hash_rename (6.1.192) checks that the new
    // name (or uuid) is free before it looks for the device (differential fuzzer, seed 125).
    if (
      !opts.setUuid &&
      (newName.length === 0 || newName.length >= DM_NAME_LEN || newName.includes("/"))
    )
      throw new DmError("EINVAL");
    if (opts.setUuid ? this.byUuid(newName) : this.#byName.has(newName)) {
      this.#warn(
        `device-mapper: ioctl: Unable to change ${opts.setUuid ? "uuid" : "name"} on mapped device ${name} to one that already exists: ${newName}`,
      );
      throw new DmError("EBUSY");
    }
    const md = this.#byName.get(name);
    if (!md) {
      this.#warn(
        `device-mapper: ioctl: Unable to rename non-existent device, ${name} to ${opts.setUuid ? "uuid " : ""}${newName}`,
      );
      throw new DmError("ENXIO");
    }
    if (opts.setUuid) {
      if (md.uuid) {
        this.#err(
          `device-mapper: ioctl: Unable to change uuid of mapped device ${md.dmName} to ${newName} because uuid is already set to ${md.uuid}`,
        );
        throw new DmError("EINVAL");
      }
      md.uuid = newName;
    } else {
      this.#byName.delete(md.dmName);
      md.dmName = newName;
      this.#byName.set(newName, md);
    }
    // dm_hash_rename raises a table event, which only a device with a live table has (golden 038).
    if (md.live) md.eventNr++;
    const e = this.#e;
    e.events.emit(EV.DEVICE_RENAME, e.now, 0, md.dev, 0, 0, 0, e.events.intern(newName));
  }

  /** DM_TARGET_MSG: send `text` to the target at `sector` of the live table. */
  async message(name: string, sector: Sector, text: string): Promise<string> {
    const md = this.#find(name);
    const argv = splitArgs(text);
    if (argv.length === 0) {
      this.#warn("device-mapper: ioctl: Empty message received.");
      throw new DmError("EINVAL");
    }
    const core = this.#messageForMd(md, argv);
    if (core !== null) return core;
    const map = md.live;
    if (!map) {
      this.#warn("device-mapper: ioctl: The device has no table.");
      throw new DmError("EINVAL");
    }
    const ti = map.findTarget(sector);
    if (!ti) {
      this.#warn(`device-mapper: ioctl: Target message sector outside device.`);
      throw new DmError("EINVAL");
    }
    const e = this.#e;
    e.events.emit(
      EV.TARGET_MESSAGE,
      e.now,
      0,
      md.dev,
      ti.begin,
      ti.len,
      ti.index,
      e.events.intern(text),
    );
    if (!ti.type.message) {
      this.#warn("device-mapper: ioctl: Target type does not support messages");
      throw new DmError("EINVAL");
    }
    // The target's DmError fails the ioctl; any other throw is a fault (reported), EINVAL.
    return ti.guard.message(md, ti, argv);
  }

  /**
   * message_for_md: messages starting with '@' are dm core's own (dm-stats, deferred remove),
   * never a target's. Null for a message meant for the target.
   */
  #messageForMd(md: MappedDevice, argv: string[]): string | null {
    const cmd = argv[0]!;
    if (!cmd.startsWith("@")) return null;
    if (cmd.toLowerCase() === "@cancel_deferred_remove") {
      if (argv.length !== 1) {
        this.#warn("device-mapper: ioctl: Invalid arguments for @cancel_deferred_remove");
        throw new DmError("EINVAL");
      }
      md.deferredRemove = false;
      return "";
    }
    const e = this.#e;
    const r = md.stats.message(argv, md.sizeSectors, e.now, (line) => e.log("crit", line));
    if (r !== null) return r;
    this.#warn(`device-mapper: ioctl: Unsupported message sent to DM core: ${cmd}`);
    throw new DmError("EINVAL");
  }

  /** DM_TABLE_STATUS: one line per target of the live (or inactive) table. */
  status(name: string, type: StatusType, opts: { inactive?: boolean } = {}): StatusLine[] {
    const md = this.#find(name);
    const map = opts.inactive ? md.inactive : md.live;
    if (!map) return [];
    return map.targets.map((ti) => {
      const params = ti.guard.status(md, ti, type);
      // A programming error of the caller, not the target's: async status needs statusAsync.
      if (typeof params !== "string")
        throw new Error(`${ti.type.name}: status is asynchronous: use statusAsync`);
      return { start: ti.begin, length: ti.len, type: ti.type.name, params };
    });
  }

  /**
   * DM_TABLE_STATUS for any target: each target's status awaited in table order (a pool's
   * INFO commits its metadata first, as pool_status does). What dmsetup uses.
   */
  async statusAsync(
    name: string,
    type: StatusType,
    opts: { inactive?: boolean } = {},
  ): Promise<StatusLine[]> {
    const md = this.#find(name);
    const map = opts.inactive ? md.inactive : md.live;
    if (!map) return [];
    const lines: StatusLine[] = [];
    for (const ti of [...map.targets]) {
      const p = ti.guard.status(md, ti, type);
      const params = typeof p === "string" ? p : await p;
      lines.push({ start: ti.begin, length: ti.len, type: ti.type.name, params });
    }
    return lines;
  }

  /** DM_TABLE_DEPS: the devices the live (or inactive) table holds, as dev numbers. */
  deps(name: string, opts: { inactive?: boolean } = {}): BlockDevice[] {
    const md = this.#find(name);
    const map = opts.inactive ? md.inactive : md.live;
    if (!map) return [];
    // The kernel walks its list head-first and adds each new device at the head.
    return [...map.devices.values()].map((h) => h.dmDev.bdev).reverse();
  }

  info(name: string): DeviceInfo {
    const md = this.#find(name);
    const map = md.live;
    return {
      name: md.dmName,
      uuid: md.uuid,
      major: DM_MAJOR,
      minor: md.minor,
      live: md.live !== null,
      inactive: md.inactive !== null,
      suspended: md.suspended,
      readOnly: md.readOnly,
      openCount: md.openCount,
      eventNr: md.eventNr,
      targetCount: map ? map.targets.length : 0,
    };
  }
}
