/**
 * linear: maps a range of the device onto a contiguous range of another device.
 *
 *     <start> <length> linear <dev_path> <offset>
 *
 * Status INFO is empty; TABLE is "<major:minor> <offset>". (drivers/md/dm-linear.c)
 */

import { ctrError, defineTarget, parseU64, parseU64Exact, type DmDev } from "../target.ts";

interface Linear {
  dev: DmDev;
  start: number;
  /** The offset as given, exactly (the device-area check prints it; a double may round it). */
  startExact: bigint;
}

export default defineTarget<Linear>({
  name: "linear",
  version: [1, 4, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!);
    } catch (e) {
      ctrError(
        "Device lookup failed",
        e instanceof Error && "errno" in e ? (e as { errno: "ENODEV" }).errno : "ENODEV",
      );
    }
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    t.numWriteZeroesBios = 1;
    t.private = { dev, start, startExact: parseU64Exact(args[1]!)! };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const lc = t.priv;
    bio.bdev = lc.dev.bdev;
    if (bio.sectors > 0) bio.sector = lc.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  status(t, type) {
    return type === "TABLE" ? `${t.priv.dev.name} ${t.priv.start}` : "";
  },
  iterateDevices(t, fn) {
    const { start, startExact } = t.priv;
    fn(t.priv.dev, Number.isSafeInteger(start) ? start : startExact, t.len);
  },
});
