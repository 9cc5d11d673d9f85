/**
 * log-writes: passes I/O to <dev> unchanged and logs every write, in the order it became
 * durable, onto <log_dev>, so that the writes can later be replayed up to any point
 * (fstests' replay-log, dmsh's `replay-log`). (drivers/md/dm-log-writes.c, 6.1.192)
 *
 *     <start> <length> log-writes <dev_path> <log_dev_path>
 *
 * Arguments past the second are ignored, as 6.1's ctr only checks for fewer than two.
 * Messages: `mark <text>` logs a MARK entry (the text cut to sectorsize - 33 bytes).
 * Status INFO: `<logged entries> <highest allocated sector>` and ` logging_disabled` once an
 * error stopped the log; TABLE: the two devices as major:minor.
 *
 * What is logged when (the kernel's comment): a write is kept on the unflushed list when it
 * completes; a flush moves the writes that completed before it was mapped onto the logging
 * list, then itself; a FUA write and a mark go straight to the logging list. Discards are
 * logged as writes are (in completion order, no data). The logging thread (here its loop, run
 * in place when wake_up_process would wake it) writes each entry as its own bios to the
 * log device: the entry block at `next_sector`, then the data right after it; after a FUA or a
 * MARK entry it rewrites the super block at sector 0 and waits for that write, as log_super
 * does. None of the log's own writes carry FUA or PREFLUSH (6.1 issues plain writes). The super
 * block is written only then and at dtr, which logs a last mark, `dm-log-writes-end`, and
 * waits until every entry is on the log device.
 *
 * Sector numbers: entries count the data device's logical blocks (`sectorsize` bytes); the
 * logged sector is the bio's sector on the mapped device, which the target does not shift by
 * its table offset (log_writes_map only changes the bio's device); for an empty flush, the
 * flushed bio's sector (0 for an fsync's flush; isFirstFlushClone).
 */

import type { Bio } from "../bio.ts";
import {
  encodeEntry,
  encodeSuper,
  LOG_DISCARD_FLAG,
  LOG_ENTRY_SIZE,
  LOG_FLUSH_FLAG,
  LOG_FUA_FLAG,
  LOG_MARK_FLAG,
  WRITE_LOG_SUPER_SECTOR,
} from "../log-writes-format.ts";
import { ctrError, defineTarget, type DmDev, type Target } from "../target.ts";
import { BLK_STATUSES, DmError, REQ_FUA, REQ_PREFLUSH, SECTOR_SHIFT, UINT_MAX } from "../types.ts";

/** struct pending_block: one entry waiting to be logged. */
interface PendingBlock {
  flags: number;
  /** In sectorsize blocks. */
  sector: number;
  nrSectors: number;
  /** The bio's data, copied at map time (a write); null for flushes, discards and marks. */
  vecs: Uint8Array | null;
  /** A mark's text (kstrndup'd bytes). */
  data: Uint8Array | null;
  /** The unflushed blocks a flush took with it at map time (block->list). */
  list: PendingBlock[];
}

interface LogWritesC {
  dev: DmDev;
  logdev: DmDev;
  loggedEntries: number;
  sectorsize: number;
  sectorshift: number;
  ioBlocks: number;
  pendingBlocks: number;
  /** 512-byte sectors of the log device. */
  nextSector: number;
  endSector: number;
  loggingEnabled: boolean;
  deviceSupportsDiscard: boolean;
  unflushedBlocks: PendingBlock[];
  loggingBlocks: PendingBlock[];
  /** The thread waits for its super block write (wait_for_completion_io). */
  superWait: boolean;
  /** dtr's wait_event: called when io_blocks and pending_blocks both reach 0. */
  idle: (() => void) | null;
  /** The logging thread's loop is running (runKthread). */
  kthreadRunning: boolean;
}

/** The bio's pending block, kept from map to end_io (struct per_bio_data). */
interface PerBioData {
  block: PendingBlock | null;
}

/** Pages a data bio of the log holds at most (bio_max_segs: BIO_MAX_VECS pages of 4 KiB). */
const LOG_BIO_MAX_SECTORS = 256 * 8;

const bioToDevSectors = (lc: LogWritesC, sectors: number): number =>
  Math.floor(sectors / 2 ** (lc.sectorshift - SECTOR_SHIFT));
const devToBioSectors = (lc: LogWritesC, sectors: number): number =>
  sectors * 2 ** (lc.sectorshift - SECTOR_SHIFT);

function checkIdle(lc: LogWritesC): void {
  if (lc.ioBlocks === 0 && lc.pendingBlocks === 0 && lc.idle) {
    const wake = lc.idle;
    lc.idle = null;
    wake();
  }
}

