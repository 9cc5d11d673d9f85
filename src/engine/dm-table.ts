/**
 * Table construction and limits (drivers/md/dm-table.c).
 *
 * struct dm_table: an ordered list of targets covering [0, size) without gaps, the devices they
 * hold (dm_get_device / dm_put_device), and the lookup from sector to target. Building one
 * (dm_table_create + dm_table_add_target per line + dm_table_complete), stacking its queue
 * limits (dm_calculate_queue_limits, device_area_is_invalid) and destroying it
 * (dm_table_destroy) live here; the ioctls that ask for it are in dm-ioctl.ts.
 */

import { Bio } from "./bio.ts";
import type { BlockDevice } from "./blockdev.ts";
import { dmGetMd, dmInternalResume, dmInternalSuspendNoflush } from "./dm.ts";
import { nameToDevT } from "./do-mounts.ts";
import type { Engine } from "./engine.ts";
import { EV, isBioEvent, type EventCode } from "./events.ts";
import type { TargetGuard } from "./guard.ts";
import type { MappedDevice } from "./mapped-device.ts";
import type { TargetSpec } from "./table.ts";
import { Target, type DmDev, type MappedDeviceRef, type TargetHost } from "./target.ts";
import { blkSetStackingLimits, blkStackLimits } from "./blk-settings.ts";
import { DmError, type Errno, type QueueLimits, type Sector } from "./types.ts";

/** LLONG_MAX >> SECTOR_SHIFT: the largest device a table may describe. */
/** LLONG_MAX >> SECTOR_SHIFT: the largest end of a table (dm_table_add_target). */
const LLONG_MAX_SECTORS = ((1n << 63n) - 1n) >> 9n;
/** Where sector numbers stop being exact doubles: the largest table end this project maps. */
const MAX_EXACT_SECTORS = 1n << 53n;

/** Kernel dm_split_args: split on whitespace; a backslash quotes the next character. */
export function splitArgs(input: string): string[] {
  const argv: string[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string) =>
    c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
  for (;;) {
    while (i < n && isSpace(input[i]!)) i++;
    if (i >= n) break;
    let out = "";
    while (i < n) {
      const c = input[i]!;
      if (c === "\\" && i + 1 < n) {
        out += input[i + 1];
        i += 2;
        continue;
      }
      if (isSpace(c)) break;
      out += c;
      i++;
    }
    if (i < n) i++;
    argv.push(out);
  }
  return argv;
}

interface HeldDevice {
  dmDev: DmDev;
  count: number;
}

export class Table {
  readonly targets: Target[] = [];
  /** Last sector of each target (t->highs), for the lookup. */
  readonly highs: Sector[] = [];
  readonly mode: "r" | "rw";
  /** Devices held through dm_get_device, by dev number, with their reference counts. */
  readonly devices = new Map<number, HeldDevice>();
  /** Set when a singleton target is in the table. */
  singleton = false;
  /** dm_get_md references its targets hold (dm.ts), with the target that took each. */
  readonly mdRefs = new Map<MappedDeviceRef, Target>();

  constructor(mode: "r" | "rw") {
    this.mode = mode;
  }

  get size(): Sector {
    const last = this.targets[this.targets.length - 1];
    return last ? last.begin + last.len : 0;
  }

  /** dm_table_find_target: the target covering `sector`, or undefined past the end. */
  findTarget(sector: Sector): Target | undefined {
    const h = this.highs;
    let lo = 0;
    let hi = h.length - 1;
    if (hi < 0 || sector > h[hi]!) return undefined;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid]! >= sector) hi = mid;
      else lo = mid + 1;
    }
    return this.targets[lo];
  }

  /** Add a constructed target (the caller ran ctr). */
  push(t: Target): void {
    this.targets.push(t);
    this.highs.push(t.begin + t.len - 1);
  }

  /** dm_get_device's bookkeeping: the first reference opens the device. */
  hold(bdev: BlockDevice, mode: "r" | "rw", open: (b: BlockDevice) => void): DmDev {
    const held = this.devices.get(bdev.dev);
    if (held) {
      held.count++;
      if (held.dmDev.mode !== mode && mode === "rw") {
        held.dmDev = { ...held.dmDev, mode: "rw" };
      }
      return held.dmDev;
    }
    open(bdev);
    const dmDev: DmDev = { bdev, name: bdev.devName, mode };
    this.devices.set(bdev.dev, { dmDev, count: 1 });
    return dmDev;
  }

  /** dm_put_device's bookkeeping: the last reference closes the device. */
  release(d: DmDev, close: (b: BlockDevice) => void): boolean {
    const held = this.devices.get(d.bdev.dev);
    if (!held) return false;
    if (--held.count === 0) {
      this.devices.delete(d.bdev.dev);
      close(d.bdev);
    }
    return true;
  }
}

