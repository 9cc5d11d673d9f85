/**
 * The engine: virtual clock, block-device namespace, brd, the device-mapper core and its ioctl
 * interface, the event log and the kernel log. It runs unchanged in Node and in a Web Worker.
 *
 *     const e = new Engine({ seed: 1 });
 *     e.loadBrd(2, 8192);                       // modprobe brd rd_nr=2 rd_size=8192
 *     e.dm.create("a");
 *     e.dm.load("a", "0 16384 linear /dev/ram0 0");
 *     e.dm.resume("a");
 *     await e.write("/dev/mapper/a", 0, data);  // a bio through the stack
 */

import { Bio, type BioHost } from "./bio.ts";
import { RAMDISK_MAJOR, RamDisk, type BioSink, type BlockDevice } from "./blockdev.ts";
import { Clock, Prng, NS_PER_MS, nextTask, type Nanos } from "./clock.ts";
import { DeviceMapper } from "./dm-ioctl.ts";
import { DiskFaults } from "./diskfault.ts";
import { EV, issuerCode, EventLog, opCode, statusCode } from "./events.ts";
import { TargetCallObservers } from "./guard.ts";
import { KernelLog, type LogLevel } from "./klog.ts";
import { LoadGenerators } from "./loadgen.ts";
import { LOOP_MAJOR, LoopControl } from "./loop.ts";
import { ModuleLoader } from "./module.ts";
import { isMappedDevice, reapedBios, type MappedDevice } from "./mapped-device.ts";
import { Storage, type DiskStoreHandle, type StorageHandle } from "./storage.ts";
import type { Target } from "./target.ts";
import { TargetRegistry } from "./registry.ts";
import { BUILTIN_TARGETS } from "./targets/index.ts";
import { DmError, type BioOp, type BlkStatus, type Sector } from "./types.ts";

export interface EngineOptions {
  /** Seeds every random choice the engine makes. */
  seed?: number;
  /** Reattach to disk storage created by another engine (a restarted worker). */
  storage?: StorageHandle;
  /** Event history kept in memory (records; a power of two). */
  eventCapacity?: number;
  /**
   * "eager" (headless): an operation that waits runs the clock forward itself, jumping time.
   * "paced" (the browser): only the owner advances the clock, at a chosen speed.
   */
  drive?: "eager" | "paced";
  /**
   * Virtual nanoseconds each RAM disk bio takes (RamDisk.latency). 0, the default, completes
   * bios inline: headless runs and golden outputs. The browser picks a small latency so that
   * bios visibly take time.
   */
  ramDiskLatency?: number;
}

export interface FaultRecord {
  time: number;
  device: string;
  target: number;
  bio: number;
  what: string;
}

/** Task turns a waiting process gives the others to reach their own waits (Engine.#sharedWait). */
const SHARED_WAIT_SPINS = 64;

export class Engine implements BioHost, BioSink {
  readonly clock = new Clock();
  readonly rng: Prng;
  readonly events: EventLog;
  readonly klog = new KernelLog();
  readonly storage: Storage;
  /** Observers of every call into target code (guard.ts): the debugger, contract checks... */
  readonly targetCalls = new TargetCallObservers();
  readonly targets = new TargetRegistry(this.targetCalls, (md, t, bio, what) =>
    this.fault(md, t, bio, what),
  );
  readonly dm: DeviceMapper;
  readonly load: LoadGenerators;
  /** The loop driver and /dev/loop-control (loop.ts): `modprobe loop`, losetup. */
  readonly loop: LoopControl;
  /** Loadable target modules: insmod, rmmod, lsmod, hot reload (module.ts). */
  readonly modules: ModuleLoader;
  /** Every block device by dev number. */
  readonly devices = new Map<number, BlockDevice>();
  ramDisks: RamDisk[] = [];
  brdLoaded = false;
  readonly faults: FaultRecord[] = [];
  /** Disk fault rules on RAM disks and loop devices (diskfault.ts; dm-playground's own). */
  readonly diskFaults: DiskFaults;
  drive: "eager" | "paced";
  readonly ramDiskLatency: number;
  #bioId = 0;
  #diskseq = 0;
  #waiters: Array<() => boolean> = [];