function putPendingBlock(lc: LogWritesC): void {
  lc.pendingBlocks--;
  checkIdle(lc);
}

function putIoBlock(lc: LogWritesC): void {
  lc.ioBlocks--;
  checkIdle(lc);
}

/** log_end_io: a failed log write stops the log. */
function logEndIo(t: Target<LogWritesC>, bio: Bio): void {
  const lc = t.priv;
  if (bio.status !== "OK") {
    t.log("err", `Error writing log block, error=${BLK_STATUSES.indexOf(bio.status)}`);
    lc.loggingEnabled = false;
  }
  putIoBlock(lc);
}

/** One write of the log's own, `bytes` at 512-byte `sector` of the log device. */
function logWrite(
  t: Target<LogWritesC>,
  sector: number,
  bytes: Uint8Array,
  onEnd: (b: Bio) => void,
): void {
  const bio = t.newBio("WRITE", t.priv.logdev, sector, bytes.length >> SECTOR_SHIFT, bytes, onEnd);
  t.submit(bio);
}

/** write_metadata: one block holding `entry` and a mark's text, zero-padded. */
function writeMetadata(t: Target<LogWritesC>, block: Uint8Array, sector: number): void {
  const isSuper = sector === WRITE_LOG_SUPER_SECTOR;
  logWrite(t, sector, block, (b) => {
    // log_end_super: complete(&lc->super_done), then log_end_io.
    if (isSuper) superDone(t);
    logEndIo(t, b);
  });
}

/** log_one_block: the entry, then the data blocks right after it. */
function logOneBlock(t: Target<LogWritesC>, block: PendingBlock, sector: number): void {
  const lc = t.priv;
  const metadataLen = block.flags & LOG_MARK_FLAG ? (block.data?.length ?? 0) : 0;
  writeMetadata(
    t,
    encodeEntry(
      block.sector,
      block.nrSectors,
      block.flags,
      block.data?.length ?? 0,
      metadataLen ? block.data : null,
      lc.sectorsize,
    ),
    sector,
  );
  sector += devToBioSectors(lc, 1);
  const data = block.vecs;
  if (data && data.length) {
    // The copied pages go out in bios of at most BIO_MAX_VECS pages, one after the other.
    for (let off = 0; off < data.length;) {
      const n = Math.min(data.length - off, LOG_BIO_MAX_SECTORS << SECTOR_SHIFT);
      lc.ioBlocks++;
      logWrite(t, sector, data.subarray(off, off + n), (b) => logEndIo(t, b));
      sector += n >> SECTOR_SHIFT;
      off += n;
    }
  }
  putPendingBlock(lc);
}

/** log_super: rewrite the super block; the thread waits until it is written. */
function logSuper(t: Target<LogWritesC>): void {
  const lc = t.priv;
  lc.superWait = true;
  writeMetadata(t, encodeSuper(lc.loggedEntries, lc.sectorsize), WRITE_LOG_SUPER_SECTOR);
}

function superDone(t: Target<LogWritesC>): void {
  const lc = t.priv;
  if (!lc.superWait) return;
  lc.superWait = false;
  // The thread goes on with its loop once woken from wait_for_completion_io (in place when
  // the write ended while the thread was still submitting it).
  runKthread(t);
}

/** wake_up_process(lc->log_kthread): the thread runs now, unless it is running or waiting. */
function wakeKthread(t: Target<LogWritesC>): void {
  const lc = t.priv;
  if (lc.superWait) return;
  runKthread(t);
}

/**
 * The thread's loop runs in place, at the instant it is woken, where Linux's thread would run
 * a moment later: a `dmsetup status` right after a flush or a mark sees it logged, as it does
 * on Linux (a timer would wait for whatever next drives the clock). A thread already running
 * picks up what was added meanwhile.
 */
function runKthread(t: Target<LogWritesC>): void {
  const lc = t.priv;
  if (!lc.kthreadRunning) logWritesKthread(t);
}

/**
 * log_writes_kthread: take blocks off the logging list one by one and log them; after a FUA or
 * MARK entry write the super block and wait for it (the loop resumes in superDone). Sleeps
 * when the list is empty.
 */
function logWritesKthread(t: Target<LogWritesC>): void {
  const lc = t.priv;
  lc.kthreadRunning = true;
  try {
    kthreadLoop(t);
  } finally {
    lc.kthreadRunning = false;
  }
}