/** A dm_target for one table line, its arguments split as dm_split_args does. */
function createTarget(
  host: TargetHost,
  guard: TargetGuard,
  index: number,
  spec: TargetSpec,
): Target {
  const args = splitArgs(spec.params);
  return new Target(host, guard.type, guard, index, spec.start, spec.length, args);
}

/** Where a table build failed: the index of the line whose target failed, if one did. */
export interface BuildFailure {
  failedAt?: number;
}

/**
 * Build a table for `md` (dm_table_create + dm_table_add_target for each line, then the checks
 * the first table of a device gets from dm_setup_md_queue). On failure the kernel's lines are
 * logged, the partly built table destroyed, `failure.failedAt` set to the failing line's index
 * (when one line is to blame) and the errno thrown as a DmError.
 *
 * Synchronous: a constructor that returns a Promise (an async ctr doing I/O) fails the build
 * with EINVAL and a line saying so; such tables are built by `dmTableBuildAsync`.
 */
export function dmTableBuild(
  e: Engine,
  md: MappedDevice,
  specs: readonly TargetSpec[],
  opts: { readOnly?: boolean },
  first: boolean,
  failure: BuildFailure = {},
): Table {
  const table = new Table(opts.readOnly ? "r" : "rw");
  const host = targetHost(e, md, table);
  try {
    for (const [i, spec] of specs.entries()) {
      try {
        const pending = addTarget(e, md, table, host, i, spec);
        if (pending) {
          // The ctr goes on; when it ends, its target is destroyed (it is in no table).
          void pending.then(
            (ti) => dmTargetDestroy(e, md, ti),
            () => {},
          );
          e.log(
            "err",
            `device-mapper: table: ${md.devName}: ${spec.type}: constructor is asynchronous: this caller must load the table with loadAsync (dm-playground)`,
          );
          throw new DmError("EINVAL");
        }
      } catch (err) {
        if (err instanceof DmError)
          e.log("err", "device-mapper: ioctl: error adding target to table");
        failure.failedAt = i;
        throw err;
      }
    }
    dmTableComplete(e, md, table, first);
  } catch (err) {
    void dmTableDestroy(e, md, table);
    throw err;
  }
  return table;
}

/**
 * `dmTableBuild` for tables whose constructors may be async (do I/O, as Linux's block): each
 * ctr is awaited in table order before the next line is added, as the ioctl would block.
 */
export async function dmTableBuildAsync(
  e: Engine,
  md: MappedDevice,
  specs: readonly TargetSpec[],
  opts: { readOnly?: boolean },
  first: boolean,
  failure: BuildFailure = {},
): Promise<Table> {
  const table = new Table(opts.readOnly ? "r" : "rw");
  const host = targetHost(e, md, table);
  try {
    for (const [i, spec] of specs.entries()) {
      try {
        const pending = addTarget(e, md, table, host, i, spec);
        if (pending) await pending;
      } catch (err) {
        if (err instanceof DmError)
          e.log("err", "device-mapper: ioctl: error adding target to table");
        failure.failedAt = i;
        throw err;
      }
    }
    dmTableComplete(e, md, table, first);
  } catch (err) {
    await dmTableDestroy(e, md, table);
    throw err;
  }
  return table;
}

/** The end of a table build: a table needs a target; a device's first table its queue limits. */
function dmTableComplete(e: Engine, md: MappedDevice, table: Table, first: boolean): void {
  if (table.targets.length === 0) {
    e.log("warn", "device-mapper: ioctl: table load with no targets");
    throw new DmError("EINVAL");
  }
  // Only the device's first table sets up its queue (dm_setup_md_queue), which calculates the
  // limits and checks the device areas here; a later table is checked when it is swapped in
  // by resume (golden 069).
  if (first) {
    if (!dmCalculateQueueLimits(e, md, table, true)) {
      e.log("err", "device-mapper: core: Cannot calculate initial queue limits");
      e.log("err", "device-mapper: ioctl: unable to set up device queue for new table.");
      throw new DmError("EINVAL");
    }
  }
}

