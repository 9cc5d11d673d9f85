/**
 * delay: holds each bio for a fixed time before passing it on, like linear otherwise. Reads,
 * writes and flushes can go to different devices with different delays.
 *
 *     <start> <length> delay <dev> <offset> <delay_ms> [<write_dev> <write_offset> <write_delay_ms>
 *                                                      [<flush_dev> <flush_offset> <flush_delay_ms>]]
 *
 * With 3 arguments all bios use one class; with 6, writes and flushes use the second; with 9,
 * flushes use the third. Status INFO: the number of bios currently held per class, "<reads>
 * <writes> <flushes>"; TABLE: the classes as given, devices as major:minor. Suspending releases
 * every held bio at once and stops delaying until resume. (drivers/md/dm-delay.c)
 */

import type { Bio } from "../bio.ts";
import { NS_PER_MS } from "../clock.ts";
import { ctrError, defineTarget, parseU32, parseU64, type DmDev, type Target } from "../target.ts";
import { DmError, REQ_PREFLUSH } from "../types.ts";

interface DelayClass {
  dev: DmDev;
  start: number;
  delayMs: number;
  /** Bios of this class held right now. */
  ops: number;
}

interface Delayed {
  bio: Bio;
  cls: DelayClass;
  expires: number;
}

interface DelayC {
  argc: number;
  read: DelayClass;
  write: DelayClass;
  flush: DelayClass;
  mayDelay: boolean;
  held: Delayed[];
  /** Devices got, to put on failure and in dtr. */
  devs: DmDev[];
}

function classCtr(t: Target<DelayC>, argv: string[], devs: DmDev[]): DelayClass {
  const start = parseU64(argv[1]!);
  if (start === null) ctrError("Invalid device sector");
  const delayMs = parseU32(argv[2]!);
  if (delayMs === null) ctrError("Invalid delay");
  let dev: DmDev;
  try {
    dev = t.getDevice(argv[0]!);
  } catch (e) {
    ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
  }
  devs.push(dev);
  return { dev, start, delayMs, ops: 0 };
}

/** Send every held bio whose time has come (or all of them) on to its device. */
function flushExpired(t: Target<DelayC>, all: boolean): void {
  const dc = t.priv;
  const now = t.now;
  const keep: Delayed[] = [];
  const go: Delayed[] = [];
  for (const d of dc.held) (all || now >= d.expires ? go : keep).push(d);
  dc.held = keep;
  for (const d of go) {
    d.cls.ops--;
    t.submitRemapped(d.bio);
  }
}

export default defineTarget<DelayC>({
  name: "delay",
  version: [1, 3, 0],
  ctr(t, args) {
    if (args.length !== 3 && args.length !== 6 && args.length !== 9)
      ctrError("Requires exactly 3, 6 or 9 arguments");
    const devs: DmDev[] = [];
    try {
      const read = classCtr(t, args, devs);
      const write = args.length === 3 ? classCtr(t, args, devs) : classCtr(t, args.slice(3), devs);
      const flush =
        args.length === 9
          ? classCtr(t, args.slice(6), devs)
          : args.length === 6
            ? classCtr(t, args.slice(3), devs)
            : classCtr(t, args, devs);
      t.private = { argc: args.length, read, write, flush, mayDelay: true, held: [], devs };
    } catch (e) {
      for (const d of devs) t.putDevice(d);
      throw e;
    }
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
  },
  dtr(t) {
    for (const d of t.priv.devs) t.putDevice(d);
  },
  map(t, bio) {
    const dc = t.priv;
    const isWrite = bio.op !== "READ";
    const c = isWrite
      ? (bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "FLUSH"
        ? dc.flush
        : dc.write
      : dc.read;
    bio.bdev = c.dev.bdev;
    bio.sector = c.start + t.offset(bio.sector);
    if (!c.delayMs || !dc.mayDelay) return "REMAPPED";
    const expires = t.now + c.delayMs * NS_PER_MS;
    c.ops++;
    dc.held.push({ bio, cls: c, expires });
    t.schedule(c.delayMs * NS_PER_MS, () => flushExpired(t, false));
    return "SUBMITTED";
  },
  presuspend(t) {
    t.priv.mayDelay = false;
    flushExpired(t, true);
  },
  resume(t) {
    t.priv.mayDelay = true;
  },
  status(t, type) {
    const dc = t.priv;
    if (type === "INFO") return `${dc.read.ops} ${dc.write.ops} ${dc.flush.ops}`;
    const cls = (c: DelayClass) => `${c.dev.name} ${c.start} ${c.delayMs}`;
    let s = cls(dc.read);
    if (dc.argc > 3) s += ` ${cls(dc.write)}`;
    if (dc.argc > 6) s += ` ${cls(dc.flush)}`;
    return s;
  },
  iterateDevices(t, fn) {
    const dc = t.priv;
    fn(dc.read.dev, dc.read.start, t.len);
    fn(dc.write.dev, dc.write.start, t.len);
    fn(dc.flush.dev, dc.flush.start, t.len);
  },
});
