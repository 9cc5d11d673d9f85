/**
 * struct mapped_device and the bio-based I/O path of drivers/md/dm.c.
 *
 * A bio submitted to a mapped device is deferred while the device is suspended, otherwise split
 * at target boundaries and at each target's max_io_len; every piece is cloned and handed to
 * its target's map. What map returns decides the clone's fate:
 *
 *   REMAPPED       the core submits the clone where the target pointed it
 *   SUBMITTED      the target owns the clone and ends it later
 *   KILL           the piece fails with an I/O error
 *   REQUEUE        the piece is pushed back: retried after resume if a noflush suspend is under
 *                  way, otherwise it fails
 *   DELAY_REQUEUE  request-based only; in bio-based dm it hits BUG(). Here: a target fault.
 *
 * The original bio (the dm_io) completes when its last clone has ended, with the first error
 * any clone reported.
 */

import { DmStats, type DmStatsAux } from "./dm-stats.ts";
import type { Bio } from "./bio.ts";
import { BlockDevice, DM_MAJOR } from "./blockdev.ts";
import { EV, endIoCode, mapCode, statusCode, type EventLog } from "./events.ts";
import type { Table } from "./dm-table.ts";
import type { Target } from "./target.ts";
import {
  REQ_PREFLUSH,
  type BlkStatus,
  type EndIoResult,
  type MapState,
  type Sector,
} from "./types.ts";

/** What the I/O path needs from the engine. */
export interface IoHost {
  readonly now: number;
  readonly events: EventLog;
  submitBio(bio: Bio): void;
  /** A target broke a rule; `bio` (if any) has been or will be failed by the caller. */
  fault(md: MappedDevice, t: Target | null, bio: Bio | null, what: string): void;
  klogErr(text: string): void;
  log(level: "warn", text: string): void;
  /** Something a suspend or a process may be waiting for changed. */
  wake(): void;
}

/** One bio submitted to the mapped device, tracked until all its clones end (struct dm_io). */
class DmIo {
  pending = 1;
  status: BlkStatus = "OK";
  /** dm-stats bookkeeping, when statistics regions exist (dm_io_acct). */
  statsAux: DmStatsAux | null = null;
  /** The disk's I/O accounting of this io: its stat group and the pieces counted there. */
  acctGroup = 0;
  acctPieces = 0;
  acctStart = 0;
  constructor(
    readonly bio: Bio,
    readonly table: Table,
  ) {}
}

export class MappedDevice extends BlockDevice {
  /** The dm name (/dev/mapper/<name>). */
  dmName: string;
  uuid: string;
  live: Table | null = null;
  inactive: Table | null = null;
  /** DMF_SUSPENDED: a suspend completed and no resume yet. */
  suspended = false;
  /**
   * DMF_SUSPENDED_INTERNALLY: suspended by another target (dm_internal_suspend_noflush: a pool
   * suspends its active thin devices), not by userspace: `dmsetup info` still says ACTIVE.
   */
  suspendedInternally = false;
  /** md->internal_suspend_count: internal suspends not yet resumed (they nest). */
  internalSuspendCount = 0;
  /** DMF_BLOCK_IO_FOR_SUSPEND: new bios are queued, not mapped. */
  blockIo = false;
  /** DMF_NOFLUSH_SUSPENDING: a noflush suspend is waiting for in-flight I/O. */
  noflushSuspending = false;
  eventNr = 0;
  /**
   * md->holders beyond the device's own: references taken by other targets through dm_get_md
   * (dm.ts) and not yet put. While there are some, remove fails with EBUSY.
   */
  references = 0;
  /** md->type: NONE until the first table load that succeeds sets up the queue (dm_setup_md_queue). */
  type: "NONE" | "BIO_BASED" = "NONE";
  /** Bios held while suspended, re-driven on resume (md->deferred). */
  deferred: Bio[] = [];
  /** md->table_devices: how many of this device's tables hold each device (by dev number). */
  readonly tableDevices = new Map<number, number>();
  /** DMF_DEFERRED_REMOVE: `dmsetup remove --deferred` while open; removed at the last close. */
  deferredRemove = false;
  /** I/O statistics regions (dm-stats.c), set up by `@stats_create` messages. */
  readonly stats = new DmStats();
  /** dm_ios between submission and completion (md->pending). */
  inFlight = 0;
  readonly #inFlightRw: [number, number] = [0, 0];
  /**
   * The disk's part_stat (dm_io_acct -> bdev_start_io_acct / bdev_end_io_acct), by stat group
   * (read, write, discard, flush): I/Os, sectors, and virtual ns spent; io_ticks in virtual ns.
   * dm accounts each piece it splits a bio into (at a target's end or its max_io_len) as an
   * I/O of its own; an empty flush reaches dm only when the device has a write cache.
   */
  readonly partStat = {
    ios: [0, 0, 0, 0],
    sectors: [0, 0, 0, 0],
    nsecs: [0, 0, 0, 0],
    ioTicks: 0,
  };
  #busySince = 0;

