/**
 * The device-mapper ioctl interface (drivers/md/dm-ioctl.c): create, load, resume, suspend,
 * remove, rename, clear, message, status, table, deps, list, targets, version. Each call either
 * succeeds or throws a DmError with the errno the ioctl returns, after logging what the kernel
 * logs.
 */

import { Bio } from "./bio.ts";
import { DM_MAJOR, type BlockDevice } from "./blockdev.ts";
import type { Engine } from "./engine.ts";
import { EV, type EventCode } from "./events.ts";
import { MappedDevice, describe } from "./mapped-device.ts";
import { Table, createTarget, splitArgs, type TargetSpec } from "./table.ts";
import { TargetCtrError, type DmDev, type Target, type TargetHost } from "./target.ts";
import {
  DmError,
  ERRNO,
  defaultLimits,
  type Errno,
  type QueueLimits,
  type Sector,
  type StatusType,
} from "./types.ts";

/** DM_VERSION of the 6.1 kernel's ioctl interface. */
export const DM_IOCTL_VERSION = [4, 47, 0] as const;
const DM_NAME_LEN = 128;
/** LLONG_MAX >> SECTOR_SHIFT: the largest device a table may describe. */
const LLONG_MAX_SECTORS = 2 ** 54; // (2^63 - 1) >> 9, to within a double's precision
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

export interface SuspendFlags {
  noflush?: boolean;
  nolockfs?: boolean;
}

