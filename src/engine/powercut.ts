/**
 * A power cut and the restart after it: dm-playground's own (`powercut`), the test fstests runs
 * with dm-flakey and dm-log-writes, made a switch. Shapes and units:
 *
 *     const r = cutPower(e, { reorder: true, tear: false });
 *     r.disks  // [{ disk: "ram0", lost: 24, kept: 8 }]: cached sectors lost / written back
 *
 * What the power takes:
 * - the RAM disks' volatile write caches (writecache.ts): what was not flushed or written with
 *   FUA is lost (with `reorder`, part of it, seeded, reached the medium first; with `tear`, sector
 *   by sector); the page cache's dirty blocks (`bdev.dirty`);
 * - everything the running machine held: timers and completions on the virtual clock, bios in
 *   flight, load generators, every mapped device and its tables (no target code runs on the way
 *   down: dm-ioctl.ts `powerOff`), loop device bindings, the kernel log.
 *
 * What the restart keeps (the decision this project makes, README "Differences from Linux"): the
 * RAM disks stand for disks that survive a reboot, so they stay, with their durable contents,
 * their write-cache setting and their fault rules (the hardware's); files keep their contents
 * (the disk a file system would be on); user target modules stay loaded. Tables must be created
 * again, as on Linux after a reboot. On Linux brd itself is RAM: a reboot loses all of it.
 *
 * Virtual time goes on (the history stays one timeline); processes waiting on the old machine's
 * I/O never wake.
 */

import type { Engine } from "./engine.ts";
import { EV } from "./events.ts";
import type { PowerCutOptions } from "./writecache.ts";

export interface PowerCutResult {
  disks: Array<{ disk: string; lost: number; kept: number }>;
  /** Mapped devices that were gone with the power. */
  devices: string[];
}

export function cutPower(e: Engine, opts: PowerCutOptions = {}): PowerCutResult {
  e.load.stop();
  e.clock.clear();
  const disks: PowerCutResult["disks"] = [];
  let lost = 0;
  for (const d of e.ramDisks) {
    if (!d.cache) continue;
    const r = d.cache.powerCut(e.diskFaults.rng, opts);
    disks.push({ disk: d.name, ...r });
    lost += r.lost;
  }
  const summary =
    disks.length === 0
      ? "no write caches"
      : disks.map((d) => `${d.disk}: ${d.lost} lost, ${d.kept} kept`).join("; ");
  // One record per RAM disk (each disk's lane on the timeline shows the cut), or one for none.
  const lanes = e.ramDisks.length > 0 ? e.ramDisks : [null];
  for (const d of lanes) {
    const mine = d && disks.find((x) => x.disk === d.name);
    const text = d
      ? mine
        ? `${d.name}: ${mine.lost} lost, ${mine.kept} kept`
        : `${d.name}: no write cache`
      : summary;
    e.events.emit(
      EV.POWER_CUT,
      e.now,
      0,
      d?.dev ?? 0,
      0,
      0,
      mine ? mine.lost : d ? 0 : lost,
      e.events.intern(text),
    );
  }
  const devices = e.dm.list().map((md) => md.dmName);
  e.dm.powerOff();
  for (const d of e.devices.values()) {
    d.dirty.clear();
    d.holders.clear();
    d.openCount = 0;
  }
  for (const lo of e.loop.list()) if (lo.bound) e.loop.clear(lo);
  e.klog.clear();
  e.wake();
  return { disks, devices };
}
