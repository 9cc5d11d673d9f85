/**
 * struct bio, reduced to what device-mapper reasons about.
 *
 * Invariant: a bio is ended exactly once. `end()` is the only way to finish it; a second call is
 * not an error the bio can fix, so it is reported to the host (as a target fault) and ignored.
 */

import { REQ_PREFLUSH, type BioFlags, type BioOp, type BlkStatus, type Sector } from "./types.ts";

/** What a bio needs from the engine that issued it. */
export interface BioHost {
  readonly now: number;
  nextBioId(): number;
  /** A bio was ended a second time. */
  doubleEnd(bio: Bio): void;
  /** A bio ended (before its onEnd runs): where completion is recorded. */
  ended(bio: Bio): void;
}

/** The target that issued a bio of its own (dm-io, dm-bufio, `t.submit`). */
export interface BioIssuer {
  /** The mapped device the target belongs to (major * 2^20 + minor). */
  readonly dev: number;
  /** The target's index in that device's table. */
  readonly target: number;
}

/** Anything bios can be submitted to (a RAM disk, a mapped device). */
export interface BioTarget {
  readonly dev: number;
  readonly name: string;
}

export class Bio {
  readonly id: number;
  op: BioOp;
  flags: BioFlags;
  /** bi_bdev: the device this bio is addressed to. */
  bdev: BioTarget;
  /** bi_iter.bi_sector. */
  sector: Sector;
  /** bi_iter.bi_size in sectors. */
  sectors: number;
  /** Payload: written for WRITE, filled for READ, null for FLUSH, DISCARD and WRITE_ZEROES. */
  data: Uint8Array | null;
  status: BlkStatus = "OK";
  /** The bio this one was split or cloned from (null for a bio issued by a process). */
  readonly parent: Bio | null;
  readonly submittedAt: number;
  /** Which of a target's num_flush_bios / num_discard_bios clones this is (dm_bio_get_target_bio_nr). */
  targetBioNr = 0;
  /** Per-bio data a target may keep between map and end_io (dm_per_bio_data). */
  perIo: unknown = undefined;
  /** Called once, when the bio ends. */
  onEnd: ((bio: Bio) => void) | null;
  /** Core bookkeeping for a clone: its dm_io and target (kept here to avoid a closure per bio). */
  dmIo: unknown = null;
  dmTarget: unknown = null;
  /**
   * The bits of Linux's bi_opf this project does not otherwise model (REQ_SYNC, REQ_IDLE,
   * REQ_RAHEAD..., with Linux's values: blk-mq.ts LINUX_REQ). Only the block layer's error line
   * prints them; clones and split pieces inherit them, as they inherit bi_opf.
   */
  reqFlags = 0;
  /** Set when a target made this bio itself: its first `bio_submit` names the target. */
  issuer: BioIssuer | null = null;
  /** Virtual time the bio entered its current device (for completion latency). */
  startedAt = 0;
  #ended = false;
  readonly #host: BioHost;

  constructor(
    host: BioHost,
    op: BioOp,
    bdev: BioTarget,
    sector: Sector,
    sectors: number,
    data: Uint8Array | null,
    flags: BioFlags = 0,
    parent: Bio | null = null,
    onEnd: ((bio: Bio) => void) | null = null,
  ) {
    this.#host = host;
    this.id = host.nextBioId();
    this.op = op;
    this.bdev = bdev;
    this.sector = sector;
    this.sectors = sectors;
    this.data = data;
    this.flags = flags;
    this.parent = parent;
    this.onEnd = onEnd;
    this.submittedAt = host.now;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Bytes of payload this bio moves. */
  get bytes(): number {
    return this.sectors * 512;
  }

  /** A flush with no data (REQ_PREFLUSH and size 0). */
  get isEmptyFlush(): boolean {
    return this.sectors === 0 && (this.op === "FLUSH" || (this.flags & REQ_PREFLUSH) !== 0);
  }

  get hasData(): boolean {
    return this.op === "READ" || this.op === "WRITE";
  }

  /** bio_endio: finish with `status` (the current status if omitted). Exactly once. */
  end(status?: BlkStatus): void {
    if (this.#ended) {
      this.#host.doubleEnd(this);
      return;
    }
    this.#ended = true;
    if (status !== undefined) this.status = status;
    this.#host.ended(this);
    const cb = this.onEnd;
    if (cb) cb(this);
  }

  /**
   * After end_io returned INCOMPLETE the target owns the bio again and will end it once more
   * (the kernel's bio_endio re-entry). Only the core calls this.
   */
  reopen(): void {
    this.#ended = false;
  }

  /**
   * A clone addressed like this bio covering [sector, sector + sectors) of it (bio_alloc_clone
   * plus bio_trim). Payload views share memory with the original.
   */
  clone(sector: Sector = this.sector, sectors: number = this.sectors): Bio {
    let data: Uint8Array | null = null;
    if (this.data && sector === this.sector && sectors === this.sectors) {
      data = this.data;
    } else if (this.data) {
      const off = (sector - this.sector) * 512;
      data = this.data.subarray(off, off + sectors * 512);
    }
    const c = new Bio(this.#host, this.op, this.bdev, sector, sectors, data, this.flags, this);
    c.reqFlags = this.reqFlags;
    return c;
  }
}
