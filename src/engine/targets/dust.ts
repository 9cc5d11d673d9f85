/**
 * dust: linear onto <dev> from <offset>, with a list of bad blocks that fail reads once
 * enabled, as a disk returning "Read Medium Error" would. A write to a bad block removes it
 * from the list (the disk remapped the sector), unless the block still has a write fail count,
 * which the write uses up instead, failing. (drivers/md/dm-dust.c, 6.1.192; not in the kernel
 * tool's kernel: texts from the source and blktests dm/002's expected output.)
 *
 *     <start> <length> dust <device_path> <offset> <blksz>
 *
 * blksz: bytes, a power of two from 512 up to the target's length (at most 1 GiB). Bios are
 * split at blksz (max_io_len), so each one touches one block; a bio's block is its first
 * sector's.
 *
 * Messages: addbadblock <block> [<write fail count 0-255>], removebadblock <block>,
 * queryblock <block>, countbadblocks, clearbadblocks, listbadblocks (these four answer),
 * enable, disable (read failures on bad blocks; disabled at first, and while disabled writes
 * remove nothing), quiet (toggles the add/remove log lines). Status INFO:
 * `<dev> fail_read_on_bad_block|bypass quiet|verbose`; TABLE: `<dev> <offset> <blksz>`.
 */

import {
  ctrError,
  defineTarget,
  kstrtouint,
  parseU64,
  type DmDev,
  type Target,
} from "../target.ts";
import { flushCloneSector } from "./log-writes.ts";
import { DmError, SECTOR_SHIFT } from "../types.ts";

interface DustDevice {
  dev: DmDev;
  /** Bad block number -> write fail count (the kernel's rb-tree, kept sorted on listing). */
  badblocklist: Map<number, number>;
  blksz: number;
  sectPerBlockShift: number;
  sectPerBlock: number;
  start: number;
  failReadOnBb: boolean;
  quietMode: boolean;
}

