/**
 * Mapped-device lifecycle (drivers/md/dm.c): creating and destroying a mapped device
 * (dm_create / dm_destroy), suspending it (__dm_suspend: presuspend, hold new I/O, wait for
 * in-flight I/O, postsuspend), swapping in a new table (dm_swap_table) and resuming it
 * (__dm_resume: preresume, resume, re-drive the deferred bios). The bio path of dm.c is in
 * mapped-device.ts; the ioctls that drive all this are in dm-ioctl.ts.
 */

import type { Engine } from "./engine.ts";
import { EV } from "./events.ts";
import { MappedDevice, isMappedDevice } from "./mapped-device.ts";
import {
  dmCalculateQueueLimits,
  dmTableDestroy,
  dmTableSetRestrictions,
  targetEvent,
  type Table,
} from "./dm-table.ts";
import type { MappedDeviceRef, Target } from "./target.ts";
import { DmError, ERRNO } from "./types.ts";

export interface SuspendFlags {
  noflush?: boolean;
  nolockfs?: boolean;
}

/** dm_create (alloc_dev + add_disk): a mapped device with no table, in the block namespace. */
export function dmCreate(e: Engine, minor: number, name: string, uuid: string): MappedDevice {
  const md = new MappedDevice(e, minor, name, uuid);
  md.diskseq = e.nextDiskseq();
  e.devices.set(md.dev, md);
  return md;
}

/**
 * dm_destroy (__dm_destroy + free_dev): a device that is not suspended has its targets'
 * presuspend and postsuspend run first, as Linux does (a mirror waits for its recovery to stop,
 * a pool commits); then the bios held while suspended fail, both tables are destroyed, and the
 * device leaves the block namespace and every holder list. A Promise when a hook or a dtr is
 * async (the device is gone from the namespace once the hooks have run; its tables finish on
 * virtual time).
 */
export function dmDestroy(e: Engine, md: MappedDevice): void | Promise<void> {
  const map = md.live;
  if (map && !md.suspended) {
    md.suspended = true;
    const hooks = eachTarget(map.targets, (ti) => {
      targetEvent(e, md, ti, EV.TARGET_PRESUSPEND);
      return ti.guard.presuspend(md, ti);
    });
    const post = (): void | Promise<void> =>
      eachTarget(map.targets, (ti) => {
        targetEvent(e, md, ti, EV.TARGET_POSTSUSPEND);
        return ti.guard.postsuspend(md, ti);
      });
    if (hooks) return hooks.then(post).then(() => dmFree(e, md));
    const p = post();
    if (p) return p.then(() => dmFree(e, md));
  }
  return dmFree(e, md);
}

/** `fn` for each target in order, waiting for each one that returns a Promise. */
function eachTarget(
  targets: readonly Target[],
  fn: (ti: Target) => void | Promise<void>,
): void | Promise<void> {
  for (let i = 0; i < targets.length; i++) {
    const p = fn(targets[i]!);
    if (p) {
      const rest = targets.slice(i + 1);
      return p.then(() => eachTarget(rest, fn));
    }
  }
}

/** The end of dm_destroy: held bios fail, the tables go, the device leaves the namespace. */
function dmFree(e: Engine, md: MappedDevice): void | Promise<void> {
  for (const bio of md.deferred.splice(0)) bio.end("IOERR");
  const pending: Promise<void>[] = [];
  // dev_remove destroys the inactive table first (__hash_remove hands back hc->new_map), then
  // dm_destroy the live one: a snapshot's dtr sees them in that order.
  for (const table of [md.inactive, md.live]) {
    const p = table ? dmTableDestroy(e, md, table) : undefined;
    if (p) pending.push(p);
  }
  md.live = null;
  md.inactive = null;
  for (const d of e.devices.values()) d.holders.delete(md);
  e.devices.delete(md.dev);
  if (pending.length) return Promise.all(pending).then(() => undefined);
}

