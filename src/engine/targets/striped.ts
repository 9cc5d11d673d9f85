/**
 * striped: spreads a range across several devices in chunks, round robin.
 *
 *     <start> <length> striped <#stripes> <chunk_size> [<dev_path> <offset>]+
 *
 * The target length must divide by the number of stripes, and each stripe's share by the chunk
 * size (which need not be a power of two). Bios are split at chunk boundaries (max_io_len).
 * Status INFO: "<#stripes> <dev>... 1 <A|D per stripe>" (D once a stripe has seen an I/O
 * error); TABLE: "<#stripes> <chunk_size> [<dev> <offset>]+". (drivers/md/dm-stripe.c)
 */

import { blkLimitsIoMin, blkLimitsIoOpt } from "../blk-settings.ts";
import { ctrError, defineTarget, kstrtouint, parseU64, type DmDev } from "../target.ts";
import { DmError } from "../types.ts";

const DM_IO_ERROR_THRESHOLD = 15;

interface Stripe {
  dev: DmDev;
  physicalStart: number;
  errorCount: number;
}

interface Striped {
  stripes: number;
  chunkSize: number;
  /** Sectors each stripe holds (target length / stripes). */
  width: number;
  stripe: Stripe[];
}

/** stripe_map_sector: which stripe a target-relative sector falls on, and where. */
function mapSector(sc: Striped, offset: number): [number, number] {
  let chunk = Math.floor(offset / sc.chunkSize);
  const chunkOffset = offset - chunk * sc.chunkSize;
  const stripe = chunk % sc.stripes;
  chunk = Math.floor(chunk / sc.stripes);
  return [stripe, chunk * sc.chunkSize + chunkOffset];
}

/** stripe_map_range_sector: `offset` rounded onto `target` stripe. */
function mapRangeSector(sc: Striped, offset: number, target: number): number {
  const [stripe, result] = mapSector(sc, offset);
  if (stripe === target) return result;
  let r = result - (result % sc.chunkSize);
  if (target < stripe) r += sc.chunkSize;
  return r;
}

export default defineTarget<Striped>({
  name: "striped",
  version: [1, 6, 0],
  ctr(t, args) {
    if (args.length < 2) ctrError("Not enough arguments");
    const stripes = kstrtouint(args[0]!);
    if (!stripes) ctrError("Invalid stripe count");
    const chunkSize = kstrtouint(args[1]!);
    if (!chunkSize) ctrError("Invalid chunk_size");
    if (t.len % stripes !== 0) ctrError("Target length not divisible by number of stripes");
    const width = t.len / stripes;
    if (width % chunkSize !== 0) ctrError("Target length not divisible by chunk size");
    if (args.length !== 2 + 2 * stripes) ctrError("Not enough destinations specified");
    t.maxIoLen = chunkSize;
    t.numFlushBios = stripes;
    t.numDiscardBios = stripes;
    t.numWriteZeroesBios = stripes;
    const stripe: Stripe[] = [];
    for (let i = 0; i < stripes; i++) {
      const path = args[2 + 2 * i]!;
      const start = parseU64(args[3 + 2 * i]!);
      try {
        if (start === null) throw new DmError("EINVAL");
        stripe.push({ dev: t.getDevice(path), physicalStart: start, errorCount: 0 });
      } catch (e) {
        for (const s of stripe) t.putDevice(s.dev);
        ctrError("Couldn't parse stripe destination", e instanceof DmError ? e.errno : "EINVAL");
      }
    }
    t.private = { stripes, chunkSize, width, stripe };
  },
  dtr(t) {
    for (const s of t.priv.stripe) t.putDevice(s.dev);
  },
  map(t, bio) {
    const sc = t.priv;
    if (bio.isEmptyFlush) {
      bio.bdev = sc.stripe[bio.targetBioNr]!.dev.bdev;
      return "REMAPPED";
    }
    if (bio.op === "DISCARD" || bio.op === "WRITE_ZEROES") {
      const n = bio.targetBioNr;
      const s = sc.stripe[n]!;
      const off = t.offset(bio.sector);
      const begin = mapRangeSector(sc, off, n);
      const end = mapRangeSector(sc, off + bio.sectors, n);
      if (begin < end) {
        bio.bdev = s.dev.bdev;
        bio.sector = begin + s.physicalStart;
        bio.sectors = end - begin;
        return "REMAPPED";
      }
      // The range does not touch this stripe.
      bio.end();
      return "SUBMITTED";
    }
    const [n, sector] = mapSector(sc, t.offset(bio.sector));
    const s = sc.stripe[n]!;
    bio.sector = sector + s.physicalStart;
    bio.bdev = s.dev.bdev;
    return "REMAPPED";
  },
  endIo(t, bio, status) {
    if (status === "OK" || status === "NOTSUPP") return "DONE";
    for (const s of t.priv.stripe) {
      if (s.dev.bdev.dev === bio.bdev.dev) {
        s.errorCount++;
        if (s.errorCount < DM_IO_ERROR_THRESHOLD) t.event();
      }
    }
    return "DONE";
  },
  status(t, type) {
    const sc = t.priv;
    if (type === "INFO") {
      return `${sc.stripes} ${sc.stripe.map((s) => `${s.dev.name} `).join("")}1 ${sc.stripe.map((s) => (s.errorCount ? "D" : "A")).join("")}`;
    }
    return `${sc.stripes} ${sc.chunkSize}${sc.stripe.map((s) => ` ${s.dev.name} ${s.physicalStart}`).join("")}`;
  },
  iterateDevices(t, fn) {
    for (const s of t.priv.stripe) fn(s.dev, s.physicalStart, t.priv.width);
  },
  ioHints(t, limits) {
    const chunk = t.priv.chunkSize * 512;
    blkLimitsIoMin(limits, chunk);
    blkLimitsIoOpt(limits, chunk * t.priv.stripes);
  },
});
