/**
 * bug_private: a linear target with a deliberate bug for the contract check
 * "private-not-set". Its ctr checks the arguments and gets the device, but keeps what it parsed
 * in a variable of the module instead of t.private, so every instance shares the last one's
 * device: two tables of it map to the same place.
 *
 *     <start> <length> bug_private <dev_path> <offset>
 */

import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";

let last: { dev: DmDev; start: number } | undefined; // BUG: per-module, not per-target

export default defineTarget<{ dev: DmDev; start: number }>({
  name: "bug_private",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    last = { dev: t.getDevice(args[0]!), start };
    t.numFlushBios = 1;
    // BUG: t.private is never set.
  },
  dtr(t) {
    if (last) t.putDevice(last.dev);
  },
  map(t, bio) {
    bio.bdev = last!.dev.bdev;
    if (bio.sectors > 0) bio.sector = last!.start + t.offset(bio.sector);
    return "REMAPPED";
  },
});
