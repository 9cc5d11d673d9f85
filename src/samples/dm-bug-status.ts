/**
 * bug_status: a linear target with a deliberate bug for the contract check
 * "status-round-trip": its status TABLE prints the device but not the offset as given, so
 * `dmsetup table` shows a line that loads back as a different target (offset 0).
 *
 *     <start> <length> bug_status <dev_path> <offset>
 */

import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";

export default defineTarget<{ dev: DmDev; start: number }>({
  name: "bug_status",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    t.numFlushBios = 1;
    t.private = { dev: t.getDevice(args[0]!), start };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    if (bio.sectors > 0) bio.sector = t.priv.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  status(t, type) {
    return type === "TABLE" ? `${t.priv.dev.name} 0` : ""; // BUG: should print t.priv.start
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});
