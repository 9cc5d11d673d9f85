/**
 * mirror (drivers/md/dm-raid1.c, Debian 6.1.192): the same data on two or more legs. Writes go
 * to every leg (one dm_io to all of them), after the dirty log (dm-log.ts) has marked their
 * region dirty; reads go to the default leg (leg 0 until it fails: 6.1 has no read balancing);
 * regions out of sync are recovered by kmirrord, one at a time (MAX_RECOVERY), by kcopyd
 * copying them from the default leg to the others, on virtual time.
 *
 *     <start> <len> mirror <log_type> <#log_args> <log_args...> <#legs> {<dev> <offset>}{2,}
 *         [<#features> [handle_errors] [keep_log]]
 *
 * Status INFO: `<#legs> <dev>... <in-sync regions>/<regions> 1 <health chars> <log status>`,
 * a health char per leg: A alive, F flush failed, D write failed, S sync (recovery) failed,
 * R read failed, U unknown. Status TABLE: the constructor line, canonical. Without
 * handle_errors a failed leg is only counted (its char changes; writes still complete); with
 * it, the region goes out of sync, writes to it are held until the device is reconfigured
 * (suspended, then they fail, or requeue with noflush), and a failed default leg is replaced
 * by an in-sync one.
 *
 * Events (for the mirror view): MIRROR_REGION (a region's state), MIRROR_LEG (a leg's health).
 */

import type { Bio } from "../bio.ts";
import { DmKcopydClient } from "../dm-kcopyd.ts";
import { DirtyLogError, dmDirtyLogCreate, type DmDirtyLog } from "../dm-log.ts";
import { DmRegionHash, type DmRegion, type RegionState } from "../dm-region-hash.ts";
import { EV } from "../events.ts";
import { ctrError, defineTarget, type DmDev, type Target } from "../target.ts";
import { DmError, REQ_FUA, REQ_PREFLUSH, type BlkStatus, type Errno } from "../types.ts";

const MAX_RECOVERY = 1;
/** DM_KCOPYD_MAX_REGIONS + 1. */
const MAX_NR_MIRRORS = 9;
const DEFAULT_MIRROR = 0;

/** enum dm_raid1_error: bits of a leg's error_type. */
const WRITE_ERROR = 1 << 0;
const FLUSH_ERROR = 1 << 1;
const SYNC_ERROR = 1 << 2;
const READ_ERROR = 1 << 3;

/** struct mirror: one leg. */
interface Mirror {
  readonly index: number;
  readonly dev: DmDev;
  readonly offset: number;
  errorCount: number;
  errorType: number;
}

/** struct mirror_set. */
interface MirrorSet {
  readonly ti: Target<MirrorSet>;
  readonly mirrors: Mirror[];
  readonly nrRegions: number;
  readonly rh: DmRegionHash;
  readonly log: DmDirtyLog;
  readonly kcopyd: DmKcopydClient;
  handleErrors: boolean;
  keepLog: boolean;
  inSync: boolean;
  logFailure: boolean;
  legFailure: boolean;
  suspend: boolean;
  defaultMirror: number;
  reads: Bio[];
  writes: Bio[];
  failures: Bio[];
  holds: Bio[];
  /** kmirrord: a run is queued / running / wanted again after this one. */
  queued: boolean;
  running: boolean;
  again: boolean;
}

/** dm_raid1_bio_record: what map kept of a read it remapped, for a retry from end_io. */
interface BioRecord {
  m: Mirror | null;
  sector: number;
  writeRegion: number;
}

/** sscanf("%u%c") == 1. */
function scanU32(s: string | undefined): number | null {
  if (s === undefined) return null;
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffn;
  if (m[1] === "-") v = (0x100000000n - v) & 0xffffffffn;
  return Number(v);
}