/**
 * dm_table_add_target: check the line against the table so far, find the type, run its ctr.
 * A Promise of the target when its ctr is async (undefined when the target is already added).
 */
function addTarget(
  e: Engine,
  md: MappedDevice,
  table: Table,
  host: TargetHost,
  i: number,
  spec: TargetSpec,
): Promise<Target> | undefined {
  const devName = md.devName;
  const err = (text: string): never => {
    e.log("err", `device-mapper: table: ${devName}: ${text}`);
    throw new DmError("EINVAL");
  };
  if (table.singleton) err(`target type ${table.targets[0]!.type.name} must appear alone in table`);
  if (!spec.length) err("zero-length target");
  // start + len wrapping around 2^64 (then it is past the limit too) or past LLONG_MAX >>
  // SECTOR_SHIFT. Past 2^53 the parser rounds up: this end is never below the one written.
  const endX = BigInt(spec.start) + BigInt(spec.length);
  if (endX > LLONG_MAX_SECTORS) err("too large device");
  if (endX > MAX_EXACT_SECTORS) {
    // Linux maps it; sector numbers here are doubles, exact to 2^53: refused, not rounded.
    e.log(
      "err",
      `device-mapper: table: ${devName}: dm-playground: the target ends past sector ${MAX_EXACT_SECTORS}, the largest device it maps exactly (-EOVERFLOW)`,
    );
    throw new DmError("EOVERFLOW");
  }
  const registered = e.targets.lookup(spec.type);
  const fail = (error: string, errno: Errno = "EINVAL"): never => {
    e.log("err", `device-mapper: table: ${devName}: ${spec.type}: ${error} (-${errno})`);
    throw new DmError(errno);
  };
  if (!registered) return err(`${spec.type}: unknown target type`);
  const tt = registered.type;
  if (tt.features?.singleton) {
    if (table.targets.length) fail("singleton target type must appear alone in table");
    table.singleton = true;
  }
  if (tt.features?.alwaysWriteable && table.mode === "r")
    fail("target type may not be included in a read-only table");
  const prev = table.targets[table.targets.length - 1];
  const adjoins = prev ? spec.start === prev.begin + prev.len : spec.start === 0;
  if (!adjoins) fail("Gap in table");
  const ti = createTarget(host, registered.guard, i, spec);
  const refused = (x: unknown): never => {
    if (!(x instanceof DmError)) throw x;
    return fail(x.message === "" ? ti.error : x.message, x.errno);
  };
  const added = (): Target => {
    table.push(ti);
    targetEvent(e, md, ti, EV.TARGET_CTR);
    return ti;
  };
  let pending;
  try {
    // A ctr that throws something else than a DmError is a fault: the guard reports it and
    // throws TargetCtrError("ctr threw: <message>"), which stands in for ti->error.
    pending = ti.guard.ctr(md, ti, [...ti.args]);
  } catch (x) {
    refused(x);
  }
  // An async ctr (it does I/O): the target joins the table when it has ended well.
  if (pending) return pending.then(added, refused);
  added();
  return undefined;
}

/**
 * dm_calculate_queue_limits (dm-table.c): each target's limits stacked from the devices it uses
 * (dm_set_device_limits, with blk_stack_limits at the area's start), then its io_hints, then
 * stacked into the table's limits. A device area or a target that does not line up is warned
 * about ("caused an alignment inconsistency"), not refused; the kernel stacks every device twice
 * (again in validate_hardware_logical_block_alignment), so each device warning appears twice.
 */
export function dmCalculateQueueLimits(e: Engine, md: MappedDevice, table: Table): QueueLimits;
export function dmCalculateQueueLimits(
  e: Engine,
  md: MappedDevice,
  table: Table,
  checkAreas: true,
): QueueLimits | null;
/**
 * With `checkAreas`, each target's device areas are checked (device_area_is_invalid) right after
 * its limits are stacked, as Linux does, so a device's alignment warning comes before a "too
 * small for target" of the same target; null then means EINVAL (differential fuzzer seed 12).
 */