function kthreadLoop(t: Target<LogWritesC>): void {
  const lc = t.priv;
  for (;;) {
    const block = lc.loggingBlocks.shift();
    if (!block) return;
    let sector = 0;
    let isSuper = false;
    if (lc.loggingEnabled) {
      sector = lc.nextSector;
      if (!(block.flags & LOG_DISCARD_FLAG)) lc.nextSector += devToBioSectors(lc, block.nrSectors);
      lc.nextSector += devToBioSectors(lc, 1);
      if (!lc.endSector) lc.endSector = lc.logdev.bdev.sizeSectors;
      if (lc.endSector && lc.nextSector >= lc.endSector) {
        t.log("err", "Ran out of space on the logdev");
        lc.loggingEnabled = false;
      } else {
        lc.loggedEntries++;
        lc.ioBlocks++;
        isSuper = (block.flags & (LOG_FUA_FLAG | LOG_MARK_FLAG)) !== 0;
        if (isSuper) lc.ioBlocks++;
      }
    }
    if (!lc.loggingEnabled) {
      // free_pending_block
      putPendingBlock(lc);
      continue;
    }
    logOneBlock(t, block, sector);
    if (isSuper) {
      logSuper(t);
      // Still waiting: superDone resumes the loop. Already written (a write that ended at
      // once, in place): go on.
      if (lc.superWait) return;
    }
  }
}

/** log_mark: a MARK entry straight onto the logging list. */
function logMark(t: Target<LogWritesC>, text: string): void {
  const lc = t.priv;
  const maxsize = lc.sectorsize - LOG_ENTRY_SIZE;
  let data = new TextEncoder().encode(text);
  // kstrndup(data, maxsize - 1): the text stops at a NUL or after maxsize - 1 bytes.
  const nul = data.indexOf(0);
  if (nul >= 0) data = data.subarray(0, nul);
  if (data.length > maxsize - 1) data = data.subarray(0, maxsize - 1);
  lc.pendingBlocks++;
  lc.loggingBlocks.push({
    flags: LOG_MARK_FLAG,
    sector: 0,
    nrSectors: 0,
    vecs: null,
    data: data.slice(),
    list: [],
  });
  wakeKthread(t);
}

/**
 * __send_empty_flush (dm.c) clones the first flush bio from the bio being flushed (the
 * dm_target_io embedded in its dm_io, made by alloc_io), with its size cut to 0: that clone
 * keeps the bio's sector and REQ_FUA; the other clones (more targets, num_flush_bios > 1) come
 * from an on-stack bio at sector 0. A REQ_PREFLUSH | REQ_FUA write of data (dm-io's commits)
 * so logs a FLUSH|FUA entry at the write's sector, then the FUA write.
 */
export function isFirstFlushClone(t: Target<unknown>, bio: Bio): boolean {
  return t.index === 0 && bio.targetBioNr === 0;
}

/** bi_sector of an empty flush clone as the kernel sets it (see isFirstFlushClone). */
export function flushCloneSector(t: Target<unknown>, bio: Bio): number {
  return isFirstFlushClone(t, bio) ? (bio.parent?.sector ?? 0) : 0;
}