/**
 * __dm_suspend: every target's presuspend, then new I/O is held (DMF_BLOCK_IO_FOR_SUSPEND),
 * in-flight I/O drains on virtual time, then every postsuspend. Nothing if already suspended.
 */
export async function dmSuspend(e: Engine, md: MappedDevice, flags: SuspendFlags): Promise<void> {
  if (md.suspended) return;
  // dm_suspend: an internally suspended device (a thin device while its pool is suspended) is
  // suspended only after the internal resume (wait_on_bit DMF_SUSPENDED_INTERNALLY).
  await e.waitFor(() => !md.suspendedInternally);
  if (md.suspended) return;
  await suspendTargets(e, md, flags, false);
  md.suspended = true;
}

/**
 * __dm_suspend and dm_table_postsuspend_targets: every presuspend, hold new I/O, drain, every
 * postsuspend. `internal` marks the device_suspend event (a: 1 noflush, 2 internal).
 */
async function suspendTargets(
  e: Engine,
  md: MappedDevice,
  flags: SuspendFlags,
  internal: boolean,
): Promise<void> {
  const map = md.live;
  // DMF_NOFLUSH_SUSPENDING must be set before presuspend (a thin device requeues its deferred
  // bios from thin_presuspend when it is); cleared once in-flight I/O has drained.
  if (flags.noflush) md.noflushSuspending = true;
  if (map) {
    for (const ti of map.targets) {
      targetEvent(e, md, ti, EV.TARGET_PRESUSPEND);
      const p = ti.guard.presuspend(md, ti);
      if (p) await p;
    }
  }
  md.blockIo = true;
  const a = (flags.noflush ? 1 : 0) | (internal ? 2 : 0);
  e.events.emit(EV.DEVICE_SUSPEND, e.now, 0, md.dev, 0, 0, a, 0);
  await e.waitFor(() => md.inFlight === 0);
  md.noflushSuspending = false;
  if (map) {
    for (const ti of map.targets) {
      targetEvent(e, md, ti, EV.TARGET_POSTSUSPEND);
      const p = ti.guard.postsuspend(md, ti);
      if (p) await p;
    }
  }
}

/**
 * dm_internal_suspend_noflush (__dm_internal_suspend, drivers/md/dm.c): suspend `md` for
 * another target (a pool suspending its active thin devices), unseen by userspace: the device
 * stays ACTIVE in `dmsetup info`, and a `dmsetup suspend` or `resume` of it waits until the
 * internal resume. Nests (md->internal_suspend_count): only the first call suspends, and a
 * device the user suspended already is only marked. Targets see a noflush suspend
 * (presuspend, new I/O held, in-flight I/O drained, postsuspend).
 */
export async function dmInternalSuspendNoflush(e: Engine, md: MappedDevice): Promise<void> {
  if (md.internalSuspendCount++) return;
  if (md.suspended) {
    md.suspendedInternally = true;
    return;
  }
  await suspendTargets(e, md, { noflush: true }, true);
  md.suspendedInternally = true;
}

/**
 * dm_internal_resume (__dm_internal_resume): undo one dm_internal_suspend_noflush. The last one
 * re-drives the held bios without calling the targets' resume hooks (__dm_resume(md, NULL)),
 * unless the user suspended the device meanwhile; then waiting suspends and resumes go on.
 */
export function dmInternalResume(e: Engine, md: MappedDevice): void {
  if (md.internalSuspendCount === 0)
    throw new DmError("EINVAL", `dm_internal_resume: ${md.devName} is not suspended internally`);
  if (--md.internalSuspendCount) return;
  if (!md.suspended) {
    md.blockIo = false;
    e.events.emit(EV.DEVICE_RESUME, e.now, 0, md.dev, 0, 0, 2, 0);
    md.redriveDeferred();
  }
  md.suspendedInternally = false;
  e.wake();
}

