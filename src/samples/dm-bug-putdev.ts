/**
 * bug_putdev: a linear target with a deliberate bug for the contract check "device-not-put":
 * it has no dtr, so the device it got in ctr is never put (dm_put_device). The kernel warns
 * "dm_table_destroy: dm_put_device call missing" when the table goes.
 *
 *     <start> <length> bug_putdev <dev_path> <offset>
 */

import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";

export default defineTarget<{ dev: DmDev; start: number }>({
  name: "bug_putdev",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    t.numFlushBios = 1;
    t.private = { dev: t.getDevice(args[0]!), start };
  },
  // BUG: no dtr(t) { t.putDevice(t.priv.dev); }
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    if (bio.sectors > 0) bio.sector = t.priv.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  status(t, type) {
    return type === "TABLE" ? `${t.priv.dev.name} ${t.priv.start}` : "";
  },
});
