/**
 * Load generators: something to watch. A generator issues bios to a device on the virtual
 * clock — sequential or random, a read/write mix, a block size, a queue depth and an optional
 * rate — until stopped or until it has issued `count` bios. Its choices come from its own
 * seeded PRNG, so a run is reproducible.
 *
 * Its timers are background work: a generator alone does not keep a headless engine busy, so
 * `settle()` returns and `sleep` is what lets it run for a while.
 */

import { Bio } from "./bio.ts";
import type { BlockDevice } from "./blockdev.ts";
import { Prng } from "./clock.ts";
import type { Engine } from "./engine.ts";
import { DmError, type BlkStatus } from "./types.ts";

export interface LoadSpec {
  /** Device path, e.g. "/dev/mapper/x". */
  device: string;
  pattern: "seq" | "random";
  /** Percentage of reads (0: all writes, 100: all reads). */
  readPct: number;
  /** Bytes per bio, a multiple of 512. */
  blockSize: number;
  /** Bios in flight at most. */
  queueDepth: number;
  /**
   * Bios per second of virtual time; 0 issues as fast as completions allow, but at most one bio
   * per virtual microsecond (RAM disks complete in zero time: "unlimited" must still let time
   * pass).
   */
  rate: number;
  /** Stop after this many bios (0: until stopped). */
  count: number;
  seed: number;
}

export interface LoadStats {
  id: number;
  spec: LoadSpec;
  running: boolean;
  issued: number;
  completed: number;
  errors: number;
  inFlight: number;
  bytes: number;
  /** Completion status counts. */
  statuses: Partial<Record<BlkStatus, number>>;
  startedAt: number;
}

/** The shortest time between two bios of one generator: 1 virtual microsecond. */
const MIN_INTERVAL = 1000;

export const DEFAULT_LOAD: Omit<LoadSpec, "device"> = {
  pattern: "random",
  readPct: 50,
  blockSize: 4096,
  queueDepth: 4,
  rate: 1000,
  count: 0,
  seed: 1,
};

class Generator {
  readonly stats: LoadStats;
  readonly #e: Engine;
  readonly #bdev: BlockDevice;
  readonly #rng: Prng;
  readonly #buf: Uint8Array;
  #next = 0;
  #waitingForSlot = false;

  constructor(e: Engine, id: number, spec: LoadSpec, bdev: BlockDevice) {
    this.#e = e;
    this.#bdev = bdev;
    this.#rng = new Prng(spec.seed);
    this.#buf = new Uint8Array(spec.blockSize);
    this.#rng.fill(this.#buf);
    this.stats = {
      id,
      spec,
      running: true,
      issued: 0,
      completed: 0,
      errors: 0,
      inFlight: 0,
      bytes: 0,
      statuses: {},
      startedAt: e.now,
    };
  }

  start(): void {
    this.#tick();
  }

  stop(): void {
    this.stats.running = false;
  }

  #done(): boolean {
    const s = this.stats;
    return !s.running || (s.spec.count > 0 && s.issued >= s.spec.count);
  }

  /** Issue one bio if a queue slot is free, then schedule the next issue. */
  #tick(): void {
    if (this.#done()) {
      this.stats.running = false;
      return;
    }
    const spec = this.stats.spec;
    if (this.stats.inFlight >= spec.queueDepth) {
      this.#waitingForSlot = true;
      return;
    }
    this.#issue();
    this.#e.clock.schedule(
      spec.rate > 0 ? 1e9 / spec.rate : MIN_INTERVAL,
      () => this.#tick(),
      true,
    );
  }

  #issue(): void {
    const spec = this.stats.spec;
    const sectors = spec.blockSize / 512;
    const size = this.#bdev.sizeSectors;
    if (size < sectors) {
      this.stats.running = false;
      return;
    }
    const slots = Math.floor(size / sectors);
    let slot: number;
    if (spec.pattern === "seq") {
      slot = this.#next % slots;
      this.#next++;
    } else {
      slot = this.#rng.below(slots);
    }
    const read = this.#rng.below(100) < spec.readPct;
    const data = read ? new Uint8Array(spec.blockSize) : this.#buf;
    this.stats.issued++;
    this.stats.inFlight++;
    const bio = new Bio(
      this.#e,
      read ? "READ" : "WRITE",
      this.#bdev,
      slot * sectors,
      sectors,
      data,
      0,
      null,
      (b) => this.#ended(b),
    );
    this.#e.submitBio(bio);
  }

  #ended(b: Bio): void {
    const s = this.stats;
    s.inFlight--;
    s.completed++;
    s.bytes += b.bytes;
    s.statuses[b.status] = (s.statuses[b.status] ?? 0) + 1;
    if (b.status !== "OK") s.errors++;
    if (this.#waitingForSlot) {
      this.#waitingForSlot = false;
      this.#e.clock.schedule(MIN_INTERVAL, () => this.#tick(), true);
    }
  }
}

/** The engine's load generators. */
export class LoadGenerators {
  readonly #e: Engine;
  readonly #gens = new Map<number, Generator>();
  #nextId = 1;

  constructor(e: Engine) {
    this.#e = e;
  }

  start(spec: Partial<LoadSpec> & { device: string }): LoadStats {
    const full: LoadSpec = { ...DEFAULT_LOAD, ...spec };
    if (full.blockSize <= 0 || full.blockSize % 512 !== 0)
      throw new DmError("EINVAL", "block size must be a positive multiple of 512");
    if (full.queueDepth < 1 || !Number.isInteger(full.queueDepth))
      throw new DmError("EINVAL", "queue depth must be a whole number of at least 1");
    if (full.readPct < 0 || full.readPct > 100)
      throw new DmError("EINVAL", "read percentage must be between 0 and 100");
    if (full.rate < 0 || !Number.isFinite(full.rate))
      throw new DmError("EINVAL", "rate must be 0 (unlimited) or a positive number");
    const bdev = this.#e.lookup(full.device);
    if (!bdev) throw new DmError("ENOENT", `${full.device}: No such file or directory`);
    const g = new Generator(this.#e, this.#nextId++, full, bdev);
    this.#gens.set(g.stats.id, g);
    g.start();
    return g.stats;
  }

  /** Stop one generator, or all of them. Bios in flight still complete. */
  stop(id?: number): void {
    for (const g of this.#gens.values()) if (id === undefined || g.stats.id === id) g.stop();
  }

  list(): LoadStats[] {
    return [...this.#gens.values()].map((g) => g.stats);
  }

  /** Forget generators that stopped and have nothing in flight. */
  prune(): void {
    for (const [id, g] of this.#gens)
      if (!g.stats.running && g.stats.inFlight === 0) this.#gens.delete(id);
  }
}
