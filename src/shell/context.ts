/**
 * What dmsh's commands and its /dev share: the engine, the /dev/mapper nodes dmsetup manages, the
 * seeded /dev/urandom stream, and the bookkeeping that lets a run be interrupted while a
 * process waits on I/O that will never complete.
 */

import { Prng, type Engine, type MappedDevice } from "../engine/index.ts";
import type { Terminal } from "./tty.ts";
import { FsError } from "./util.ts";

/**
 * /dev/mapper/NAME nodes. dmsetup (with no udev) creates a device's node when it resumes a table
 * into it, so a device created with `--notable` has none until its first resume; `rm` deletes a
 * node and `dmsetup mknodes` makes it again. Nodes follow a device through renames.
 */
export class MapperNodes {
  /**
   * Regular files in /dev/mapper, by name: what a write to a path with no node creates (devtmpfs
   * takes any file). A file shadows the device of the same name: dmsetup will not replace it
   * with a node, and removing the device deletes it.
   */
  readonly files = new Map<string, Uint8Array>();
  readonly #removed = new WeakSet<MappedDevice>();
  readonly #made = new WeakSet<MappedDevice>();
  readonly #disked = new WeakSet<MappedDevice>();

  has(md: MappedDevice): boolean {
    return !this.#removed.has(md) && (md.live !== null || this.#made.has(md));
  }

  make(md: MappedDevice): void {
    this.#removed.delete(md);
    this.#made.add(md);
  }

  /**
   * Whether the device's disk is registered (add_disk happens at its first table load): until
   * then opening it fails with ENXIO and sysfs has no read_ahead_kb for it.
   */
  hasDisk(md: MappedDevice): boolean {
    return this.#disked.has(md) || md.live !== null || md.inactive !== null;
  }

  disk(md: MappedDevice): void {
    this.#disked.add(md);
  }

  remove(md: MappedDevice): void {
    this.#removed.add(md);
    this.#made.delete(md);
  }
}

/** Raised into a waiting command when the run it belongs to is interrupted. */
export class Interrupted extends FsError {
  constructor() {
    super("EINTR", "wait", "");
    this.name = "Interrupted";
  }
}

export class DmshContext {
  readonly engine: Engine;
  readonly nodes = new MapperNodes();
  /** /dev/urandom: its own stream, seeded from the engine's, so reading it changes nothing else. */
  readonly urandom: Prng;
  /** The terminal of the current run. */
  terminal: Terminal;
  /** Processes waiting on the engine right now. */
  waiting = 0;
  /** Completed waits and writes: the deadlock watchdog's measure of progress. */
  progress = 0;
  #interrupts = new Set<(e: Error) => void>();

  constructor(engine: Engine, terminal: Terminal) {
    this.engine = engine;
    this.terminal = terminal;
    this.urandom = new Prng(engine.rng.nextU32());
  }

  /** Await `p` (an engine wait) so that `interrupt()` can end it. */
  async wait<T>(p: Promise<T>): Promise<T> {
    this.waiting++;
    let reject: (e: Error) => void = () => {};
    const stop = new Promise<never>((_, rej) => {
      reject = rej;
    });
    this.#interrupts.add(reject);
    try {
      return await Promise.race([p, stop]);
    } finally {
      this.#interrupts.delete(reject);
      this.waiting--;
      this.progress++;
    }
  }

  /** How many interrupts there have been: a command that saw it change stops (EINTR). */
  interrupts = 0;

  /** Fail every wait in progress with EINTR, and stop long loops (Ctrl-C, or a deadlock). */
  interrupt(): void {
    this.interrupts++;
    for (const r of [...this.#interrupts]) r(new Interrupted());
  }
}