  constructor(opts: EngineOptions = {}) {
    this.rng = new Prng(opts.seed ?? 1);
    this.events = new EventLog(opts.eventCapacity ?? 1 << 16);
    this.diskFaults = new DiskFaults(this, opts.seed ?? 1);
    this.storage = new Storage(opts.storage);
    this.drive = opts.drive ?? "eager";
    this.ramDiskLatency = opts.ramDiskLatency ?? 0;
    for (const [type, module, builtin] of BUILTIN_TARGETS)
      this.targets.register(type, module, builtin);
    this.dm = new DeviceMapper(this);
    this.load = new LoadGenerators(this);
    this.loop = new LoopControl({
      devices: this.devices,
      ramDiskLatency: this.ramDiskLatency,
      nextDiskseq: () => this.nextDiskseq(),
      schedule: (delay, fn) => this.clock.schedule(delay, fn),
      log: (level, text) => this.log(level, text),
      // A bound loop device is a disk for the page's picture (docs/events.md: disk_create).
      diskEvent: (d, present) =>
        this.events.emit(
          present ? EV.DISK_CREATE : EV.DISK_REMOVE,
          this.now,
          0,
          d.dev,
          0,
          present ? d.sizeSectors : 0,
          0,
          this.events.intern(d.name),
        ),
    });
    this.modules = new ModuleLoader(this);
  }

  get now(): number {
    return this.clock.now;
  }

  nextBioId(): number {
    return ++this.#bioId;
  }

  log(level: LogLevel, text: string): void {
    this.klog.printk(this.clock.now, level, text);
  }

  // ---- faults -------------------------------------------------------------------------------