/**
 * dm_swap_table: make `table` the live table of the suspended `md`, with the queue limits
 * stacked from it. Returns the previous live table (the caller destroys it). Throws
 * DmError(EINVAL) when a device is too small for a target (device_area_is_invalid); the device
 * then keeps its old table and `table` is the caller's to destroy.
 */
export function dmSwapTable(e: Engine, md: MappedDevice, table: Table): Table | null {
  const limits = dmCalculateQueueLimits(e, md, table, true);
  if (!limits) throw new DmError("EINVAL");
  const old = md.live;
  md.live = table;
  md.readOnly = table.mode === "r";
  dmTableSetRestrictions(md, table, limits);
  // dm_table_set_restrictions -> disk_update_readahead: max(2 * io_opt, VM_READAHEAD_PAGES)
  // in whole 4 KiB pages, replacing whatever BLKRASET set before.
  md.readAhead = Math.max(Math.floor((md.limits.ioOpt * 2) / 4096), 32) * 8;
  e.events.emit(EV.TABLE_SWAP, e.now, 0, md.dev, 0, table.size, table.targets.length, 0);
  return old;
}

/**
 * __dm_resume: every preresume first (dm_table_resume_targets; the first that fails stops the
 * resume and its error is thrown, the device staying suspended), then every resume, then the
 * held bios are re-driven.
 */
export async function dmResume(e: Engine, md: MappedDevice): Promise<void> {
  // dm_resume: an internally suspended device waits for the internal resume first.
  await e.waitFor(() => !md.suspendedInternally);
  if (!md.suspended) return;
  const map = md.live;
  // dm_resume: a device without a live table (or an empty one) cannot resume: EINVAL, and it
  // stays suspended.
  if (!map || map.size === 0) throw new DmError("EINVAL");
  {
    for (const ti of map.targets) {
      if (!ti.type.preresume) continue;
      targetEvent(e, md, ti, EV.TARGET_PRERESUME);
      try {
        // A throw that is no DmError is a fault: reported by the guard, thrown as EINVAL.
        const p = ti.guard.preresume(md, ti);
        if (p) await p;
      } catch (err) {
        // Only a DmError comes from the guard; anything else is an observer's, and not ours.
        if (!(err instanceof DmError)) throw err;
        e.log(
          "err",
          `device-mapper: table: ${md.devName}: ${ti.type.name}: preresume failed, error = -${ERRNO[err.errno][0]}`,
        );
        throw err;
      }
    }
    for (const ti of map.targets) {
      targetEvent(e, md, ti, EV.TARGET_RESUME);
      const p = ti.guard.resume(md, ti);
      if (p) await p;
    }
  }
  md.suspended = false;
  md.blockIo = false;
  e.events.emit(EV.DEVICE_RESUME, e.now, 0, md.dev, 0, 0, 0, 0);
  md.redriveDeferred();
}

/**
 * dm_get_md (+ dm_get_live_table through the reference's `liveTable()`): a reference to the
 * mapped device at `path` ("/dev/mapper/NAME", "/dev/dm-N", "major:minor"), the way a thin
 * device finds its pool. null when `path` names no mapped device. The reference keeps the
 * device from being removed (EBUSY) until `put()` (dm_put); `onPut` runs when it is put.
 */
export function dmGetMd(
  e: Engine,
  path: string,
  onPut?: (ref: MappedDeviceRef) => void,
): MappedDeviceRef | null {
  const d = e.lookup(path);
  if (!d || !isMappedDevice(d)) return null;
  const md = d;
  md.references++;
  let held = true;
  const ref: MappedDeviceRef = {
    get name() {
      return md.dmName;
    },
    get uuid() {
      return md.uuid;
    },
    dev: md.dev,
    devName: md.devName,
    liveTable: () => (md.live ? md.live.targets : null),
    put: () => {
      if (!held)
        throw new DmError("EINVAL", `dm_put: the reference to ${md.devName} was put already`);
      held = false;
      md.references--;
      onPut?.(ref);
      e.wake();
    },
  };
  return ref;
}