export class DeviceMapper {
  readonly #e: Engine;
  readonly #byName = new Map<string, MappedDevice>();
  /** Devices whose queue is set up (md->type is set by the first table load that succeeds). */
  readonly #typed = new WeakSet<MappedDevice>();
  /** Index of the table line whose target failed in the last #build (undefined: the table as a whole). */
  #failedAt: number | undefined = undefined;

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
    const md = new MappedDevice(this.#e, minor, name, uuid);
    this.#byName.set(name, md);
    this.#e.devices.set(md.dev, md);
    const ev = this.#e.events;
    ev.emit(EV.DEVICE_CREATE, this.#e.now, 0, md.dev, 0, 0, 0, ev.intern(name));
    return md;
  }

  /** Parse a table text ("start len type args" per line) as dmsetup does into target specs. */
  static parseTable(text: string): TargetSpec[] {
    const specs: TargetSpec[] = [];
    for (const raw of text.split("\n")) {
      const line = raw.replace(/#.*$/, "").trim();
      if (!line) continue;
      const m = /^(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
      if (!m) throw new DmError("EINVAL", `Invalid format on line`);
      const start = strtoull(m[1]!);
      const length = strtoull(m[2]!);
      if (start === null || length === null) throw new DmError("EINVAL", "Invalid format on line");
      specs.push({ start, length, type: m[3]!, params: m[4] ?? "" });
    }
    return specs;
  }

  /**
   * DM_TABLE_LOAD: build a table from `specs` into the inactive slot. On failure the kernel's
   * lines are logged and the ioctl's errno thrown; the previous inactive table is kept.
   */
  load(name: string, specs: TargetSpec[] | string, opts: { readOnly?: boolean } = {}): void {
    const md = this.#find(name);
    const e = this.#e;
    const table = this.#build(md, specs, opts, !this.#typed.has(md));
    this.#typed.add(md);
    if (md.inactive) this.#destroyTable(md, md.inactive);
    md.inactive = table;
    e.events.emit(EV.TABLE_LOAD, e.now, 0, md.dev, 0, table.size, table.targets.length, 0);
  }

  /**
   * A dry run of DM_TABLE_LOAD, which Linux does not have: what the kernel would log and the
   * errno the ioctl would return, for `name` (or for a device about to be created), with
   * nothing changed: the table is built (constructors run) and destroyed, its log lines and
   * events withdrawn.
   */
  validate(
    name: string | null,
    specs: TargetSpec[] | string,
    opts: { readOnly?: boolean } = {},
  ): { ok: boolean; errno?: Errno; log: string[]; failedTarget?: number } {
    const e = this.#e;
    const existing = name === null ? undefined : this.#byName.get(name);
    const used = new Set(this.list().map((m) => m.minor));
    let minor = 0;
    while (used.has(minor)) minor++;
    // A stand-in with the same name and number, so messages read as they would for real.
    const md = new MappedDevice(e, existing?.minor ?? minor, name ?? "", existing?.uuid ?? "");
    const lines = e.klog.lines.length;
    e.events.muted++;
    try {
      const table = this.#build(md, specs, opts, !existing || !this.#typed.has(existing));
      this.#destroyTable(md, table);
      return { ok: true, log: e.klog.lines.slice(lines).map((l) => l.text) };
    } catch (err) {
      if (!(err instanceof DmError)) throw err;
      const log = e.klog.lines.slice(lines).map((l) => l.text);
      const at = this.#failedAt;
      return at === undefined
        ? { ok: false, errno: err.errno, log }
        : { ok: false, errno: err.errno, log, failedTarget: at };
    } finally {
      e.events.muted--;
      e.klog.lines.splice(lines);
    }
  }

  /** Build a table for `md` (dm_table_create + add_target for each line + the first-load checks). */
  #build(
    md: MappedDevice,
    specs: TargetSpec[] | string,
    opts: { readOnly?: boolean },
    first: boolean,
  ): Table {
    this.#failedAt = undefined;
    const list = typeof specs === "string" ? DeviceMapper.parseTable(specs) : specs;
    const table = new Table(opts.readOnly ? "r" : "rw");
    const host = this.#targetHost(md, table);
    try {
      for (const [i, spec] of list.entries()) {
        try {
          this.#addTarget(md, table, host, i, spec);
        } catch (err) {
          if (err instanceof DmError)
            this.#err("device-mapper: ioctl: error adding target to table");
          this.#failedAt = i;
          throw err;
        }
      }
      if (table.targets.length === 0) {
        this.#warn("device-mapper: ioctl: table load with no targets");
        throw new DmError("EINVAL");
      }
      // Only the device's first table sets up its queue (dm_setup_md_queue), which calculates the
      // limits and checks the device areas here; a later table is checked when it is swapped in
      // by resume (golden 069).
      if (first) {
        if (!this.#deviceAreasValid(md, table)) {
          this.#err("device-mapper: core: Cannot calculate initial queue limits");
          this.#err("device-mapper: ioctl: unable to set up device queue for new table.");
          throw new DmError("EINVAL");
        }
        this.#stackLimits(md, table);
      }
    } catch (err) {
      this.#destroyTable(md, table);
      throw err;
    }
    return table;
  }

  #addTarget(md: MappedDevice, table: Table, host: TargetHost, i: number, spec: TargetSpec): void {
    const devName = md.devName;
    if (table.singleton) {
      this.#err(
        `device-mapper: table: ${devName}: target type ${table.targets[0]!.type.name} must appear alone in table`,
      );
      throw new DmError("EINVAL");
    }
    if (!spec.length) {
      this.#err(`device-mapper: table: ${devName}: zero-length target`);
      throw new DmError("EINVAL");
    }
    if (spec.start + spec.length >= LLONG_MAX_SECTORS) {
      this.#err(`device-mapper: table: ${devName}: too large device`);
      throw new DmError("EINVAL");
    }
    const type = this.#e.targets.get(spec.type);
    const fail = (error: string, errno: Errno = "EINVAL"): never => {
      this.#err(`device-mapper: table: ${devName}: ${spec.type}: ${error} (-${errno})`);
      throw new DmError(errno);
    };
    if (!type) {
      this.#err(`device-mapper: table: ${devName}: ${spec.type}: unknown target type`);
      throw new DmError("EINVAL");
    }
    const tt = type!;
    if (tt.features?.singleton) {
      if (table.targets.length) fail("singleton target type must appear alone in table");
      table.singleton = true;
    }
    if (tt.features?.alwaysWriteable && table.mode === "r")
      fail("target type may not be included in a read-only table");
    const prev = table.targets[table.targets.length - 1];
    const adjoins = prev ? spec.start === prev.begin + prev.len : spec.start === 0;
    if (!adjoins) fail("Gap in table");
    const ti = createTarget(host, tt, i, spec);
    try {
      tt.ctr(ti, [...ti.args]);
    } catch (err) {
      if (err instanceof TargetCtrError || err instanceof DmError)
        fail(err.message === "" ? ti.error : err.message, err.errno);
      // User code that throws something else: its message stands in for ti->error.
      this.#e.fault(md, ti, null, `ctr threw: ${describe(err)}`);
      fail(`ctr threw: ${describe(err)}`);
    }
    table.push(ti);
    this.#targetEvent(md, ti, EV.TARGET_CTR);
  }

