/**
 * The region hash (drivers/md/dm-region-hash.c, Debian 6.1.192): the state of each region of a
 * mirror that has writes in flight or is being recovered, on top of the dirty log (dm-log.ts).
 *
 *   CLEAN       in sync, no writes pending (not kept in the hash once the log says so)
 *   DIRTY       in sync, writes pending: the log marked it dirty before they were issued
 *   NOSYNC      out of sync: writes go to the default leg only
 *   RECOVERING  being copied from the default leg to the others (kcopyd); writes wait
 *
 * Regions are `regionSize` sectors (512 bytes) of the target, counted from the target's start.
 */

import type { Bio } from "./bio.ts";
import type { DmDirtyLog } from "./dm-log.ts";
import { REQ_PREFLUSH } from "./types.ts";

export type RegionState = "CLEAN" | "DIRTY" | "NOSYNC" | "RECOVERING";

/** struct dm_region. */
export interface DmRegion {
  readonly key: number;
  state: RegionState;
  pending: number;
  /** Writes that wait for the region's recovery (dm_rh_delay). */
  readonly delayedBios: Bio[];
  /** Which list it is on (clean, quiesced, recovered, failed recovered), or none. */
  list: "clean" | "quiesced" | "recovered" | "failed" | null;
}

export interface RegionHashHooks {
  /** rh->dispatch_bios: writes held for a region, released when its recovery ends. */
  dispatchBios(bios: Bio[]): void;
  /** rh->wakeup_workers: kmirrord has work. */
  wakeupWorkers(): void;
  /** A region's state changed (for the views). */
  changed?(region: number, state: RegionState | "CLEAN_FREED"): void;
}

/** struct dm_region_hash. */
export class DmRegionHash {
  readonly log: DmDirtyLog;
  readonly regionSize: number;
  readonly targetBegin: number;
  readonly #hash = new Map<number, DmRegion>();
  #clean: DmRegion[] = [];
  #quiesced: DmRegion[] = [];
  #recovered: DmRegion[] = [];
  #failedRecovered: DmRegion[] = [];
  /** The recovery_count semaphore (MAX_RECOVERY slots; 0 until dm_rh_start_recovery). */
  #recoveryCount = 0;
  readonly maxRecovery: number;
  recoveryInFlight = 0;
  flushFailure = false;
  readonly #hooks: RegionHashHooks;

  constructor(log: DmDirtyLog, targetBegin: number, maxRecovery: number, hooks: RegionHashHooks) {
    this.log = log;
    this.regionSize = log.regionSize;
    this.targetBegin = targetBegin;
    this.maxRecovery = maxRecovery;
    this.#hooks = hooks;
  }

  /** dm_rh_bio_to_region: the region of the bio's first sector (the bio's sector is the md's). */
  bioToRegion(bio: Bio): number {
    return this.sectorToRegion(bio.sector - this.targetBegin);
  }

  /** dm_rh_sector_to_region: `sector` counted from the target's start. */
  sectorToRegion(sector: number): number {
    return Math.floor(sector / this.regionSize);
  }

  /** dm_rh_region_to_sector. */
  regionToSector(region: number): number {
    return region * this.regionSize;
  }

  /** The regions the hash holds (for views). */
  regions(): ReadonlyMap<number, DmRegion> {
    return this.#hash;
  }