  doubleEnd(bio: Bio): void {
    const md = bio.parent ? this.#mdOf(bio) : undefined;
    this.#recordFault(
      md?.dmName ?? bio.bdev.name,
      -1,
      bio.id,
      `bio ${bio.id} was ended twice`,
      md?.dev ?? bio.bdev.dev,
    );
  }

  #mdOf(bio: Bio): MappedDevice | undefined {
    for (let b: Bio | null = bio.parent; b; b = b.parent) {
      const d = this.devices.get(b.bdev.dev);
      if (isMappedDevice(d)) return d;
    }
    return undefined;
  }

  fault(md: MappedDevice, t: Target | null, bio: Bio | null, what: string): void {
    this.#recordFault(md.dmName, t?.index ?? -1, bio?.id ?? 0, what, md.dev);
    this.log(
      "err",
      `device-mapper: ${t?.type.name ?? "core"}: ${md.devName}: target fault: ${what}`,
    );
  }

  #recordFault(device: string, target: number, bio: number, what: string, dev: number): void {
    this.faults.push({ time: this.now, device, target, bio, what });
    this.events.emit(EV.TARGET_FAULT, this.now, bio, dev, 0, 0, target, this.events.intern(what));
  }

  ended(b: Bio): void {
    const ev = this.events;
    if (ev.bioEvents)
      ev.emit(
        EV.BIO_COMPLETE,
        this.now,
        b.id,
        b.bdev.dev,
        b.sector,
        b.sectors,
        statusCode(b.status),
        this.now - b.startedAt,
      );
  }

  klogErr(text: string): void {
    this.klog.ratelimited(this.now, "err", text, text);
  }

  // ---- devices ------------------------------------------------------------------------------

  /** modprobe brd rd_nr=N rd_size=KiB. Loading it again changes nothing, as in Linux. */
  loadBrd(nr = 16, sizeKiB = 4096, handles?: DiskStoreHandle[]): void {
    if (this.brdLoaded) return;
    this.brdLoaded = true;
    this.#brdSizeKiB = sizeKiB;
    for (let i = 0; i < nr; i++) this.#brdAlloc(i, handles?.[i]);
    this.log("info", "brd: module loaded");
  }

  /** rd_size of the loaded brd, in KiB (the size of every RAM disk it makes). */
  #brdSizeKiB = 0;

  /**
   * inc_diskseq (block/genhd.c): the next disk sequence number, from 1. Every disk allocated
   * takes one (brd, loop, dm alike) and so does a loop device's media change (bind, detach).
   */
  nextDiskseq(): number {
    return ++this.#diskseq;
  }

  /** brd_alloc: RAM disk `i` (/dev/ramI, 1:I). */
  #brdAlloc(i: number, handle?: DiskStoreHandle): RamDisk {
    const d = new RamDisk(
      i,
      this.#brdSizeKiB * 2,
      this.storage,
      (delay, fn) => this.clock.schedule(delay, fn),
      handle,
    );
    d.latency = this.ramDiskLatency;
    d.diskseq = this.nextDiskseq();
    this.ramDisks.push(d);
    this.devices.set(d.dev, d);
    this.events.emit(
      EV.DISK_CREATE,
      this.now,
      0,
      d.dev,
      0,
      d.sizeSectors,
      0,
      this.events.intern(d.name),
    );
    return d;
  }

  /**
   * blkdev_get_by_dev of a device number (dm_get_device's "major:minor"): the device, or, when
   * nothing has the number yet, what blk_request_module's probe makes: brd_probe creates RAM
   * disk N for 1:N (max_part 1) while brd is loaded, loop_probe loop device N for 7:N while
   * loop is loaded, and blkdev_get_no_open warns that
   * autoloading is deprecated (6.1.192, kernel tool: `linear 1:20 0` with rd_nr=2 makes ram20).
   * Module autoloading itself (request_module) does not happen: brd must be loaded.
   */
  blkdevGetByDev(major: number, minor: number): BlockDevice | undefined {
    const found = this.lookup(`${major}:${minor}`);
    if (found) return found;
    let d: BlockDevice | undefined;
    if (major === RAMDISK_MAJOR && this.brdLoaded && minor < 1 << 20) d = this.#brdAlloc(minor);
    // loop_probe likewise (an unbound loop device: 0 sectors, which a table may map).
    else if (major === LOOP_MAJOR) d = this.loop.probe(minor);
    if (!d) return undefined;
    this.klog.ratelimited(
      this.now,
      "warn",
      "blkdev_autoload",
      "block device autoloading is deprecated and will be removed.",
    );
    return d;
  }

  /** rmmod brd: fails while a disk is open. */
  unloadBrd(): void {
    if (this.ramDisks.some((d) => d.openCount > 0)) throw new DmError("EBUSY");
    for (const d of this.ramDisks) {
      d.disk.release();
      this.devices.delete(d.dev);
      this.events.emit(EV.DISK_REMOVE, this.now, 0, d.dev, 0, 0, 0, this.events.intern(d.name));
    }
    this.ramDisks = [];
    this.brdLoaded = false;
  }

  /**
   * Resolve a device path as lookup_bdev would: /dev/ramN, /dev/dm-N, /dev/mapper/NAME, or
   * "major:minor" (as dm_get_device also accepts).
   */
  lookup(path: string): BlockDevice | undefined {
    const mm = /^(\d+):(\d+)$/.exec(path);
    if (mm) {
      const major = Number(mm[1]);
      const minor = Number(mm[2]);
      for (const d of this.devices.values()) if (d.major === major && d.minor === minor) return d;
      return undefined;
    }
    const p = normalizePath(path);
    const mapper = /^\/dev\/mapper\/(.+)$/.exec(p);
    if (mapper) return this.dm.byName(mapper[1]!);
    const m = /^\/dev\/([^/]+)$/.exec(p);
    if (!m) return undefined;
    for (const d of this.devices.values()) if (d.name === m[1]) return d;
    return undefined;
  }

  // ---- the I/O path -------------------------------------------------------------------------

  /**
   * blkdev_put: one opener (a process, or a table holding the device) lets go of `b`. At a
   * mapped device's last close, a deferred removal happens (dm_blk_close -> dm_deferred_remove).
   */
  blkdevPut(b: BlockDevice): void {
    b.openCount = Math.max(0, b.openCount - 1);
    if (b.openCount === 0 && isMappedDevice(b) && b.deferredRemove) this.dm.deferredRemove();
  }

  /** submit_bio: check the bio fits the device, record it, hand it to the device. */
  submitBio(bio: Bio): void {
    const bdev = this.devices.get(bio.bdev.dev);
    const ev = this.events;
    if (ev.bioEvents) {
      ev.emit(
        EV.BIO_SUBMIT,
        this.now,
        bio.id,
        bio.bdev.dev,
        bio.sector,
        bio.sectors,
        opCode(bio.op) | (bio.flags << 8),
        bio.parent ? bio.parent.id : bio.issuer ? issuerCode(bio.issuer.dev, bio.issuer.target) : 0,
      );
    }
    bio.startedAt = this.now;
    if (!bdev) {
      bio.end("IOERR");
      return;
    }
    if (
      bdev.readOnly &&
      (bio.op === "WRITE" || bio.op === "DISCARD" || bio.op === "WRITE_ZEROES")
    ) {
      // bio_check_ro: 6.1 warns and lets the write through ("Older lvm-tools actually trigger this").
      this.log("warn", `Trying to write to read-only block-device ${bdev.name}`);
    }
    if (bio.op === "WRITE" || bio.op === "DISCARD" || bio.op === "WRITE_ZEROES")
      bdev.writeGeneration++;
    const faults = this.diskFaults;
    const size = bdev.sizeSectors;
    if (bio.sectors > 0 && (bio.sector + bio.sectors > size || bio.sector < 0)) {
      // bio_check_eod
      this.klog.ratelimited(
        this.now,
        "info",
        "eod",
        `attempt to access beyond end of device\n${bdev.name}: rw=${rwFlags(bio)}, sector=${bio.sector}, nr_sectors = ${bio.sectors} limit=${size}`,
      );
      if (bio.parent) {
        const md = this.#mdOf(bio);
        if (md)
          this.#recordFault(
            md.dmName,
            -1,
            bio.id,
            `remapped past the end of ${bdev.name}: sector ${bio.sector} + ${bio.sectors} > ${size}`,
            md.dev,
          );
      }
      bio.end("IOERR");
      return;
    }
    // submit_bio_noacct: a discard or write-zeroes a queue does not take fails with
    // BLK_STS_NOTSUPP. (Linux also drops PREFLUSH and FUA at a queue without a volatile write
    // cache; here flushes travel down the stack: README, Differences.)
    if (
      (bio.op === "DISCARD" && !bdev.limits.maxDiscardSectors) ||
      (bio.op === "WRITE_ZEROES" && !bdev.limits.maxWriteZeroesSectors)
    ) {
      bio.end("NOTSUPP");
      return;
    }
    // A disk fault rule may take a bio that reached a disk (never a mapped device).
    if (faults.armed && !isMappedDevice(bdev) && faults.intercept(bdev, bio)) return;
    bdev.handleBio(bio);
  }

  // ---- waiting: processes and suspends ---------------------------------------------------------

  /** Processes waiting in waitFor (the paced driver stops the clock when one resumes). */
  get waiting(): number {
    return this.#waiters.length;
  }

  /** Something changed that a waiter may be waiting for. */
  wake(): void {
    if (this.#waiters.length === 0) return;
    this.#waiters = this.#waiters.filter((w) => !w());
  }

  /**
   * Resolve when `cond` holds. In eager mode the clock runs forward (jumping virtual time) while
   * it does not; when nothing is left to run, targets that own bios they can never end are
   * reported and those bios failed; if `cond` still does not hold, the wait continues until
   * another actor (a background job, the UI) changes the state.
   *
   * When a target's awaited metadata I/O ends (`Clock.requestYield`), the clock stops and the
   * current task ends before the next entry runs: the target's continuation acts at that
   * virtual instant, as it does under the paced driver.
   */
  waitFor(cond: () => boolean): Promise<void> {
    if (cond()) return Promise.resolve();
    if (this.drive === "eager" && this.eagerPeers?.othersRunning()) return this.#sharedWait(cond);
    if (this.drive === "eager") {
      this.settle(cond, true);
      if (cond()) return Promise.resolve();
      if (this.clock.yieldRequested) return this.#eagerWait(cond);
    }
    return this.#park(cond);
  }

  /**
   * Eager waitFor while other processes run (a shell's background jobs): time moves one instant
   * at a time, and only after every other process has run to its own blocking point (a task
   * boundary), never past the earliest sleeper's wake-up, so a process waiting on I/O does not
   * carry virtual time past what the others asked for (a `sleep 1` beside a write queued for
   * 60 s wakes at 1 s, as on Linux).
   */
  async #sharedWait(cond: () => boolean): Promise<void> {
    const c = this.clock;
    const peers = this.eagerPeers!;
    this.#sharedWaiters++;
    try {
      let spins = 0;
      for (;;) {
        // Everything due at this instant, and the continuations it wakes.
        this.settle(() => cond() || c.nextAt === undefined || c.nextAt > c.now, true);
        if (cond()) return;
        if (c.takeYield()) {
          await nextTask();
          this.wake();
          continue;
        }
        const before = c.now;
        await nextTask();
        this.wake();
        if (cond()) return;
        // Another process moved time meanwhile: run that instant first.
        if (c.now !== before) continue;
        if (!peers.othersRunning()) return await this.waitFor(cond);
        // Others still run at this instant: let them reach their own waits first (bounded, so
        // a process blocked in a way no one counts cannot stop time for good).
        if (!peers.allBlocked(this.#sharedWaiters) && ++spins < SHARED_WAIT_SPINS) continue;
        spins = 0;
        const sleeper = peers.nextWakeup();
        const at = c.foreground > 0 ? c.nextAt : undefined;
        if (sleeper !== undefined && (at === undefined || sleeper < at)) {
          c.runUntil(Math.max(c.now, sleeper));
          peers.wakeSleepers();
          this.wake();
          continue;
        }
        if (at !== undefined) {
          c.step();
          this.wake();
          continue;
        }
        // Nothing scheduled: bios no one can end are failed, or the others must act first.
        if (this.#reapOrphans()) continue;
        return await this.#park(cond);
      }
    } finally {
      this.#sharedWaiters--;
    }
  }

  /** Processes in #sharedWait now. */
  #sharedWaiters = 0;

  /**
   * Set by a shell under the eager drive: whether other processes (background jobs) run beside
   * the one that waits, when the earliest sleeper wakes (virtual ns), and a call that wakes the
   * sleepers whose time has come. null: one process, the clock jumps freely.
   */
  eagerPeers: {
    othersRunning(): boolean;
    /** Whether every process sleeps or waits, given `engineWaiters` waiting on the engine. */
    allBlocked(engineWaiters: number): boolean;
    nextWakeup(): Nanos | undefined;
    wakeSleepers(): void;
  } | null = null;

  /** Eager waitFor across yields: let continuations run, then run the clock again. */
  async #eagerWait(cond: () => boolean): Promise<void> {
    while (this.clock.takeYield()) {
      await nextTask();
      this.wake();
      if (cond()) return;
      this.settle(cond, true);
      if (cond()) return;
    }
    return this.#park(cond);
  }

  #park(cond: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(() => {
        if (!cond()) return false;
        resolve();
        return true;
      });
    });
  }

  /**
   * Run the clock until idle (or `until` holds), then reap bios no one can ever end. Idle means
   * no foreground entries: a running load generator alone does not keep the engine busy.
   *
   * A pending continuation (`Clock.requestYield`) may still end the bios its target owns, so
   * nothing is reaped while one is; `stopAtYield` also stops the clock there (callers that can
   * await use `settled()`).
   */
  settle(until?: () => boolean, stopAtYield = false): void {
    const c = this.clock;
    for (;;) {
      while (
        (!until || !until()) &&
        c.foreground > 0 &&
        !(stopAtYield && c.yieldRequested) &&
        c.step()
      )
        this.wake();
      if (until?.()) return;
      if (c.yieldRequested) return;
      if (!this.#reapOrphans()) return;
    }
  }

  /**
   * settle, awaiting continuations: run the clock until nothing is left to run, letting every
   * target continuation woken on the way act at its virtual instant (eager drive; the paced
   * driver does the same as it goes). Resolves with the engine idle.
   */
  async settled(): Promise<void> {
    for (;;) {
      this.settle(undefined, true);
      if (!this.clock.takeYield()) return;
      await nextTask();
      this.wake();
    }
  }

  /** SUBMITTED clones whose target can no longer end them (nothing scheduled): fail them. */
  #reapOrphans(): boolean {
    let reaped = false;
    for (const md of this.dm.list()) {
      for (const [bio, t] of [...md.owned]) {
        md.owned.delete(bio);
        if (bio.ended) continue;
        this.fault(md, t, bio, `bio ${bio.id} was SUBMITTED but never ended`);
        reapedBios.add(bio);
        bio.end("IOERR");
        reaped = true;
      }
    }
    if (reaped) this.wake();
    return reaped;
  }

  /** Advance virtual time by `ns` (sleep). */
  async sleep(ns: number): Promise<void> {
    const until = this.now + ns;
    if (this.drive === "eager") {
      const c = this.clock;
      for (;;) {
        while (!c.yieldRequested && c.nextAt !== undefined && c.nextAt <= until) c.step();
        if (!c.takeYield()) break;
        this.wake();
        await nextTask();
      }
      c.runUntil(until);
      this.wake();
      return;
    }
    // Paced: the wake-up is a clock entry, so the sleeper resumes at exactly `until` whatever
    // the speed, and a clock with nothing else to do still has a reason to run.
    let due = false;
    this.clock.schedule(ns, () => {
      due = true;
    });
    await this.waitFor(() => due);
  }

  /**
   * A process's I/O: one bio to `path`, resolved with its status when it ends. The caller
   * decides sizes: `sectors` for data-less ops, `data.length / 512` otherwise. `reqFlags`: the
   * bio's other bi_opf bits with Linux's values (blk-mq.ts LINUX_REQ: REQ_SYNC for O_DIRECT...).
   */
  async io(
    bdev: BlockDevice,
    op: BioOp,
    sector: Sector,
    data: Uint8Array | null,
    sectors?: number,
    flags = 0,
    reqFlags = 0,
  ): Promise<BlkStatus> {
    let done = false;
    const bio = new Bio(
      this,
      op,
      bdev,
      sector,
      data ? data.length / 512 : (sectors ?? 0),
      data,
      flags,
      null,
      () => {
        done = true;
      },
    );
    bio.reqFlags = reqFlags;
    this.submitBio(bio);
    await this.waitFor(() => done);
    return bio.status;
  }

  /** Read `length` bytes at byte `offset` of the device at `path` (must be sector-aligned). */
  async read(path: string, offset: number, length: number): Promise<Uint8Array> {
    const bdev = this.#mustLookup(path);
    const data = new Uint8Array(length);
    const st = await this.io(bdev, "READ", offset / 512, data);
    if (st !== "OK") throw new DmError("EIO");
    return data;
  }

  async write(path: string, offset: number, data: Uint8Array): Promise<void> {
    const bdev = this.#mustLookup(path);
    const st = await this.io(bdev, "WRITE", offset / 512, data);
    if (st !== "OK") throw new DmError("EIO");
  }

  #mustLookup(path: string): BlockDevice {
    const d = this.lookup(path);
    if (!d) throw new DmError("ENOENT");
    return d;
  }
}

function normalizePath(p: string): string {
  return p.replace(/\/+/g, "/").replace(/\/$/, "");
}

function rwFlags(bio: Bio): number {
  return bio.op === "WRITE" ? 1 : bio.op === "READ" ? 0 : opCode(bio.op);
}

export { NS_PER_MS };