/** sscanf("%llu%c") == 1. */
function scanU64(s: string): number | null {
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffffffffffn;
  if (m[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
  return Number(v);
}

function log(ms: MirrorSet, level: "err" | "warn", text: string): void {
  ms.ti.logLine(level, `device-mapper: raid1: ${text}`);
}

const REGION_CODE: Readonly<Record<RegionState | "CLEAN_FREED", number>> = {
  CLEAN: 0,
  DIRTY: 1,
  NOSYNC: 2,
  RECOVERING: 3,
  CLEAN_FREED: 4,
};

function defaultMirror(ms: MirrorSet): Mirror {
  return ms.mirrors[ms.defaultMirror]!;
}

function getValidMirror(ms: MirrorSet): Mirror | null {
  return ms.mirrors.find((m) => m.errorCount === 0) ?? null;
}

function statusChar(m: Mirror): string {
  if (!m.errorCount) return "A";
  return m.errorType & FLUSH_ERROR
    ? "F"
    : m.errorType & WRITE_ERROR
      ? "D"
      : m.errorType & SYNC_ERROR
        ? "S"
        : m.errorType & READ_ERROR
          ? "R"
          : "U";
}

/** fail_mirror. */
function failMirror(m: Mirror, ms: MirrorSet, errorType: number): void {
  ms.legFailure = true;
  m.errorCount++;
  const known = (m.errorType & errorType) !== 0;
  m.errorType |= errorType;
  ms.ti.traceEvent(EV.MIRROR_LEG, ms.ti.begin, ms.ti.len, m.index, statusChar(m));
  if (known) return;
  if (!ms.handleErrors) return;
  if (m === defaultMirror(ms)) {
    if (!ms.inSync && !ms.keepLog) {
      log(ms, "err", `Primary mirror (${m.dev.name}) failed while out-of-sync: Reads may fail.`);
    } else {
      const next = getValidMirror(ms);
      if (next) ms.defaultMirror = next.index;
      else log(ms, "warn", "All sides of mirror have failed.");
    }
  }
  ms.ti.event();
}

/** mirror_flush: an empty flush of every leg (the disk log's flush callback). */
async function mirrorFlush(ms: MirrorSet): Promise<void> {
  const regions = ms.mirrors.map((m) => ({ dev: m.dev, sector: 0, count: 0 }));
  const bits = await new Promise<number>((resolve) =>
    ms.ti.dmIoAsync({ op: "WRITE", flags: REQ_PREFLUSH }, regions, resolve),
  );
  if (bits) {
    for (const m of ms.mirrors) if (bits & (1 << m.index)) failMirror(m, ms, FLUSH_ERROR);
    throw new Error("EIO");
  }
}

function wakeup(ms: MirrorSet): void {
  if (ms.running) {
    ms.again = true;
    return;
  }
  if (ms.queued) return;
  ms.queued = true;
  ms.ti.schedule(0, () => runMirrord(ms));
}

async function runMirrord(ms: MirrorSet): Promise<void> {
  // Run early (resume) while also scheduled: the scheduled run finds nothing queued.
  if (!ms.queued || ms.running) return;
  // kmirrord goes on in continuations (a core log's flush is already settled): the clock lets
  // them run at this instant before it moves on.
  ms.ti.requestYield();
  ms.queued = false;
  ms.running = true;
  try {
    do {
      ms.again = false;
      await doMirror(ms);
    } while (ms.again);
  } finally {
    ms.running = false;
    // wakeup_all_recovery_waiters / flush_workqueue's end: a presuspend may be waiting.
    ms.ti.wakeUp();
  }
}

function queueBio(ms: MirrorSet, bio: Bio, write: boolean): void {
  const list = write ? ms.writes : ms.reads;
  const wake = list.length === 0;
  list.push(bio);
  if (wake) wakeup(ms);
}

/** recover: copy the region from the default leg to the others (kcopyd). */
function recover(ms: MirrorSet, reg: DmRegion): void {
  const regionSize = ms.rh.regionSize;
  const key = reg.key;
  const from = defaultMirror(ms);
  let count = regionSize;
  if (key === ms.nrRegions - 1) {
    count = ms.ti.len & (regionSize - 1);
    if (!count) count = regionSize;
  }
  const start = ms.rh.regionToSector(key);
  const dests = ms.mirrors
    .filter((m) => m !== from)
    .map((m) => ({ dev: m.dev, sector: m.offset + start, count }));
  ms.kcopyd.copy(
    { dev: from.dev, sector: from.offset + start, count },
    dests,
    (readErr, writeErr) => {
      if (readErr) {
        log(ms, "err", "Unable to read primary mirror during recovery");
        failMirror(defaultMirror(ms), ms, SYNC_ERROR);
      }
      if (writeErr) {
        log(ms, "err", `Write error during recovery (error = 0x${writeErr.toString(16)})`);
        let bit = 0;
        for (const m of ms.mirrors) {
          if (m === defaultMirror(ms)) continue;
          if (writeErr & (1 << bit)) failMirror(m, ms, SYNC_ERROR);
          bit++;
        }
      }
      ms.rh.recoveryEnd(reg, !(readErr || writeErr));
    },
  );
}

/** MIRROR_SYNC: what the log says is in sync, for the views (ranges of regions out of sync). */
function traceSync(ms: MirrorSet): void {
  const out: string[] = [];
  for (let r = 0; r < ms.nrRegions; r++) {
    if (ms.log.inSync(r)) continue;
    let end = r;
    while (end + 1 < ms.nrRegions && !ms.log.inSync(end + 1)) end++;
    out.push(end === r ? `${r}` : `${r}-${end}`);
    r = end;
  }
  ms.ti.traceEvent(EV.MIRROR_SYNC, ms.ti.begin, ms.ti.len, ms.log.getSyncCount(), out.join(","));
}

function resetMsFlags(ms: MirrorSet): void {
  ms.legFailure = false;
  for (const m of ms.mirrors) {
    m.errorCount = 0;
    m.errorType = 0;
    ms.ti.traceEvent(EV.MIRROR_LEG, ms.ti.begin, ms.ti.len, m.index, "A");
  }
}

function doRecovery(ms: MirrorSet): void {
  ms.rh.recoveryPrepare();
  for (let reg = ms.rh.recoveryStart(); reg; reg = ms.rh.recoveryStart()) recover(ms, reg);
  if (!ms.inSync && ms.log.getSyncCount() === ms.nrRegions) {
    ms.ti.event();
    ms.inSync = true;
    resetMsFlags(ms);
  }
}

/** choose_mirror: the default leg if it has no errors, else the previous one that has none. */
function chooseMirror(ms: MirrorSet): Mirror | null {
  let i = ms.defaultMirror;
  do {
    const m = ms.mirrors[i]!;
    if (!m.errorCount) return m;
    i = i === 0 ? ms.mirrors.length - 1 : i - 1;
  } while (i !== ms.defaultMirror);
  return null;
}

function regionInSync(ms: MirrorSet, region: number): boolean {
  const s = ms.rh.getState(region);
  return s === "CLEAN" || s === "DIRTY";
}

function mapSector(ms: MirrorSet, m: Mirror, bio: Bio): number {
  if (!bio.sectors) return 0;
  return m.offset + ms.ti.offset(bio.sector);
}

function record(bio: Bio): BioRecord {
  let r = bio.perIo as BioRecord | undefined;
  if (!r || typeof r !== "object" || !("writeRegion" in r)) {
    r = { m: null, sector: bio.sector, writeRegion: 0 };
    bio.perIo = r;
  }
  return r;
}

/** read_async_bio + read_callback: a read the worker issues itself (dm_io into the bio). */
function readAsyncBio(ms: MirrorSet, m: Mirror, bio: Bio): void {
  const sector = mapSector(ms, m, bio);
  ms.ti.dmIoAsync(
    { op: "READ", mem: bio.data },
    [{ dev: m.dev, sector, count: bio.sectors }],
    (error) => {
      if (!error) {
        bio.end();
        return;
      }
      failMirror(m, ms, READ_ERROR);
      if (!defaultMirror(ms).errorCount || mirrorAvailable(ms, bio)) {
        log(ms, "warn", `Read failure on mirror device ${m.dev.name}. Trying alternative device.`);
        queueBio(ms, bio, false);
        return;
      }
      log(ms, "err", `Read failure on mirror device ${m.dev.name}.  Failing I/O.`);
      bio.end("IOERR");
    },
  );
}

function mirrorAvailable(ms: MirrorSet, bio: Bio): boolean {
  return ms.log.inSync(ms.rh.bioToRegion(bio)) ? chooseMirror(ms) !== null : false;
}

function doReads(ms: MirrorSet, reads: Bio[]): void {
  for (const bio of reads) {
    const region = ms.rh.bioToRegion(bio);
    let m: Mirror | null = defaultMirror(ms);
    if (regionInSync(ms, region)) m = chooseMirror(ms);
    else if (m.errorCount) m = null;
    if (m) readAsyncBio(ms, m, bio);
    else bio.end("IOERR");
  }
}

/** do_write + write_callback: one dm_io to every leg. */
function doWrite(ms: MirrorSet, bio: Bio): void {
  const flags = bio.flags & (REQ_FUA | REQ_PREFLUSH);
  const discard = bio.op === "DISCARD";
  const regions = ms.mirrors.map((m) => ({
    dev: m.dev,
    sector: mapSector(ms, m, bio),
    count: bio.sectors,
  }));
  ms.ti.dmIoAsync(
    discard ? { op: "DISCARD", flags } : { op: "WRITE", flags, mem: bio.sectors ? bio.data : null },
    regions,
    (error) => {
      if (!error) {
        bio.end();
        return;
      }
      if (discard) {
        bio.end("NOTSUPP");
        return;
      }
      for (const m of ms.mirrors) if (error & (1 << m.index)) failMirror(m, ms, WRITE_ERROR);
      const wake = ms.failures.length === 0;
      ms.failures.push(bio);
      if (wake) wakeup(ms);
    },
  );
}

function isFlushOrDiscard(bio: Bio): boolean {
  return bio.op === "FLUSH" || (bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "DISCARD";
}

async function doWrites(ms: MirrorSet, writes: Bio[]): Promise<void> {
  if (!writes.length) return;
  const sync: Bio[] = [];
  const nosync: Bio[] = [];
  const recovering: Bio[] = [];
  for (const bio of writes) {
    if (isFlushOrDiscard(bio)) {
      sync.push(bio);
      continue;
    }
    const state = ms.rh.getState(ms.rh.bioToRegion(bio));
    if (state === "CLEAN" || state === "DIRTY") sync.push(bio);
    else if (state === "NOSYNC") nosync.push(bio);
    else recovering.push(bio);
  }
  ms.rh.incPending(sync);
  ms.rh.incPending(nosync);
  try {
    await ms.rh.flush();
  } catch {
    ms.logFailure = true;
  }
  if (ms.logFailure && ms.handleErrors) {
    ms.failures.push(...sync);
    wakeup(ms);
  } else for (const bio of sync) doWrite(ms, bio);
  for (const bio of recovering) ms.rh.delay(bio);
  for (const bio of nosync) {
    if (ms.legFailure && ms.handleErrors && !ms.keepLog) {
      ms.failures.push(bio);
      wakeup(ms);
    } else {
      const m = defaultMirror(ms);
      bio.bdev = m.dev.bdev;
      bio.sector = mapSector(ms, m, bio);
      ms.ti.submitRemapped(bio);
    }
  }
}

/** hold_bio: kept until the device is reconfigured; failed (or requeued) once suspending. */
function holdBio(ms: MirrorSet, bio: Bio): void {
  if (ms.suspend) {
    bio.end(ms.ti.noflushSuspending() ? "DM_REQUEUE" : "IOERR");
    return;
  }
  ms.holds.push(bio);
  ms.ti.hold(bio);
}

function doFailures(ms: MirrorSet, failures: Bio[]): void {
  for (const bio of failures) {
    if (!ms.logFailure) {
      ms.inSync = false;
      ms.rh.markNosync(bio);
    }
    if (!getValidMirror(ms) || (ms.keepLog && ms.logFailure)) bio.end("IOERR");
    else if (ms.handleErrors && !ms.keepLog) holdBio(ms, bio);
    else bio.end();
  }
}

/** do_mirror: kmirrord's one pass. */
async function doMirror(ms: MirrorSet): Promise<void> {
  const reads = ms.reads.splice(0);
  const writes = ms.writes.splice(0);
  const failures = ms.failures.splice(0);
  await ms.rh.updateStates(ms.handleErrors);
  doRecovery(ms);
  doReads(ms, reads);
  await doWrites(ms, writes);
  doFailures(ms, failures);
}

function createMirrorSet(
  ti: Target<MirrorSet>,
  log: DmDirtyLog,
): Omit<MirrorSet, "mirrors"> & { mirrors: Mirror[] } {
  const nrRegions = Math.ceil(ti.len / log.regionSize);
  const ms = {
    ti,
    mirrors: [] as Mirror[],
    nrRegions,
    log,
    handleErrors: false,
    keepLog: false,
    inSync: false,
    logFailure: false,
    legFailure: false,
    suspend: false,
    defaultMirror: DEFAULT_MIRROR,
    reads: [] as Bio[],
    writes: [] as Bio[],
    failures: [] as Bio[],
    holds: [] as Bio[],
    queued: false,
    running: false,
    again: false,
  } as unknown as MirrorSet;
  (ms as { rh: DmRegionHash }).rh = new DmRegionHash(log, ti.begin, MAX_RECOVERY, {
    dispatchBios: (bios) => {
      if (!bios.length) return;
      ms.writes.push(...bios);
      wakeup(ms);
    },
    wakeupWorkers: () => wakeup(ms),
    changed: (region, state) =>
      ti.traceEvent(
        EV.MIRROR_REGION,
        ti.begin + region * log.regionSize,
        Math.min(log.regionSize, ti.len - region * log.regionSize),
        REGION_CODE[state],
        region,
      ),
  });
  (ms as { kcopyd: DmKcopydClient }).kcopyd = new DmKcopydClient(ti as Target<unknown>);
  return ms;
}

export default defineTarget<MirrorSet>({
  name: "mirror",
  version: [1, 14, 0],
  ctr(t, args) {
    // create_dirty_log
    if (args.length < 2) ctrError("Insufficient mirror log arguments");
    const paramCount = scanU32(args[1]);
    if (paramCount === null) ctrError("Invalid mirror log argument count");
    if (paramCount > args.length - 2) ctrError("Insufficient mirror log arguments");
    let argv = args.slice(2 + paramCount);
    let ms: MirrorSet | null = null;
    let dl: DmDirtyLog;
    try {
      dl = dmDirtyLogCreate(t as Target<unknown>, args[0]!, args.slice(2, 2 + paramCount), () =>
        ms ? mirrorFlush(ms) : Promise.resolve(),
      );
    } catch (err) {
      if (!(err instanceof DirtyLogError) && !(err instanceof Error)) throw err;
      ctrError("Error creating mirror dirty log");
    }
    const nrMirrors = scanU32(argv[0]);
    if (!argv.length || nrMirrors === null || nrMirrors < 2 || nrMirrors > MAX_NR_MIRRORS) {
      dl.dtr();
      ctrError("Invalid number of mirrors");
    }
    argv = argv.slice(1);
    if (argv.length < nrMirrors * 2) {
      dl.dtr();
      ctrError("Too few mirror arguments");
    }
    ms = createMirrorSet(t, dl);
    const fail = (text: string, errno: Errno = "EINVAL"): never => {
      for (const m of ms!.mirrors) t.putDevice(m.dev);
      ms!.kcopyd.destroy();
      dl.dtr();
      ctrError(text, errno);
    };
    for (let i = 0; i < nrMirrors; i++) {
      const offset = scanU64(argv[1]!);
      if (offset === null) fail("Invalid offset");
      let dev: DmDev;
      try {
        dev = t.getDevice(argv[0]!);
      } catch (err) {
        // dm_get_device's errno (ENODEV for a path that is no device).
        return fail("Device lookup failure", err instanceof DmError ? err.errno : "EINVAL");
      }
      ms.mirrors.push({ index: i, dev, offset: offset!, errorCount: 0, errorType: 0 });
      argv = argv.slice(2);
    }
    t.maxIoLen = dl.regionSize;
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    // parse_features
    if (argv.length) {
      const n = scanU32(argv[0]);
      if (n === null) fail("Invalid number of features");
      argv = argv.slice(1);
      if (n! > argv.length) fail("Not enough arguments to support feature count");
      for (let i = 0; i < n!; i++) {
        if (argv[0] === "handle_errors") ms.handleErrors = true;
        else if (argv[0] === "keep_log") ms.keepLog = true;
        else fail("Unrecognised feature requested");
        argv = argv.slice(1);
      }
      if (!ms.handleErrors && ms.keepLog)
        fail("keep_log feature requires the handle_errors feature");
    }
    if (argv.length) fail("Too many mirror arguments");
    t.private = ms;
    wakeup(ms);
  },
  dtr(t) {
    const ms = t.priv;
    ms.kcopyd.destroy();
    for (const m of ms.mirrors) t.putDevice(m.dev);
    ms.log.dtr();
  },
  map(t, bio) {
    const ms = t.priv;
    const rec = record(bio);
    rec.m = null;
    rec.sector = bio.sector;
    if (bio.op !== "READ") {
      rec.writeRegion = ms.rh.bioToRegion(bio);
      queueBio(ms, bio, true);
      return "SUBMITTED";
    }
    if (!ms.log.inSync(ms.rh.bioToRegion(bio))) {
      queueBio(ms, bio, false);
      return "SUBMITTED";
    }
    const m = chooseMirror(ms);
    if (!m) return "KILL";
    rec.m = m;
    bio.bdev = m.dev.bdev;
    bio.sector = mapSector(ms, m, bio);
    return "REMAPPED";
  },
  endIo(t, bio, status: BlkStatus) {
    const ms = t.priv;
    const rec = record(bio);
    if (bio.op !== "READ") {
      if (!isFlushOrDiscard(bio)) ms.rh.dec(rec.writeRegion);
      return "DONE";
    }
    if (status === "NOTSUPP" || status === "OK") {
      rec.m = null;
      return "DONE";
    }
    if (!rec.m) {
      log(ms, "err", "Mirror read failed.");
      return "DONE";
    }
    const m = rec.m;
    log(ms, "err", `Mirror read failed from ${m.dev.name}. Trying alternative device.`);
    failMirror(m, ms, READ_ERROR);
    bio.sector = rec.sector;
    if (!defaultMirror(ms).errorCount || mirrorAvailable(ms, bio)) {
      rec.m = null;
      bio.status = "OK";
      queueBio(ms, bio, false);
      return "INCOMPLETE";
    }
    log(ms, "err", "All replicated volumes dead, failing I/O");
    rec.m = null;
    return "DONE";
  },
  async presuspend(t) {
    const ms = t.priv;
    ms.suspend = true;
    for (const bio of ms.holds.splice(0)) holdBio(ms, bio);
    ms.rh.stopRecovery();
    // wait_event(!dm_rh_recovery_in_flight), then flush_workqueue(kmirrord).
    await t.waitEvent(() => ms.rh.recoveryInFlight <= 0 && !ms.running && !ms.queued);
  },
  async postsuspend(t) {
    try {
      await t.priv.log.postsuspend();
    } catch {
      log(t.priv, "warn", "log postsuspend failed");
    }
  },
  async resume(t) {
    const ms = t.priv;
    ms.suspend = false;
    try {
      await ms.log.resume();
    } catch {
      log(ms, "warn", "log resume failed");
    }
    traceSync(ms);
    ms.rh.startRecovery();
    // kmirrord, woken by dm_rh_start_recovery, runs before the next ioctl reaches the device
    // on Linux (a remove right after the resume then waits for the recovery it started).
    if (ms.queued && !ms.running) void runMirrord(ms);
  },
  status(t, type) {
    const ms = t.priv;
    if (type === "INFO") {
      const devs = ms.mirrors.map((m) => `${m.dev.name} `).join("");
      const health = ms.mirrors.map(statusChar).join("");
      return `${ms.mirrors.length} ${devs}${ms.log.getSyncCount()}/${ms.nrRegions} 1 ${health} ${ms.log.status("INFO")}`;
    }
    let s = ms.log.status("TABLE");
    s += `${ms.mirrors.length}`;
    for (const m of ms.mirrors) s += ` ${m.dev.name} ${m.offset}`;
    const n = (ms.handleErrors ? 1 : 0) + (ms.keepLog ? 1 : 0);
    if (n) {
      s += ` ${n}`;
      if (ms.handleErrors) s += " handle_errors";
      if (ms.keepLog) s += " keep_log";
    }
    return s;
  },
  iterateDevices(t, fn) {
    for (const m of t.priv.mirrors) fn(m.dev, m.offset, t.len);
  },
});