  /** part_in_flight_rw: I/Os begun and not ended, [reads, writes] (sysfs' inflight). */
  inFlightRw(): [number, number] {
    return [...this.#inFlightRw];
  }

  /**
   * /sys/block/dm-N/stat (part_stat_show): the 17 fields, times in ms of virtual time.
   */
  statLine(): string {
    const s = this.partStat;
    const ms = (ns: number): number => Math.floor(ns / 1e6);
    const inflight = this.#inFlightRw[0] + this.#inFlightRw[1];
    const ticks = s.ioTicks + (inflight ? this.#host.now - this.#busySince : 0);
    const f = [
      s.ios[0]!,
      0,
      s.sectors[0]!,
      ms(s.nsecs[0]!),
      s.ios[1]!,
      0,
      s.sectors[1]!,
      ms(s.nsecs[1]!),
      inflight,
      ms(ticks),
      ms(s.nsecs[0]! + s.nsecs[1]! + s.nsecs[2]! + s.nsecs[3]!),
      s.ios[2]!,
      0,
      s.sectors[2]!,
      ms(s.nsecs[2]!),
      s.ios[3]!,
      ms(s.nsecs[3]!),
    ];
    return `${f.map((n) => String(n).padStart(8)).join(" ")}\n`;
  }

  /** bdev_start_io_acct for one piece of `io` of `sectors`. */
  #acct(io: DmIo, group: number, sectors: number): void {
    io.acctGroup = group;
    io.acctPieces++;
    this.partStat.ios[group]!++;
    this.partStat.sectors[group]! += sectors;
  }
  /** Clones a target took ownership of (SUBMITTED) and has not ended yet. */
  readonly owned = new Map<Bio, Target>();
  readonly #host: IoHost;
  /** One completion handler for all clones; the clone carries its dm_io and target. */
  readonly #onCloneEnd = (c: Bio): void =>
    this.#cloneEndio(c.dmIo as DmIo, c.dmTarget as Target, c);

  constructor(host: IoHost, minor: number, name: string, uuid: string) {
    super(DM_MAJOR, minor, `dm-${minor}`);
    this.#host = host;
    this.dmName = name;
    this.uuid = uuid;
  }

  get sizeSectors(): Sector {
    return this.live ? this.live.size : 0;
  }

  handleBio(bio: Bio): void {
    if (stackDepth(bio) > MAX_STACK_DEPTH) {
      // A table that maps onto itself (Linux 6.1 accepts it): Linux would resubmit the bio to
      // the same device for ever; here it fails once it has gone round too often.
      this.#host.klogErr(
        `device-mapper: core: ${this.devName}: bio went through more than ${MAX_STACK_DEPTH} stacked devices (a table that maps onto itself?), erroring io`,
      );
      bio.end("IOERR");
      return;
    }
    const map = this.live;
    if (!map) {
      this.#host.klogErr(
        `device-mapper: core: ${this.devName}: mapping table unavailable, erroring io`,
      );
      bio.end("IOERR");
      return;
    }
    if (this.blockIo) {
      this.deferred.push(bio);
      this.#emit(EV.BIO_DEFER, bio, 0, 0);
      return;
    }
    this.#process(bio, map);
  }

  /** Re-drive deferred bios (dm_wq_work after resume). */
  redriveDeferred(): void {
    while (!this.blockIo && this.deferred.length) {
      const bio = this.deferred.shift()!;
      this.#emit(EV.BIO_REDRIVE, bio, 0, 0);
      const map = this.live;
      if (!map) bio.end("IOERR");
      else this.#process(bio, map);
    }
  }

  #emit(type: (typeof EV)[keyof typeof EV], bio: Bio, a: number, b: number): void {
    const ev = this.#host.events;
    if (ev.bioEvents)
      ev.emit(type, this.#host.now, bio.id, this.dev, bio.sector, bio.sectors, a, b);
  }

  /** dm_split_and_process_bio. */
  #process(bio: Bio, map: Table): void {
    const io = new DmIo(bio, map);
    io.acctStart = this.#host.now;
    this.inFlight++;
    if (this.#inFlightRw[0] + this.#inFlightRw[1] === 0) this.#busySince = this.#host.now;
    this.#inFlightRw[bio.op === "READ" ? 0 : 1]++;
    if (this.stats.used && bio.sectors > 0) {
      // dm_start_io_acct
      io.statsAux = { merged: false, startNs: 0 };
      this.stats.accountIo(
        bio.op === "READ" ? 0 : 1,
        bio.sector,
        bio.sectors,
        false,
        this.#host.now,
        io.statsAux,
      );
    }
    if (bio.isEmptyFlush || (bio.flags & REQ_PREFLUSH) !== 0) {
      this.#sendEmptyFlush(io, map);
    } else if (bio.op === "DISCARD" || bio.op === "WRITE_ZEROES") {
      this.#splitAndMap(io, map, true);
    } else {
      this.#splitAndMap(io, map, false);
    }
    this.#decPending(io, "OK");
  }

  #sendEmptyFlush(io: DmIo, map: Table): void {
    // Without a write cache submit_bio_noacct strips REQ_PREFLUSH (an empty flush ends there):
    // only a device with one accounts the flush, as a write of 0 sectors (blkdev_issue_flush's
    // bio is REQ_OP_WRITE | REQ_PREFLUSH; STAT_FLUSH is blk-mq's).
    if (this.writeCache) this.#acct(io, 1, 0);
    for (const ti of map.targets) {
      for (let n = 0; n < ti.numFlushBios; n++) {
        const clone = io.bio.clone(io.bio.sector, 0);
        clone.op = "FLUSH";
        clone.flags |= REQ_PREFLUSH;
        clone.data = null;
        clone.sector = ti.begin;
        clone.targetBioNr = n;
        this.#mapClone(io, ti, clone);
      }
    }
  }

  #splitAndMap(io: DmIo, map: Table, abnormal: boolean): void {
    const bio = io.bio;
    let sector = bio.sector;
    let remaining = bio.sectors;
    while (remaining > 0) {
      if (sector !== bio.sector && this.readOnly && bio.op !== "READ") {
        // The remainder after a split is resubmitted (submit_bio_noacct): bio_check_ro again.
        this.#host.log("warn", `Trying to write to read-only block-device ${this.name}`);
      }
      const ti = map.findTarget(sector);
      if (!ti) {
        io.status = "IOERR";
        return;
      }
      const targetLeft = ti.begin + ti.len - sector;
      let len = Math.min(remaining, targetLeft);
      let reason = 0;
      if (!abnormal && ti.maxIoLen) {
        const off = sector - ti.begin;
        const boundary = ti.maxIoLen - (off % ti.maxIoLen);
        if (boundary < len) {
          len = boundary;
          reason = 1;
        }
      }
      if (abnormal) {
        const num = bio.op === "DISCARD" ? ti.numDiscardBios : ti.numWriteZeroesBios;
        if (num === 0) {
          // __process_abnormal_io: the target cannot do it.
          this.#accumulate(io, "NOTSUPP");
          sector += len;
          remaining -= len;
          continue;
        }
      }
      // Discards and write-zeroes go to a target num_*_bios times, whole (__send_changing_extent_only).
      const copies = abnormal
        ? bio.op === "DISCARD"
          ? ti.numDiscardBios
          : ti.numWriteZeroesBios
        : 1;
      this.#acct(io, bio.op === "READ" ? 0 : bio.op === "DISCARD" ? 2 : 1, len);
      for (let n = 0; n < copies; n++) {
        const clone = bio.clone(sector, len);
        clone.targetBioNr = n;
        if (len !== bio.sectors) this.#emit(EV.BIO_SPLIT, clone, bio.id, reason);
        this.#mapClone(io, ti, clone);
      }
      sector += len;
      remaining -= len;
    }
  }

  /** __map_bio. */
  #mapClone(io: DmIo, ti: Target, clone: Bio): void {
    io.pending++;
    this.#emit(EV.BIO_CLONE, clone, io.bio.id, ti.index);
    clone.dmIo = io;
    clone.dmTarget = ti;
    clone.onEnd = this.#onCloneEnd;
    const sector = clone.sector;
    const r: MapState = ti.guard.map(this, ti, clone);
    const ev = this.#host.events;
    if (ev.bioEvents)
      ev.emit(
        EV.BIO_MAP,
        this.#host.now,
        clone.id,
        this.dev,
        sector,
        clone.sectors,
        mapCode(r),
        ti.index,
      );
    switch (r) {
      case "SUBMITTED":
        if (!clone.ended) this.owned.set(clone, ti);
        break;
      case "REMAPPED":
        this.submitRemapped(ti, clone);
        break;
      case "KILL":
        clone.onEnd = null;
        this.#decPending(io, "IOERR");
        break;
      case "REQUEUE":
        clone.onEnd = null;
        this.#decPending(io, "DM_REQUEUE");
        break;
      case "DELAY_REQUEUE":
        this.#host.fault(
          this,
          ti,
          clone,
          "map returned DM_MAPIO_DELAY_REQUEUE, which bio-based dm does not support (kernel BUG)",
        );
        clone.onEnd = null;
        this.#decPending(io, "IOERR");
        break;
    }
  }

  /** dm_submit_bio_remap: the clone goes to the device the target pointed it at. */
  submitRemapped(ti: Target, clone: Bio): void {
    if (this.owned.size) this.owned.delete(clone);
    const ev = this.#host.events;
    if (ev.bioEvents)
      ev.emit(
        EV.BIO_REMAP,
        this.#host.now,
        clone.id,
        clone.bdev.dev,
        clone.sector,
        clone.sectors,
        this.dev,
        ti.index,
      );
    this.#host.submitBio(clone);
  }

  /** clone_endio. */
  #cloneEndio(io: DmIo, ti: Target, clone: Bio): void {
    if (this.owned.size) this.owned.delete(clone);
    let status = clone.status;
    let r: EndIoResult = "DONE";
    if (ti.type.endIo) {
      r = ti.guard.endIo(this, ti, clone, status);
      status = clone.status;
    }
    const ev = this.#host.events;
    if (ev.bioEvents)
      ev.emit(
        EV.BIO_ENDIO,
        this.#host.now,
        clone.id,
        this.dev,
        clone.sector,
        clone.sectors,
        statusCode(status),
        endIoCode(r),
      );
    if (r === "INCOMPLETE" && reapedBios.has(clone)) {
      // The engine already failed this clone for a target that kept it and never ended it: a
      // second INCOMPLETE would keep it for ever. It completes now, failed.
      this.#host.fault(
        this,
        ti,
        clone,
        `end_io returned INCOMPLETE for bio ${clone.id} the engine had to end`,
      );
      r = "DONE";
      status = "IOERR";
    }
    if (r === "INCOMPLETE") {
      // The target keeps the clone and will end it again.
      clone.reopen();
      this.owned.set(clone, ti);
      return;
    }
    if (r === "REQUEUE") status = "DM_REQUEUE";
    this.#decPending(io, status);
  }

  #accumulate(io: DmIo, status: BlkStatus): void {
    if (status === "OK") return;
    if (io.status === "DM_REQUEUE" && this.noflushSuspending) return;
    if (io.status === "OK" || status === "DM_REQUEUE") io.status = status;
  }

  /** dm_io_dec_pending. */
  #decPending(io: DmIo, status: BlkStatus): void {
    this.#accumulate(io, status);
    if (--io.pending > 0) return;
    this.#complete(io);
  }

  /** __dm_io_complete. */
  #complete(io: DmIo): void {
    const bio = io.bio;
    this.inFlight--;
    this.#inFlightRw[bio.op === "READ" ? 0 : 1]--;
    const now = this.#host.now;
    if (this.#inFlightRw[0] + this.#inFlightRw[1] === 0)
      this.partStat.ioTicks += now - this.#busySince;
    // bdev_end_io_acct, each piece: the time since the io began.
    this.partStat.nsecs[io.acctGroup]! += (now - io.acctStart) * io.acctPieces;
    if (io.status === "DM_REQUEUE") {
      if (this.noflushSuspending || this.blockIo) {
        // Pushed back: it goes first when the device resumes.
        this.deferred.unshift(bio);
        this.#emit(EV.BIO_REQUEUE, bio, 0, 0);
        this.#host.wake();
        return;
      }
      io.status = "IOERR";
    }
    if (
      io.status === "OK" &&
      bio.sectors > 0 &&
      (bio.flags & REQ_PREFLUSH) !== 0 &&
      bio.op !== "FLUSH"
    ) {
      // A flush with data: the flush is done, now the data (dm_io_complete requeues it).
      bio.flags &= ~REQ_PREFLUSH;
      this.#process(bio, io.table);
      this.#host.wake();
      return;
    }
    if (io.statsAux) {
      // dm_end_io_acct
      const rw = bio.op === "READ" ? 0 : 1;
      this.stats.accountIo(rw, bio.sector, bio.sectors, true, this.#host.now, io.statsAux);
    }
    bio.end(io.status);
    this.#host.wake();
  }
}

/** Clones the engine ended because their target never did (Engine's orphan reaper). */
export const reapedBios = new WeakSet<Bio>();

/** More stacked devices than any real stack has: a loop through a self-mapping table. */
const MAX_STACK_DEPTH = 64;

function stackDepth(bio: Bio): number {
  let n = 0;
  for (let b = bio.parent; b && n <= MAX_STACK_DEPTH; b = b.parent) n++;
  return n;
}

/** Whether `bdev` is a device-mapper device (major 254), typed as one. */
export function isMappedDevice(bdev: BlockDevice | undefined | null): bdev is MappedDevice {
  return bdev instanceof MappedDevice;
}