export function dmCalculateQueueLimits(
  e: Engine,
  md: MappedDevice,
  table: Table,
  checkAreas = false,
): QueueLimits | null {
  const limits = blkSetStackingLimits();
  const setDeviceLimits = (into: QueueLimits, d: DmDev, start: Sector | bigint): void => {
    const b = d.bdev.limits;
    if (!blkStackLimits(into, b, start))
      e.log(
        "warn",
        `device-mapper: table: ${md.devName}: adding target device ${d.bdev.name} caused an alignment inconsistency: ` +
          `physical_block_size=${b.physicalBlockSize}, logical_block_size=${b.logicalBlockSize}, ` +
          `alignment_offset=${b.alignmentOffset}, start=${BigInt(start) * 512n}`,
      );
  };
  for (const ti of table.targets) {
    const tiLimits = blkSetStackingLimits();
    // A target without iterate_devices goes straight to combine_limits: no io_hints either.
    if (ti.type.iterateDevices) {
      ti.guard.iterateDevices(md, ti, (d, start) => setDeviceLimits(tiLimits, d, start));
      ti.guard.ioHints(md, ti, tiLimits);
      if (checkAreas && !targetAreasValid(e, md, ti)) return null;
    }
    if (!blkStackLimits(limits, tiLimits, 0))
      e.log(
        "warn",
        `device-mapper: table: ${md.devName}: adding target device (start sect ${ti.begin} len ${ti.len}) caused an alignment inconsistency`,
      );
  }
  // validate_hardware_logical_block_alignment combines every target's devices again.
  for (const ti of table.targets) {
    const tiLimits = blkSetStackingLimits();
    ti.guard.iterateDevices(md, ti, (d, start) => setDeviceLimits(tiLimits, d, start));
  }
  return limits;
}

/**
 * dm_table_set_restrictions (dm-table.c, 6.1), the queue side: the table's stacked limits become
 * the device's, less what the table cannot do as a whole. Discards need every target to send
 * them (num_discard_bios) and either take them itself (discards_supported) or have every device
 * it uses take them; write-zeroes need every target to send them to devices that all take them.
 * The device has a write cache when a target that sends flushes needs them (flush_supported) or
 * one of its devices has one (FUA likewise); it is rotational when any device is.
 */
export function dmTableSetRestrictions(md: MappedDevice, table: Table, limits: QueueLimits): void {
  const anyDev = (ti: Target, pred: (b: BlockDevice) => boolean): boolean => {
    if (!ti.type.iterateDevices) return false;
    let hit = false;
    ti.guard.iterateDevices(md, ti, (d) => {
      if (pred(d.bdev)) hit = true;
    });
    return hit;
  };
  const q: QueueLimits = { ...limits };
  const supportsDiscards = table.targets.every(
    (ti) =>
      ti.numDiscardBios !== 0 &&
      (ti.discardsSupported ||
        (ti.type.iterateDevices !== undefined && !anyDev(ti, (b) => !b.limits.maxDiscardSectors))),
  );
  if (!supportsDiscards) {
    q.maxDiscardSectors = 0;
    q.maxHwDiscardSectors = 0;
    q.discardGranularity = 0;
    q.discardAlignment = 0;
    q.discardMisaligned = false;
  }
  if (
    !table.targets.every(
      (ti) =>
        ti.numWriteZeroesBios !== 0 &&
        ti.type.iterateDevices !== undefined &&
        !anyDev(ti, (b) => !b.limits.maxWriteZeroesSectors),
    )
  )
    q.maxWriteZeroesSectors = 0;
  const supportsFlush = (flag: (b: BlockDevice) => boolean): boolean =>
    table.targets.some((ti) => ti.numFlushBios !== 0 && (ti.flushSupported || anyDev(ti, flag)));
  md.writeCache = supportsFlush((b) => b.writeCache);
  md.fua = md.writeCache && supportsFlush((b) => b.fua);
  md.nonrot = !table.targets.some((ti) => anyDev(ti, (b) => !b.nonrot));
  md.limits = q;
}

/**
 * The device-area checks of dm_calculate_queue_limits (device_area_is_invalid): false, after
 * logging "<dev> too small for target", when a target maps past the end of a device it holds.
 */
export function deviceAreasValid(e: Engine, md: MappedDevice, table: Table): boolean {
  return table.targets.every((ti) => targetAreasValid(e, md, ti));
}

