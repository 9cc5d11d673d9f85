/**
 * unstriped: the inverse of a striped RAID 0 layout: exposes one stripe (member) of a striped
 * device as a device of its own.
 *
 *     <start> <length> unstriped <number of stripes> <chunk size> <stripe #> <dev_path> <offset>
 *
 * Chunk size is in sectors of 512 bytes. Status INFO is empty; TABLE is
 * "<stripes> <chunk size> <stripe #> <major:minor> <offset>". No flushes or discards are passed
 * down (the target sets no num_flush_bios), as in Linux. (drivers/md/dm-unstripe.c, 6.1.192)
 */

import { ctrError, defineTarget, kstrtouint, parseU64, type DmDev } from "../target.ts";

interface Unstripe {
  dev: DmDev;
  physicalStart: number;
  stripes: number;
  unstripe: number;
  /** Sectors of the other stripes between two chunks of this one. */
  unstripeWidth: number;
  /** Sectors before this stripe's first chunk. */
  unstripeOffset: number;
  chunkSize: number;
}

export default defineTarget<Unstripe>({
  name: "unstriped",
  version: [1, 1, 0],
  features: { nowait: true },
  ctr(t, args) {
    if (args.length !== 5) ctrError("Invalid number of arguments");
    const stripes = kstrtouint(args[0]!);
    if (!stripes) ctrError("Invalid stripe count");
    const chunkSize = kstrtouint(args[1]!);
    if (!chunkSize) ctrError("Invalid chunk_size");
    const unstripe = kstrtouint(args[2]!);
    if (unstripe === null) ctrError("Invalid stripe number");
    // The kernel's own bound lets a stripe number equal to the count through.
    if (unstripe > stripes && stripes > 1)
      ctrError("Please provide stripe between [0, # of stripes]");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[3]!);
    } catch {
      ctrError("Couldn't get striped device");
    }
    const start = parseU64(args[4]!);
    if (start === null) {
      t.putDevice(dev);
      ctrError("Invalid striped device offset");
    }
    if (t.len % chunkSize !== 0) {
      t.putDevice(dev);
      ctrError("Target length not divisible by chunk size");
    }
    t.maxIoLen = chunkSize;
    t.private = {
      dev,
      physicalStart: start,
      stripes,
      unstripe,
      unstripeWidth: (stripes - 1) * chunkSize,
      unstripeOffset: unstripe * chunkSize,
      chunkSize,
    };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const uc = t.priv;
    // map_to_core: shift up to the right "row" of the stripe set, then to this stripe.
    const sector = t.offset(bio.sector);
    const row = Math.floor(sector / uc.chunkSize);
    bio.bdev = uc.dev.bdev;
    bio.sector = sector + uc.unstripeWidth * row + uc.unstripeOffset + uc.physicalStart;
    return "REMAPPED";
  },
  status(t, type) {
    const uc = t.priv;
    return type === "TABLE"
      ? `${uc.stripes} ${uc.chunkSize} ${uc.unstripe} ${uc.dev.name} ${uc.physicalStart}`
      : "";
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.physicalStart, t.len);
  },
  ioHints(t, limits) {
    limits.chunkSectors = t.priv.chunkSize;
  },
});