  #set(reg: DmRegion, state: RegionState): void {
    reg.state = state;
    this.#hooks.changed?.(reg.key, state);
  }

  #alloc(region: number): DmRegion {
    const reg: DmRegion = {
      key: region,
      state: this.log.inSync(region) ? "CLEAN" : "NOSYNC",
      pending: 0,
      delayedBios: [],
      list: null,
    };
    this.#hash.set(region, reg);
    if (reg.state === "CLEAN") {
      reg.list = "clean";
      this.#clean.unshift(reg);
    }
    this.#hooks.changed?.(region, reg.state);
    return reg;
  }

  #find(region: number): DmRegion {
    return this.#hash.get(region) ?? this.#alloc(region);
  }

  #unlist(reg: DmRegion): void {
    const from =
      reg.list === "clean"
        ? this.#clean
        : reg.list === "quiesced"
          ? this.#quiesced
          : reg.list === "recovered"
            ? this.#recovered
            : reg.list === "failed"
              ? this.#failedRecovered
              : null;
    if (from) {
      const i = from.indexOf(reg);
      if (i >= 0) from.splice(i, 1);
    }
    reg.list = null;
  }

  /** dm_rh_get_state. */
  getState(region: number): RegionState {
    const reg = this.#hash.get(region);
    if (reg) return reg.state;
    return this.log.inSync(region) ? "CLEAN" : "NOSYNC";
  }

  #completeResyncWork(reg: DmRegion, success: boolean): void {
    this.log.setRegionSync(reg.key, success);
    this.#hooks.dispatchBios(reg.delayedBios.splice(0));
    this.recoveryInFlight--;
    this.#recoveryCount++;
  }

  /** dm_rh_mark_nosync: a write failed on a leg; the region is out of sync. */
  markNosync(bio: Bio): void {
    if (bio.op === "FLUSH" || bio.flags & REQ_PREFLUSH) {
      this.flushFailure = true;
      return;
    }
    if (bio.op === "DISCARD") return;
    const region = this.bioToRegion(bio);
    this.log.setRegionSync(region, false);
    const reg = this.#find(region);
    const recovering = reg.state === "RECOVERING";
    this.#set(reg, "NOSYNC");
    if (recovering) this.#completeResyncWork(reg, false);
  }

  /**
   * dm_rh_update_states: regions whose writes ended are clean in the log, recovered regions in
   * sync; the log is flushed (awaited: its header write).
   */
  async updateStates(errorsHandled: boolean): Promise<void> {
    const clean = this.#clean.splice(0);
    const recovered = this.#recovered.splice(0);
    const failed = this.#failedRecovered.splice(0);
    for (const reg of [...clean, ...recovered, ...failed]) {
      reg.list = null;
      this.#hash.delete(reg.key);
    }
    for (const reg of recovered) {
      this.log.clearRegion(reg.key);
      this.#completeResyncWork(reg, true);
      this.#hooks.changed?.(reg.key, "CLEAN_FREED");
    }
    for (const reg of failed) {
      this.#completeResyncWork(reg, !errorsHandled);
      this.#hooks.changed?.(reg.key, "CLEAN_FREED");
    }
    for (const reg of clean) {
      this.log.clearRegion(reg.key);
      this.#hooks.changed?.(reg.key, "CLEAN_FREED");
    }
    try {
      await this.log.flush();
    } catch {
      // rh->log->type->flush's result is not looked at here (dm_rh_flush's is, by do_writes).
    }
  }

  #inc(region: number): void {
    const reg = this.#find(region);
    reg.pending++;
    if (reg.state === "CLEAN") {
      this.#set(reg, "DIRTY");
      this.#unlist(reg);
      this.log.markRegion(reg.key);
    }
  }

  /** dm_rh_inc_pending: every write (not flushes, not discards) pends on its region. */
  incPending(bios: readonly Bio[]): void {
    for (const bio of bios) {
      if (bio.op === "FLUSH" || bio.flags & REQ_PREFLUSH || bio.op === "DISCARD") continue;
      this.#inc(this.bioToRegion(bio));
    }
  }

  /** dm_rh_dec: a write of `region` ended. */
  dec(region: number): void {
    const reg = this.#hash.get(region);
    if (!reg) return;
    if (--reg.pending === 0) {
      if (this.flushFailure) this.#set(reg, "NOSYNC");
      else if (reg.state === "RECOVERING") {
        reg.list = "quiesced";
        this.#quiesced.push(reg);
      } else if (reg.state === "DIRTY") {
        this.#set(reg, "CLEAN");
        reg.list = "clean";
        this.#clean.unshift(reg);
      }
      this.#hooks.wakeupWorkers();
    }
  }

  #recoveryPrepareOne(): boolean {
    const region = this.log.getResyncWork();
    if (region === null) return false;
    const reg = this.#find(region);
    this.#set(reg, "RECOVERING");
    this.#unlist(reg);
    if (reg.pending === 0) {
      reg.list = "quiesced";
      this.#quiesced.unshift(reg);
    }
    return true;
  }

  /** dm_rh_recovery_prepare: take regions to recover while recovery slots are free. */
  recoveryPrepare(): void {
    while (this.#recoveryCount > 0) {
      this.#recoveryCount--;
      this.recoveryInFlight++;
      if (!this.#recoveryPrepareOne()) {
        this.recoveryInFlight--;
        this.#recoveryCount++;
        break;
      }
    }
  }

  /** dm_rh_recovery_start: the next quiesced region to copy, or null. */
  recoveryStart(): DmRegion | null {
    const reg = this.#quiesced.shift() ?? null;
    if (reg) reg.list = null;
    return reg;
  }

  /** dm_rh_recovery_end: the copy ended. */
  recoveryEnd(reg: DmRegion, success: boolean): void {
    if (success) {
      reg.list = "recovered";
      this.#recovered.unshift(reg);
    } else {
      reg.list = "failed";
      this.#failedRecovered.unshift(reg);
    }
    this.#hooks.wakeupWorkers();
  }

  /** dm_rh_flush. */
  flush(): Promise<void> {
    return this.log.flush();
  }

  /** dm_rh_delay: a write waits for its region's recovery. */
  delay(bio: Bio): void {
    this.#find(this.bioToRegion(bio)).delayedBios.push(bio);
  }

  /** dm_rh_stop_recovery: take every recovery slot (down, MAX_RECOVERY times). */
  stopRecovery(): void {
    this.#recoveryCount -= this.maxRecovery;
  }

  /** dm_rh_start_recovery: give them back and wake kmirrord. */
  startRecovery(): void {
    this.#recoveryCount += this.maxRecovery;
    this.#hooks.wakeupWorkers();
  }
}