/** device_area_is_invalid over the devices of one target. */
function targetAreasValid(e: Engine, md: MappedDevice, ti: Target): boolean {
  let bad = false;
  ti.guard.iterateDevices(md, ti, (d: DmDev, start: Sector | bigint, len: Sector) => {
    const size = d.bdev.sizeSectors;
    if (!size || bad) return;
    const s = BigInt(start);
    if (s >= BigInt(size) || s + BigInt(len) > BigInt(size)) {
      e.log(
        "err",
        `device-mapper: table: ${md.devName}: ${d.bdev.name} too small for target: start=${start}, len=${len}, dev_size=${size}`,
      );
      bad = true;
    }
  });
  return !bad;
}

/**
 * dm_table_destroy: every target's dtr, then the devices a target forgot to put. When a dtr is
 * async (it does I/O, as a pool committing its metadata), the rest waits for it on virtual
 * time and a Promise of the whole is returned; callers that can wait (removeAsync, resume,
 * loadAsync) await it, the others let it finish on its own (the devices stay held until then).
 */
export function dmTableDestroy(e: Engine, md: MappedDevice, table: Table): void | Promise<void> {
  const pending: Promise<void>[] = [];
  for (const ti of table.targets) {
    const p = dmTargetDestroy(e, md, ti);
    if (p) pending.push(p);
  }
  if (pending.length) return Promise.all(pending).then(() => dmTablePutDevices(e, md, table));
  dmTablePutDevices(e, md, table);
}

/** One target's dtr and its event; a Promise when the dtr is async. */
function dmTargetDestroy(e: Engine, md: MappedDevice, ti: Target): Promise<void> | undefined {
  const p = ti.guard.dtr(md, ti);
  if (p) return p.then(() => targetEvent(e, md, ti, EV.TARGET_DTR));
  targetEvent(e, md, ti, EV.TARGET_DTR);
  return undefined;
}

/** The end of dm_table_destroy: references and devices the targets did not put. */
function dmTablePutDevices(e: Engine, md: MappedDevice, table: Table): void {
  // A reference a target took with dm_get_md and did not put in dtr: Linux's remove of that
  // device would wait for it for ever. Reported, and dropped.
  for (const [ref, ti] of [...table.mdRefs]) {
    e.fault(md, ti, null, `dtr did not put its reference to ${ref.devName} (dm_get_md)`);
    ref.put();
  }
  // A target that forgot dm_put_device: the kernel warns and drops the reference itself.
  for (const held of [...table.devices.values()]) {
    e.log(
      "warn",
      `device-mapper: table: ${md.devName}: dm_table_destroy: dm_put_device call missing for ${held.dmDev.name}`,
    );
    held.count = 1;
    table.release(held.dmDev, (b) => closeDevice(e, md, b));
  }
}

/** One device area a target maps onto, as its iterate_devices reports it. */
export interface DeviceArea {
  readonly dev: DmDev;
  /** Sectors into `dev` (a bigint where a double cannot hold it exactly). */
  readonly start: Sector | bigint;
  readonly len: Sector;
}

const areasOf = new WeakMap<Target, readonly DeviceArea[]>();

/**
 * The device areas `ti` maps onto: its iterate_devices, asked once (through the guard) and kept
 * for the target's life, so tools that draw the stack do not call target code again.
 */
export function deviceAreas(md: MappedDevice, ti: Target): readonly DeviceArea[] {
  let areas = areasOf.get(ti);
  if (!areas) {
    const list: DeviceArea[] = [];
    ti.guard.iterateDevices(md, ti, (dev, start, len) => list.push({ dev, start, len }));
    areas = list;
    areasOf.set(ti, areas);
  }
  return areas;
}

/** A target lifecycle event (ctr, dtr, presuspend, postsuspend, preresume, resume). */
export function targetEvent(e: Engine, md: MappedDevice, ti: Target, type: EventCode): void {
  const ev = e.events;
  ev.emit(type, e.now, 0, md.dev, ti.begin, ti.len, ti.index, ev.intern(ti.type.name));
}

/**
 * dm_get_table_device: a table's first reference to `b`. The device is opened once per mapped
 * device (md->table_devices), however many of its tables (live and inactive) use it.
 */
function openDevice(holder: MappedDevice, b: BlockDevice): void {
  const n = holder.tableDevices.get(b.dev) ?? 0;
  holder.tableDevices.set(b.dev, n + 1);
  if (n > 0) return;
  b.openCount++;
  b.holders.add(holder);
}

