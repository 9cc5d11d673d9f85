/**
 * error: every I/O fails. Takes any arguments and ignores them (a wildcard target, used to
 * replace a table that must stop doing I/O: `dmsetup wipe_table`, `remove --force`).
 *
 *     <start> <length> error
 *
 * No status output. (drivers/md/dm-target.c)
 */

import { defineTarget } from "../target.ts";

export default defineTarget<null>({
  name: "error",
  version: [1, 5, 0],
  ctr(t) {
    // Discards fail with an I/O error too, rather than "not supported".
    t.numDiscardBios = 1;
    t.private = null;
  },
  map() {
    return "KILL";
  },
});
