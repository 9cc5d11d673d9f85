/**
 * bug_remap: a target with a deliberate bug for the contract check "remap-not-held". It takes
 * a data device and a spare; after checking the spare exists it puts it back (dm_put_device)
 * "because it is not used yet", but map sends writes past the target's first half to it.
 * The bios go to a device the table no longer holds: nothing keeps it from being removed.
 *
 *     <start> <length> bug_remap <data_dev> <spare_dev>
 */

import { ctrError, defineTarget, type DmDev } from "dm-playground";

export default defineTarget<{ data: DmDev; spare: DmDev }>({
  name: "bug_remap",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const data = t.getDevice(args[0]!);
    const spare = t.getDevice(args[1]!);
    t.putDevice(spare); // BUG: the spare is used by map below
    t.numFlushBios = 1;
    t.private = { data, spare };
  },
  dtr(t) {
    t.putDevice(t.priv.data);
  },
  map(t, bio) {
    const rel = t.offset(bio.sector);
    const half = Math.floor(t.len / 2);
    if (bio.op === "WRITE" && rel >= half) {
      bio.bdev = t.priv.spare.bdev;
      bio.sector = rel - half;
    } else {
      bio.bdev = t.priv.data.bdev;
      bio.sector = rel;
    }
    return "REMAPPED";
  },
});