/** sscanf("%llu%c") == 1: decimal (an optional sign), nothing after it; wraps at 2^64. */
function scanU64(s: string): number | null {
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffffffffffn;
  if (m[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
  return Number(v);
}

/** sscanf("%u%c") == 1. */
function scanU32(s: string): number | null {
  const m = /^\s*([+-]?)([0-9]+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!) & 0xffffffffn;
  if (m[1] === "-") v = (0x100000000n - v) & 0xffffffffn;
  return Number(v);
}

export default defineTarget<DustDevice>({
  name: "dust",
  version: [1, 0, 0],
  ctr(t, args) {
    const DUST_MAX_BLKSZ_SECTORS = 2097152;
    const maxBlockSectors = Math.min(t.len, DUST_MAX_BLKSZ_SECTORS);
    if (args.length !== 3) ctrError("Invalid argument count");
    const blksz = kstrtouint(args[2]!);
    if (blksz === null || !blksz) ctrError("Invalid block size parameter");
    if (blksz < 512) ctrError("Block size must be at least 512");
    if ((blksz & (blksz - 1)) !== 0) ctrError("Block size must be a power of 2");
    if (blksz >> SECTOR_SHIFT > maxBlockSectors) ctrError("Block size is too large");
    const sectPerBlock = blksz >> SECTOR_SHIFT;
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device offset sector");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!);
    } catch {
      ctrError("Device lookup failed");
    }
    t.private = {
      dev,
      badblocklist: new Map(),
      blksz,
      sectPerBlock,
      sectPerBlockShift: Math.log2(sectPerBlock),
      start,
      failReadOnBb: false,
      quietMode: false,
    };
    t.maxIoLen = sectPerBlock;
    t.numDiscardBios = 1;
    t.numFlushBios = 1;
  },
  dtr(t) {
    t.priv.badblocklist.clear();
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const dd = t.priv;
    bio.bdev = dd.dev.bdev;
    // An empty flush clone's sector is the flushed bio's or 0 (log-writes.ts,
    // flushCloneSector), so its offset into the target may wrap (2^64 - n) for a target past
    // sector 0: a block that is never in the list.
    const off =
      bio.sectors === 0 && bio.op === "FLUSH"
        ? flushCloneSector(t as Target<unknown>, bio) - t.begin
        : t.offset(bio.sector);
    bio.sector = dd.start + Math.max(off, 0);
    if (!dd.failReadOnBb || off < 0) return "REMAPPED";
    const thisblock = Math.floor(bio.sector / 2 ** dd.sectPerBlockShift);
    const wrFailCnt = dd.badblocklist.get(thisblock);
    if (bio.op === "READ") return wrFailCnt === undefined ? "REMAPPED" : "KILL";
    // __dust_map_write: a write (a flush, a discard) uses up a fail count, or heals the block.
    if (wrFailCnt !== undefined && wrFailCnt > 0) {
      dd.badblocklist.set(thisblock, wrFailCnt - 1);
      return "KILL";
    }
    if (wrFailCnt !== undefined) {
      dd.badblocklist.delete(thisblock);
      // sector_div(thisblock, sect_per_block) on a block number: the kernel divides twice.
      if (!dd.quietMode)
        t.log(
          "info",
          `block ${Math.floor(thisblock / dd.sectPerBlock)} removed from badblocklist by write`,
        );
    }
    return "REMAPPED";
  },
  message(t, argv) {
    const dd = t.priv;
    let size = dd.dev.bdev.sizeSectors;
    const cmd = argv[0]!.toLowerCase();
    const einval = (): never => {
      throw new DmError("EINVAL");
    };
    const sorted = () => [...dd.badblocklist.keys()].sort((a, b) => a - b);
    if (argv.length === 1) {
      if (cmd === "addbadblock" || cmd === "removebadblock" || cmd === "queryblock") {
        t.log("err", `${argv[0]} requires an additional argument`);
        return einval();
      }
      if (cmd === "disable") {
        t.log("info", "disabling read failures on bad sectors");
        dd.failReadOnBb = false;
        return;
      }
      if (cmd === "enable") {
        t.log("info", "enabling read failures on bad sectors");
        dd.failReadOnBb = true;
        return;
      }
      if (cmd === "countbadblocks")
        return `countbadblocks: ${dd.badblocklist.size} badblock(s) found`;
      if (cmd === "clearbadblocks") {
        const had = dd.badblocklist.size;
        dd.badblocklist = new Map();
        return had
          ? "dust_clear_badblocks: badblocks cleared"
          : "dust_clear_badblocks: no badblocks found";
      }
      if (cmd === "quiet") {
        dd.quietMode = !dd.quietMode;
        return;
      }
      if (cmd === "listbadblocks") {
        const list = sorted();
        return list.length ? list.map((b) => `${b}\n`).join("") : "No blocks in badblocklist";
      }
      t.log("err", `unrecognized message '${argv[0]}' received`);
      return einval();
    }
    if (argv.length === 2) {
      const block = scanU64(argv[1]!);
      if (block === null) return einval();
      size = Math.floor(size / dd.sectPerBlock);
      if (block > size) {
        t.log("err", "selected block value out of range");
        return einval();
      }
      if (cmd === "addbadblock") return addBlock(t.log.bind(t), dd, block, 0);
      if (cmd === "removebadblock") {
        if (!dd.badblocklist.has(block)) {
          if (!dd.quietMode)
            t.log("err", `dust_remove_block: block ${block} not found in badblocklist`);
          return einval();
        }
        dd.badblocklist.delete(block);
        if (!dd.quietMode) t.log("info", `dust_remove_block: badblock removed at block ${block}`);
        return;
      }
      if (cmd === "queryblock")
        return dd.badblocklist.has(block)
          ? `dust_query_block: block ${block} found in badblocklist`
          : `dust_query_block: block ${block} not found in badblocklist`;
      t.log("err", `unrecognized message '${argv[0]}' received`);
      return einval();
    }
    if (argv.length === 3) {
      const block = scanU64(argv[1]!);
      if (block === null) return einval();
      const cnt = scanU32(argv[2]!);
      if (cnt === null) return einval();
      if (cnt > 255) {
        t.log("err", "selected write fail count out of range");
        return einval();
      }
      size = Math.floor(size / dd.sectPerBlock);
      if (block > size) {
        t.log("err", "selected block value out of range");
        return einval();
      }
      if (cmd === "addbadblock") return addBlock(t.log.bind(t), dd, block, cnt);
      t.log("err", `unrecognized message '${argv[0]}' received`);
      return einval();
    }
    t.log("err", `invalid number of arguments '${argv.length}'`);
    return einval();
  },
  status(t, type) {
    const dd = t.priv;
    if (type === "INFO")
      return `${dd.dev.name} ${dd.failReadOnBb ? "fail_read_on_bad_block" : "bypass"} ${dd.quietMode ? "quiet" : "verbose"}`;
    if (type === "TABLE") return `${dd.dev.name} ${dd.start} ${dd.blksz}`;
    return "";
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});

/** dust_add_block: EINVAL when the block is already listed. */
function addBlock(
  log: (level: "err" | "info", text: string) => void,
  dd: DustDevice,
  block: number,
  wrFailCnt: number,
): void {
  if (dd.badblocklist.has(block)) {
    if (!dd.quietMode) log("err", `dust_add_block: block ${block} already in badblocklist`);
    throw new DmError("EINVAL");
  }
  dd.badblocklist.set(block, wrFailCnt);
  if (!dd.quietMode)
    log(
      "info",
      `dust_add_block: badblock added at block ${block} with write fail count ${wrFailCnt}`,
    );
}