export default defineTarget<LogWritesC>({
  name: "log-writes",
  version: [1, 1, 0],
  // ctrDoesIo: the page's dry run of a table line (DeviceMapper.validate) must not run this
  // type. Its ctr does no I/O, but its dtr writes the log (the end mark and the super block),
  // which would land on the live log device. A log-writes line is checked at load.
  features: { ctrDoesIo: true },
  ctr(t, args) {
    if (args.length < 2) ctrError("Invalid argument count");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!);
    } catch (e) {
      ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    let logdev: DmDev;
    try {
      logdev = t.getDevice(args[1]!);
    } catch (e) {
      t.putDevice(dev);
      ctrError("Log device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    const sectorsize = dev.bdev.limits.logicalBlockSize;
    t.private = {
      dev,
      logdev,
      loggedEntries: 0,
      sectorsize,
      sectorshift: Math.log2(sectorsize),
      ioBlocks: 0,
      pendingBlocks: 0,
      // next_sector is in 512-byte sectors; the super block takes the first logical block.
      nextSector: sectorsize >> SECTOR_SHIFT,
      endSector: logdev.bdev.sizeSectors,
      loggingEnabled: true,
      deviceSupportsDiscard: true,
      unflushedBlocks: [],
      loggingBlocks: [],
      superWait: false,
      idle: null,
      kthreadRunning: false,
    };
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    t.flushSupported = true;
    t.discardsSupported = true;
  },
  /**
   * log_writes_dtr: the unflushed writes and a last mark go to the log, and dtr waits until
   * every entry and the super block are written, then puts the devices.
   */
  async dtr(t) {
    const lc = t.priv;
    lc.loggingBlocks.push(...lc.unflushedBlocks);
    lc.unflushedBlocks = [];
    logMark(t, "dm-log-writes-end");
    wakeKthread(t);
    if (lc.ioBlocks !== 0 || lc.pendingBlocks !== 0)
      await new Promise<void>((resolve) => {
        lc.idle = () => {
          t.requestYield();
          resolve();
        };
      });
    t.putDevice(lc.dev);
    t.putDevice(lc.logdev);
  },
  map(t, bio) {
    const lc = t.priv;
    const pb: PerBioData = { block: null };
    bio.perIo = pb;
    const flushBio = (bio.flags & REQ_PREFLUSH) !== 0 || bio.op === "FLUSH";
    const emptyFlush = flushBio && bio.sectors === 0;
    const firstFlushClone = emptyFlush && isFirstFlushClone(t, bio);
    // Of an empty flush's clones only the kernel's first carries the flushed bio's REQ_FUA.
    const fuaBio = (bio.flags & REQ_FUA) !== 0 && (!emptyFlush || firstFlushClone);
    const discardBio = bio.op === "DISCARD";
    const mapBio = (): "REMAPPED" => {
      // normal_map_bio: only the device changes, never the sector.
      bio.bdev = lc.dev.bdev;
      return "REMAPPED";
    };
    if (!lc.loggingEnabled) return mapBio();
    if (bio.op === "READ") return mapBio();
    if (bio.sectors === 0 && !flushBio) return mapBio();
    const block: PendingBlock = {
      flags: 0,
      sector: 0,
      nrSectors: 0,
      vecs: null,
      data: null,
      list: [],
    };
    pb.block = block;
    lc.pendingBlocks++;
    if (flushBio) block.flags |= LOG_FLUSH_FLAG;
    if (fuaBio) block.flags |= LOG_FUA_FLAG;
    if (discardBio) block.flags |= LOG_DISCARD_FLAG;
    block.sector = bioToDevSectors(lc, emptyFlush ? flushCloneSector(t, bio) : bio.sector);
    block.nrSectors = bioToDevSectors(lc, bio.sectors);
    if (discardBio) {
      if (lc.deviceSupportsDiscard) return mapBio();
      bio.end("OK");
      return "SUBMITTED";
    }
    if (flushBio && bio.sectors === 0) {
      block.list = lc.unflushedBlocks;
      lc.unflushedBlocks = [];
      return mapBio();
    }
    // Copy the pages now: the data will be written to the log way later. (A bio without
    // pages, as WRITE_ZEROES is, has no segments: its entry gets no data.)
    block.vecs = bio.data ? bio.data.slice() : null;
    if (flushBio) {
      block.list = lc.unflushedBlocks;
      lc.unflushedBlocks = [];
    }
    return mapBio();
  },
  /** normal_end_io: a completed write goes to the unflushed list, or (flush, FUA) to the log. */
  endIo(t, bio) {
    const lc = t.priv;
    const pb = bio.perIo as PerBioData | undefined;
    const block = pb?.block;
    if (bio.op !== "READ" && block) {
      if (block.flags & LOG_FLUSH_FLAG) {
        lc.loggingBlocks.push(...block.list, block);
        block.list = [];
        wakeKthread(t);
      } else if (block.flags & LOG_FUA_FLAG) {
        lc.loggingBlocks.push(block);
        wakeKthread(t);
      } else lc.unflushedBlocks.push(block);
    }
    return "DONE";
  },
  status(t, type) {
    const lc = t.priv;
    if (type === "INFO")
      return `${lc.loggedEntries} ${lc.nextSector - 1}${lc.loggingEnabled ? "" : " logging_disabled"}`;
    if (type === "TABLE") return `${lc.dev.name} ${lc.logdev.name}`;
    return "";
  },
  message(t, argv) {
    if (argv.length !== 2) {
      t.log("warn", `Invalid log-writes message arguments, expect 2 arguments, got ${argv.length}`);
      throw new DmError("EINVAL");
    }
    if (argv[0]!.toLowerCase() === "mark") {
      logMark(t, argv[1]!);
      return;
    }
    t.log("warn", `Unrecognised log writes target message received: ${argv[0]}`);
    throw new DmError("EINVAL");
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, 0, t.len);
  },
  ioHints(t, limits) {
    const lc = t.priv;
    const dl = lc.dev.bdev.limits;
    if (!dl.maxDiscardSectors) {
      // The device takes no discards: they are only logged.
      lc.deviceSupportsDiscard = false;
      limits.discardGranularity = lc.sectorsize;
      limits.maxDiscardSectors = UINT_MAX >>> 9;
    }
    limits.logicalBlockSize = dl.logicalBlockSize;
    limits.physicalBlockSize = dl.physicalBlockSize;
    limits.ioMin = limits.physicalBlockSize;
    limits.dmaAlignment = limits.logicalBlockSize - 1;
  },
});
