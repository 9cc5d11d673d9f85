/**
 * dm-kcopyd (drivers/md/dm-kcopyd.c): copy a region of one device to regions of others (or zero
 * them), as the snapshot target copies a chunk of the origin to the COW device before an origin
 * write, and copies it back when merging.
 *
 *     const kc = new DmKcopydClient(t);                       // dm_kcopyd_client_create
 *     kc.copy({ dev: origin, sector: 64, count: 8 }, [{ dev: cow, sector: 16, count: 8 }],
 *       (readErr, writeErr) => { ... });                      // dm_kcopyd_copy
 *     kc.destroy();                                           // dm_kcopyd_client_destroy
 *
 * Every read and write is a bio of the target's own (dm-io.ts), on virtual time, so a copy shows
 * in the flow as a read of the source followed by a write of each destination. A job starts
 * from kcopyd's worker (a clock entry after the caller returns), is split in sub-jobs of at most
 * 1024 sectors (512 KiB, kcopyd_subjob_size_kb), and its `notify` runs from the client's one
 * callback thread: callbacks run one at a time, in completion order, and a callback that returns
 * a promise (a synchronous metadata write in Linux, e.g. the persistent snapshot store's commit)
 * holds the next one back until it settles, as Linux's kcopyd thread is blocked meanwhile.
 */

import type { Target } from "./target.ts";
import { dmIoAsync, type DmIoRegion } from "./dm-io.ts";

/** kcopyd's sub-job size: sectors (DEFAULT_SUB_JOB_SIZE_KB 512). */
export const KCOPYD_SUB_JOB_SECTORS = 1024;

/**
 * dm_kcopyd_notify_fn: `readErr` true when the source read failed; `writeErr` bit i set when
 * dests[i] failed. May return a promise: the client's next callback waits for it.
 */
export type DmKcopydNotify = (readErr: boolean, writeErr: number) => void | Promise<void>;

/** A job made by `prepareCallback`, to be completed with `doCallback`. */
export interface DmKcopydJob {
  readonly notify: DmKcopydNotify;
}

/** struct dm_kcopyd_client: one per target that copies (each snapshot has its own). */
export class DmKcopydClient {
  readonly #t: Target;
  /** Jobs issued and not yet called back (kc->nr_jobs). */
  nrJobs = 0;
  readonly #complete: { job: DmKcopydJob; readErr: boolean; writeErr: number }[] = [];
  #running = false;
  #destroyed = false;

  constructor(t: Target) {
    this.#t = t;
  }

  /**
   * dm_kcopyd_copy: copy `from` (sectors) to every region of `dests` (each `from.count`
   * sectors); `null` for `from` zeroes the destinations (dm_kcopyd_zero).
   */
  copy(from: DmIoRegion | null, dests: readonly DmIoRegion[], notify: DmKcopydNotify): void {
    const job: DmKcopydJob = { notify };
    this.nrJobs++;
    const count = from ? from.count : (dests[0]?.count ?? 0);
    // The job runs from kcopyd's worker, not from the caller (wake(kc)).
    this.#t.schedule(0, () => {
      let subJobs = 0;
      let readErr = false;
      let writeErr = 0;
      const subDone = (): void => {
        if (--subJobs === 0) this.doCallback(job, readErr, writeErr);
      };
      for (let off = 0; off < count || (count === 0 && off === 0); off += KCOPYD_SUB_JOB_SECTORS) {
        const n = Math.min(KCOPYD_SUB_JOB_SECTORS, count - off);
        subJobs++;
        const mem = new Uint8Array(n * 512);
        const sub = dests.map((d) => ({ dev: d.dev, sector: d.sector + off, count: n }));
        const write = (): void => {
          dmIoAsync(this.#t, { op: "WRITE", mem }, sub, (bits) => {
            writeErr |= bits;
            subDone();
          });
        };
        if (!from) write();
        else
          dmIoAsync(
            this.#t,
            { op: "READ", mem },
            [{ dev: from.dev, sector: from.sector + off, count: n }],
            (bits) => {
              if (bits) {
                readErr = true;
                subDone();
              } else write();
            },
          );
        if (count === 0) break;
      }
    });
  }

  /** dm_kcopyd_zero. */
  zero(dests: readonly DmIoRegion[], notify: DmKcopydNotify): void {
    this.copy(null, dests, notify);
  }

  /** dm_kcopyd_prepare_callback: a job whose I/O the caller does itself (a full-chunk write). */
  prepareCallback(notify: DmKcopydNotify): DmKcopydJob {
    this.nrJobs++;
    return { notify };
  }

  /** dm_kcopyd_do_callback: the job is done; its notify runs from the callback thread. */
  doCallback(job: DmKcopydJob, readErr: boolean, writeErr: number): void {
    this.#complete.push({ job, readErr, writeErr });
    if (!this.#running) void this.#run();
    // The callback thread is busy in a continuation: this one runs after it, not never.
    else this.#t.requestYield();
  }

  /** The callback thread: one notify at a time, waiting for each one's promise. */
  async #run(): Promise<void> {
    this.#running = true;
    while (this.#complete.length && !this.#destroyed) {
      const c = this.#complete.shift()!;
      this.nrJobs--;
      const r = c.job.notify(c.readErr, c.writeErr);
      if (r) {
        // The callback goes on in continuations: the clock lets them run before moving on.
        this.#t.requestYield();
        await r;
      }
    }
    this.#running = false;
  }

  /** dm_kcopyd_client_destroy: no callback runs after this. */
  destroy(): void {
    this.#destroyed = true;
  }
}
