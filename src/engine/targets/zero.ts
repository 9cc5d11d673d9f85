/**
 * zero: reads return zeros, writes are dropped. Like /dev/zero as a block device.
 *
 *     <start> <length> zero
 *
 * No status output. (drivers/md/dm-zero.c)
 */

import { ctrError, defineTarget } from "../target.ts";

export default defineTarget<null>({
  name: "zero",
  version: [1, 1, 0],
  ctr(t, args) {
    if (args.length !== 0) ctrError("No arguments required");
    // Discards are accepted and, like writes, dropped.
    t.numDiscardBios = 1;
    t.private = null;
  },
  map(_t, bio) {
    switch (bio.op) {
      case "READ":
        bio.data?.fill(0);
        break;
      case "WRITE":
      case "DISCARD":
        break;
      default:
        return "KILL";
    }
    bio.end();
    return "SUBMITTED";
  },
});