  /**
   * The stacking part of dm_calculate_queue_limits: each target's limits from the devices it
   * uses, then its io_hints, stacked into the table's. blk_stack_limits fails (and dm warns)
   * when the minimum or optimal I/O is not a multiple of the physical block size, e.g. striped
   * with chunk 12 (io_min 6 KiB) or chunk 1 x 2 stripes (io_opt 1 KiB) over RAM disks with 4 KiB
   * physical blocks (golden 041).
   */
  #stackLimits(md: MappedDevice, table: Table): QueueLimits {
    const t = defaultLimits();
    t.ioMin = 0;
    // dm_set_device_limits warns for a device area that starts off its physical block; the
    // kernel stacks every device twice (here, and again in
    // validate_hardware_logical_block_alignment), so each such warning is printed twice.
    const deviceWarnings: string[] = [];
    for (const ti of table.targets) {
      const l = defaultLimits();
      l.ioMin = 0;
      try {
        ti.type.iterateDevices?.(ti, (d, startSector) => {
          const b = d.bdev.limits;
          const start = Number(startSector);
          if ((start * 512) % b.physicalBlockSize !== 0) {
            const w =
              `device-mapper: table: ${md.devName}: adding target device ${d.bdev.name} caused an alignment inconsistency: ` +
              `physical_block_size=${b.physicalBlockSize}, logical_block_size=${b.logicalBlockSize}, alignment_offset=0, start=${start * 512}`;
            deviceWarnings.push(w);
            this.#warn(w);
          }
          l.physicalBlockSize = Math.max(l.physicalBlockSize, b.physicalBlockSize);
          l.logicalBlockSize = Math.max(l.logicalBlockSize, b.logicalBlockSize);
          l.ioMin = Math.max(l.ioMin, b.ioMin);
          l.ioOpt = lcmNotZero(l.ioOpt, b.ioOpt);
        });
        ti.type.ioHints?.(ti, l);
        // blk_limits_io_min, which io_hints use to set it: never below a block.
        l.ioMin = Math.max(l.ioMin, l.logicalBlockSize, l.physicalBlockSize);
      } catch (err) {
        this.#e.fault(md, ti, null, `io_hints threw: ${describe(err)}`);
      }
      t.physicalBlockSize = Math.max(t.physicalBlockSize, l.physicalBlockSize);
      t.logicalBlockSize = Math.max(t.logicalBlockSize, l.logicalBlockSize);
      t.ioMin = Math.max(t.ioMin, l.ioMin);
      t.ioOpt = lcmNotZero(t.ioOpt, l.ioOpt);
      const badMin = t.ioMin % t.physicalBlockSize !== 0;
      const badOpt = t.ioOpt % t.physicalBlockSize !== 0;
      if (badMin) t.ioMin = t.physicalBlockSize;
      if (badOpt) t.ioOpt = 0;
      if (badMin || badOpt) {
        this.#warn(
          `device-mapper: table: ${md.devName}: adding target device (start sect ${ti.begin} len ${ti.len}) caused an alignment inconsistency`,
        );
      }
    }
    for (const w of deviceWarnings) this.#warn(w);
    if (t.ioMin === 0) t.ioMin = t.logicalBlockSize;
    return t;
  }

  /** The device-area checks of dm_calculate_queue_limits (device_area_is_invalid). */
  #deviceAreasValid(md: MappedDevice, table: Table): boolean {
    for (const ti of table.targets) {
      const it = ti.type.iterateDevices;
      if (!it) continue;
      let bad = false;
      it(ti, (d: DmDev, start: Sector | bigint, len: Sector) => {
        const size = d.bdev.sizeSectors;
        if (!size || bad) return;
        const s = BigInt(start);
        if (s >= BigInt(size) || s + BigInt(len) > BigInt(size)) {
          this.#err(
            `device-mapper: table: ${md.devName}: ${d.bdev.name} too small for target: start=${start}, len=${len}, dev_size=${size}`,
          );
          bad = true;
        }
      });
      if (bad) return false;
    }
    return true;
  }

  #destroyTable(md: MappedDevice, table: Table): void {
    for (const ti of table.targets) {
      try {
        ti.type.dtr?.(ti);
      } catch (err) {
        this.#e.fault(md, ti, null, `dtr threw: ${describe(err)}`);
      }
      this.#targetEvent(md, ti, EV.TARGET_DTR);
    }
    // A target that forgot dm_put_device: the kernel warns and drops the reference itself.
    for (const held of [...table.devices.values()]) {
      this.#warn(
        `device-mapper: table: ${md.devName}: dm_table_destroy: dm_put_device call missing for ${held.dmDev.name}`,
      );
      held.count = 1;
      table.release(held.dmDev, (b) => this.#close(b));
    }
  }

  #open(holder: MappedDevice, b: BlockDevice): void {
    b.openCount++;
    b.holders.add(holder);
  }

  #close(b: BlockDevice): void {
    b.openCount = Math.max(0, b.openCount - 1);
  }

  #targetHost(md: MappedDevice, table: Table): TargetHost {
    const e = this.#e;
    return {
      get now() {
        return e.now;
      },
      get mdName() {
        return md.devName;
      },
      readOnly: table.mode === "r",
      getDevice: (_t, path, mode) => {
        const m = /^(\d+):(\d+)(.?)/.exec(path);
        // "major:minor" names a device number (ENXIO when nothing has it); anything else is a
        // path that must name a block device (ENODEV).
        const bdev = m && m[3] !== "" ? undefined : e.lookup(path);
        if (!bdev) throw new DmError(m && m[3] === "" ? "ENXIO" : "ENODEV", "");
        if (bdev === md) throw new DmError("EBUSY", "");
        return table.hold(bdev, mode, (b) => this.#open(md, b));
      },
      putDevice: (_t, d) => {
        if (!table.release(d, (b) => this.#close(b))) {
          this.#err(
            `device-mapper: table: ${md.devName}: device ${d.name} not in table devices list`,
          );
        }
      },
      schedule: (_t, delay, fn) => e.clock.schedule(delay, fn),
      random: () => e.rng.next(),
      log: (level, text) => e.log(level, text),
      submitRemapped: (t, bio) => md.submitRemapped(t, bio),
      submit: (_t, bio) => e.submitBio(bio),
      newBio: (op, d, sector, sectors, data, onEnd) =>
        new Bio(e, op, d.bdev, sector, sectors, data, 0, null, onEnd),
      event: () => {
        md.eventNr++;
      },
    };
  }

  /** DM_DEV_SUSPEND without DM_SUSPEND_FLAG: resume (swapping in the inactive table first). */
  async resume(name: string, flags: SuspendFlags = {}): Promise<void> {
    const md = this.#find(name);
    const e = this.#e;
    const ev = e.events;
    const newMap = md.inactive;
    let oldMap = null;
    if (newMap) {
      if (!md.suspended) await this.suspend(name, flags);
      md.inactive = null;
      // dm_swap_table: a table whose devices cannot hold it fails the resume; the device stays
      // suspended and the table is dropped.
      if (!this.#deviceAreasValid(md, newMap)) {
        this.#destroyTable(md, newMap);
        throw new DmError("EINVAL");
      }
      oldMap = md.live;
      md.live = newMap;
      md.readOnly = newMap.mode === "r";
      md.limits = this.#stackLimits(md, newMap);
      ev.emit(EV.TABLE_SWAP, e.now, 0, md.dev, 0, newMap.size, newMap.targets.length, 0);
    }
    if (md.suspended) {
      const map = md.live;
      if (map) {
        // dm_table_resume_targets: every preresume first; any failure stops the resume.
        for (const ti of map.targets) {
          if (!ti.type.preresume) continue;
          this.#targetEvent(md, ti, EV.TARGET_PRERESUME);
          try {
            ti.type.preresume(ti);
          } catch (err) {
            if (!(err instanceof DmError))
              e.fault(md, ti, null, `preresume threw: ${describe(err)}`);
            this.#err(
              `device-mapper: table: ${md.devName}: ${ti.type.name}: preresume failed, error = ${errnoNum(err)}`,
            );
            if (oldMap) this.#destroyTable(md, oldMap);
            throw err instanceof DmError ? err : new DmError("EINVAL");
          }
        }
        for (const ti of map.targets) {
          this.#targetEvent(md, ti, EV.TARGET_RESUME);
          this.#hook(md, ti, "resume");
        }
      }
      md.suspended = false;
      md.blockIo = false;
      ev.emit(EV.DEVICE_RESUME, e.now, 0, md.dev, 0, 0, 0, 0);
      md.redriveDeferred();
    }
    if (oldMap) this.#destroyTable(md, oldMap);
    e.wake();
  }

  /** A target lifecycle event (ctr, dtr, presuspend, postsuspend, preresume, resume). */
  #targetEvent(md: MappedDevice, ti: Target, type: EventCode): void {
    const ev = this.#e.events;
    ev.emit(type, this.#e.now, 0, md.dev, ti.begin, ti.len, ti.index, ev.intern(ti.type.name));
  }

  #hook(md: MappedDevice, ti: Target, hook: "presuspend" | "postsuspend" | "resume"): void {
    const fn = ti.type[hook];
    if (!fn) return;
    try {
      fn(ti);
    } catch (err) {
      this.#e.fault(md, ti, null, `${hook} threw: ${describe(err)}`);
    }
  }

  /** DM_DEV_SUSPEND with DM_SUSPEND_FLAG: presuspend, hold new I/O, drain, postsuspend. */
  async suspend(name: string, flags: SuspendFlags = {}): Promise<void> {
    const md = this.#find(name);
    if (md.suspended) return;
    const e = this.#e;
    const ev = e.events;
    const map = md.live;
    if (map) {
      for (const ti of map.targets) {
        this.#targetEvent(md, ti, EV.TARGET_PRESUSPEND);
        this.#hook(md, ti, "presuspend");
      }
    }
    md.blockIo = true;
    if (flags.noflush) md.noflushSuspending = true;
    ev.emit(EV.DEVICE_SUSPEND, e.now, 0, md.dev, 0, 0, flags.noflush ? 1 : 0, 0);
    await e.waitFor(() => md.inFlight === 0);
    md.noflushSuspending = false;
    if (map) {
      for (const ti of map.targets) {
        this.#targetEvent(md, ti, EV.TARGET_POSTSUSPEND);
        this.#hook(md, ti, "postsuspend");
      }
    }
    md.suspended = true;
  }

  /** DM_DEV_REMOVE: fails with EBUSY while the device is open. */
  remove(name: string): void {
    const md = this.#find(name);
    if (md.openCount > 0) throw new DmError("EBUSY");
    this.#teardown(md);
  }

  #teardown(md: MappedDevice): void {
    const e = this.#e;
    // Pending I/O on a removed device fails.
    for (const bio of md.deferred.splice(0)) bio.end("IOERR");
    if (md.live) this.#destroyTable(md, md.live);
    if (md.inactive) this.#destroyTable(md, md.inactive);
    md.live = null;
    md.inactive = null;
    for (const d of e.devices.values()) d.holders.delete(md);
    this.#byName.delete(md.dmName);
    e.devices.delete(md.dev);
    const ev = e.events;
    ev.emit(EV.DEVICE_REMOVE, e.now, 0, md.dev, 0, 0, 0, ev.intern(md.dmName));
    e.wake();
  }

  /** DM_REMOVE_ALL: remove every device not open, in minor order; true if any stayed. */
  removeAll(): boolean {
    let left = false;
    // Repeat while progress is made: removing an upper device frees the one below it.
    for (let progress = true; progress;) {
      progress = false;
      for (const md of this.list()) {
        if (md.openCount > 0) continue;
        this.#teardown(md);
        progress = true;
      }
    }
    if (this.#byName.size) {
      left = true;
      this.#warn("device-mapper: ioctl: remove_all left " + this.#byName.size + " open device(s)");
    }
    return left;
  }

  /** DM_TABLE_CLEAR: drop the inactive table. */
  clear(name: string): void {
    const md = this.#find(name);
    if (md.inactive) {
      this.#destroyTable(md, md.inactive);
      md.inactive = null;
      const e = this.#e;
      e.events.emit(EV.TABLE_CLEAR, e.now, 0, md.dev, 0, 0, 0, 0);
    }
  }

  /** DM_DEV_RENAME: a new name, or (setUuid) a uuid for a device that has none. */
  rename(name: string, newName: string, opts: { setUuid?: boolean } = {}): void {
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
      if (this.byUuid(newName)) {
        this.#warn(
          `device-mapper: ioctl: Unable to change uuid of mapped device ${md.dmName} to ${newName} because uuid is already in use`,
        );
        throw new DmError("EBUSY");
      }
      md.uuid = newName;
    } else {
      if (newName.length === 0 || newName.length >= DM_NAME_LEN || newName.includes("/"))
        throw new DmError("EINVAL");
      if (this.#byName.has(newName)) {
        this.#warn(
          `device-mapper: ioctl: Unable to change name on mapped device ${md.dmName} to one that already exists: ${newName}`,
        );
        throw new DmError("EBUSY");
      }
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
  message(name: string, sector: Sector, text: string): string {
    const md = this.#find(name);
    const argv = splitArgs(text);
    if (argv.length === 0) {
      this.#warn("device-mapper: ioctl: Empty message received.");
      throw new DmError("EINVAL");
    }
    const map = md.live;
    if (!map) throw new DmError("EINVAL");
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
    try {
      return ti.type.message(ti, argv) ?? "";
    } catch (err) {
      if (err instanceof DmError) throw err;
      e.fault(md, ti, null, `message threw: ${describe(err)}`);
      throw new DmError("EINVAL");
    }
  }

  /** DM_TABLE_STATUS: one line per target of the live (or inactive) table. */
  status(name: string, type: StatusType, opts: { inactive?: boolean } = {}): StatusLine[] {
    const md = this.#find(name);
    const map = opts.inactive ? md.inactive : md.live;
    if (!map) return [];
    return map.targets.map((ti) => {
      let params = "";
      if (ti.type.status) {
        try {
          params = ti.type.status(ti, type);
        } catch (err) {
          this.#e.fault(md, ti, null, `status threw: ${describe(err)}`);
        }
      }
      return { start: ti.begin, length: ti.len, type: ti.type.name, params };
    });
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

function lcmNotZero(a: number, b: number): number {
  if (!a) return b;
  if (!b) return a;
  let x = a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return (a / x) * b;
}

function errnoNum(err: unknown): number {
  return -(err instanceof DmError ? ERRNO[err.errno][0] : 22);
}

/** C strtoull as dmsetup uses it: optional sign, digits, negative values wrap modulo 2^64. */
export function strtoull(s: string): number | null {
  const m = /^\s*([+-]?)(\d+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!);
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  if (m[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
  return Number(v);
}