/** dm_put_table_device: a table's last reference to `b`; the mapped device's last closes it. */
function closeDevice(e: Engine, holder: MappedDevice, b: BlockDevice): void {
  const n = (holder.tableDevices.get(b.dev) ?? 1) - 1;
  if (n > 0) {
    holder.tableDevices.set(b.dev, n);
    return;
  }
  holder.tableDevices.delete(b.dev);
  b.holders.delete(holder);
  e.blkdevPut(b);
}

/** What the targets of `table` (on `md`) can ask of the engine: dm_get_device and the rest. */
function targetHost(e: Engine, md: MappedDevice, table: Table): TargetHost {
  return {
    get now() {
      return e.now;
    },
    get mdName() {
      return md.devName;
    },
    readOnly: table.mode === "r",
    noflushSuspending: () => md.noflushSuspending,
    waitEvent: (cond) => e.waitFor(cond),
    wakeUp: () => e.wake(),
    hold: (_t, bio) => {
      md.owned.delete(bio);
    },
    getDevice: (_t, path, mode) => {
      // "major:minor" names a device number (ENXIO when nothing has it); anything else is a
      // path to a block device, else what name_to_dev_t makes of it (dm_get_dev_t): ENODEV
      // when that is no device number, ENXIO when nothing has the number ("abc" is 10:188).
      // Opening a number nothing has may create it (brd_probe: blkdevGetByDev); the new disk
      // is then registered before this device's own disk (add_disk follows the table's ctrs).
      const known = e.devices.size;
      let bdev: BlockDevice | undefined;
      const mm = /^(\d+):(\d+)$/.exec(path);
      if (mm) {
        bdev = e.blkdevGetByDev(Number(mm[1]), Number(mm[2]));
        if (!bdev) throw new DmError("ENXIO", "");
      } else {
        bdev = e.lookup(path);
        if (!bdev) {
          const devt = nameToDevT(path);
          if (!devt) throw new DmError("ENODEV", "");
          bdev = e.blkdevGetByDev(devt.major, devt.minor);
          if (!bdev) throw new DmError("ENXIO", "");
        }
      }
      if (e.devices.size !== known && !md.live && !md.inactive) {
        e.devices.delete(md.dev);
        e.devices.set(md.dev, md);
      }
      // A table may name its own device (6.1.192 accepts it, blktests dm/001): it then holds
      // itself open, so it cannot be removed.
      return table.hold(bdev, mode, (b) => openDevice(md, b));
    },
    putDevice: (_t, d) => {
      if (!table.release(d, (b) => closeDevice(e, md, b))) {
        e.log(
          "err",
          `device-mapper: table: ${md.devName}: device ${d.name} not in table devices list`,
        );
      }
    },
    schedule: (t, delay, fn) => e.clock.schedule(delay, t.guard.timer(md, t, fn)),
    random: () => e.rng.next(),
    log: (level, text) => e.log(level, text),
    submitRemapped: (t, bio) => md.submitRemapped(t, bio),
    submit: (t, bio) => {
      // The target's own bio (dm-io, dm-bufio): its bio_submit names the target as issuer.
      if (!bio.parent && !bio.issuer) bio.issuer = { dev: md.dev, target: t.index };
      e.submitBio(bio);
    },
    newBio: (t, op, d, sector, sectors, data, onEnd) =>
      new Bio(e, op, d.bdev, sector, sectors, data, 0, null, t.guard.completion(md, t, onEnd)),
    event: () => {
      md.eventNr++;
    },
    requestYield: () => e.clock.requestYield(),
    traceEvent: (_t, code, sector, sectors, a, b, bio = 0) => {
      if (e.events.muted || (!e.events.bioEvents && isBioEvent(code))) return;
      const bb = typeof b === "string" ? e.events.intern(b) : b;
      e.events.emit(code as EventCode, e.now, bio, md.dev, sector, sectors, a, bb);
    },
    getMappedDevice: (t, path) => {
      const ref = dmGetMd(e, path, (r) => table.mdRefs.delete(r));
      if (ref) table.mdRefs.set(ref, t);
      return ref;
    },
    internalSuspendNoflush: () => dmInternalSuspendNoflush(e, md),
    internalResume: () => dmInternalResume(e, md),
  };
}
