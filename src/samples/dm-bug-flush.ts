/**
 * bug_flush: a linear target with a deliberate bug for the contract check "no-flush-bios":
 * it maps writes but leaves t.numFlushBios at 0, so an empty flush (fsync, `dd conv=fsync`,
 * REQ_PREFLUSH) completes at once without ever reaching the device the writes went to.
 *
 *     <start> <length> bug_flush <dev_path> <offset>
 */

import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";

export default defineTarget<{ dev: DmDev; start: number }>({
  name: "bug_flush",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    // BUG: missing t.numFlushBios = 1;
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
    return type === "TABLE" ? `${t.priv.dev.name} ${t.priv.start}` : "";
  },
});
